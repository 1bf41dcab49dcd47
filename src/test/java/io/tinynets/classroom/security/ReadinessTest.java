package io.tinynets.classroom.security;

import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Readiness includes the database: with the database unreachable (a DataSource this test can break) the instance
 * is alive but not ready, so a balancer sends nobody to it; when the database answers again it is ready again. And
 * even an admin gets nothing else of Actuator.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadinessTest {

    /** A DataSource that refuses every new connection while broken, like a database that went away. */
    static final class BreakableDataSource extends DelegatingDataSource {
        volatile boolean broken;

        BreakableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (broken) {
                throw new SQLException("Connection refused (the test broke the database)", "08001");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            if (broken) {
                throw new SQLException("Connection refused (the test broke the database)", "08001");
            }
            return super.getConnection(username, password);
        }
    }

    @TestConfiguration
    static class Breakable {
        @Bean
        static BeanPostProcessor breakableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(bean instanceof BreakableDataSource)
                            ? new BreakableDataSource(ds) : bean;
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void repair() {
        ((BreakableDataSource) dataSource).broken = false;
    }

    @Test
    void readinessFollowsTheDatabaseWhileLivenessStaysUp() throws Exception {
        BreakableDataSource db = (BreakableDataSource) dataSource;
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true));

        db.broken = true;
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                .andExpect(content().json("{\"status\":\"DOWN\"}", true));
        // the process itself is fine: restarting it would not bring the database back
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true));

        db.broken = false;
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true));
    }

    @Test
    void evenAnAdminGetsNothingElseOfActuator() throws Exception {
        ClassroomFixtures.clean(jdbc);
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "admin")
                        .param("password", "admin password").with(csrf()))
                .andExpect(authenticated().withUsername("admin")).andReturn().getRequest().getSession();
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/health",
                "/actuator/health/db", "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers")) {
            int code = mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
            assertThat(code).as(path).isIn(403, 404);
        }
    }
}
