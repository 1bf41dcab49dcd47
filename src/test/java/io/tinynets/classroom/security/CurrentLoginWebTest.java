package io.tinynets.classroom.security;

import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sessions whose login no longer holds end at their next request, whichever instance changed the account: the
 * change is made here straight through the service or the table (as another instance would), without telling any
 * session, and the next request of each older session is anonymous and its HTTP session gone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CurrentLoginWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    LoginAttemptLimiter limiter;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void accounts() {
        limiter.forgetAll();
        ClassroomFixtures.clean(jdbc);
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
    }

    private MockHttpSession login(String user, String password, String address) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", user).param("password", password)
                        .with(csrf()).with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        }))
                .andExpect(authenticated().withUsername(user)).andReturn().getRequest().getSession();
    }

    @Test
    void aPasswordChangeEndsEverySessionThatLoggedInBefore() throws Exception {
        MockHttpSession laptop = login("kim", ClassroomFixtures.PASSWORD, "10.8.0.1");
        MockHttpSession phone = login("kim", ClassroomFixtures.PASSWORD, "10.8.0.2");
        MockHttpSession colleague = login("lee", ClassroomFixtures.PASSWORD, "10.8.0.3");
        mvc.perform(get("/h2-console/").session(laptop)).andExpect(authenticated().withUsername("kim"));

        accounts.changePassword("kim", ClassroomFixtures.PASSWORD, "a brand new password");

        mvc.perform(get("/h2-console/").session(laptop)).andExpect(unauthenticated());
        assertThat(laptop.isInvalid()).isTrue();
        mvc.perform(get("/h2-console/").session(phone)).andExpect(unauthenticated());
        assertThat(phone.isInvalid()).isTrue();
        // someone else's session goes on, and the new password logs in
        mvc.perform(get("/h2-console/").session(colleague)).andExpect(authenticated().withUsername("lee"));
        MockHttpSession fresh = login("kim", "a brand new password", "10.8.0.1");
        mvc.perform(get("/h2-console/").session(fresh)).andExpect(authenticated().withUsername("kim"));
    }

    @Test
    void aCredentialsVersionRaisedByAnotherInstanceEndsTheSession() throws Exception {
        MockHttpSession session = login("kim", ClassroomFixtures.PASSWORD, "10.8.1.1");
        jdbc.update("UPDATE app_user SET credentials_version = credentials_version + 1 WHERE username = 'kim'");
        mvc.perform(get("/h2-console/").session(session)).andExpect(unauthenticated());
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anAccountDeletedElsewhereIsLoggedOutAtItsNextRequest() throws Exception {
        MockHttpSession session = login("lee", ClassroomFixtures.PASSWORD, "10.8.2.1");
        jdbc.update("DELETE FROM app_user WHERE username = 'lee'");
        mvc.perform(get("/h2-console/").session(session)).andExpect(unauthenticated());
        assertThat(session.isInvalid()).isTrue();
    }
}
