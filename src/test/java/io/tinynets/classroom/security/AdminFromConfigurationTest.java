package io.tinynets.classroom.security;

import io.tinynets.Application;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin password given by configuration: created at start when valid, the start stopped with a reason when not. */
@SpringBootTest
class AdminFromConfigurationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshServer() {
        ClassroomFixtures.clean(jdbc);
    }

    @Test
    void aPasswordBcryptCannotHashStopsTheStartNamingTheSettingAndTheRule() {
        AdminFromConfiguration start = new AdminFromConfiguration(accounts, "admin", "가".repeat(25));
        assertThatThrownBy(() -> start.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tinynets.admin.password")
                .hasMessageContaining("at most 72 bytes")
                .hasMessageContaining("it has 25 characters, 75 bytes");
        assertThat(accounts.adminExists()).isFalse();
        assertThatThrownBy(() -> new AdminFromConfiguration(accounts, "admin", "short").run(null))
                .hasMessageContaining("at least 8 characters");
    }

    @Test
    void aValidPasswordMakesTheAdminOnceAndARaceLostToAnotherInstanceIsNoError() {
        new AdminFromConfiguration(accounts, "admin", "가".repeat(24)).run(null);
        assertThat(accounts.isAdmin("admin")).isTrue();
        // another instance set the server up first: this start goes on with that admin
        ClassroomFixtures.clean(jdbc);
        jdbc.update("INSERT INTO first_start (id, done_at) VALUES (1, CURRENT_TIMESTAMP)");
        new AdminFromConfiguration(accounts, "admin", "long enough").run(null);
        assertThat(accounts.adminExists()).isFalse();
    }

    @Test
    void theServerDoesNotStartWithAnInvalidConfiguredPassword() {
        SpringApplicationBuilder server = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE);
        assertThatThrownBy(() -> server.run(
                "--spring.datasource.url=jdbc:h2:mem:admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--tinynets.data-dir=target/test-data",
                "--tinynets.admin.password=short",
                "--spring.main.banner-mode=off", "--logging.level.root=off",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tinynets.admin.password");
    }
}
