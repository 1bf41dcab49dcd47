package io.tinynets.classroom.security;

import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The HTTP side of security: form login, the generic failure, rate limiting, headers, no H2 console, sessions. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    ServerProperties server;

    @Autowired
    LoginAttemptLimiter limiter;
    private Instant clock = Instant.parse("2026-03-02T09:00:00Z");

    @BeforeEach
    void freshLimiter() {
        limiter.forgetAll();
        limiter.setClock(Clock.fixed(clock, ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        limiter.forgetAll();
        limiter.setClock(Clock.systemUTC());
    }

    @BeforeEach
    void accounts() {
        ClassroomFixtures.clean(jdbc);
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        ClassroomFixtures.account(accounts, "kim", Role.STUDENT);
    }

    private static MockHttpServletRequestBuilder login(String user, String password, String address) {
        return post("/login").param("username", user).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    @Test
    void rightPasswordLogsInAndWrongOnesFailAlike() throws Exception {
        mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.1.0.1")).andExpect(authenticated().withUsername("kim")
                .withRoles("STUDENT"));
        // wrong password and unknown user: the same redirect, nothing tells them apart
        MvcResult wrongPassword = mvc.perform(login("kim", "not it at all", "10.1.0.1"))
                .andExpect(unauthenticated()).andReturn();
        MvcResult unknownUser = mvc.perform(login("nobody", "not it at all", "10.1.0.1"))
                .andExpect(unauthenticated()).andReturn();
        assertThat(wrongPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?error")
                .isEqualTo(unknownUser.getResponse().getRedirectedUrl());
    }

    @Test
    void afterRepeatedFailuresEvenTheRightPasswordWaitsThenWorks() throws Exception {
        for (int i = 0; i <= LoginAttemptLimiter.PAIR.freeFailures(); i++) {
            mvc.perform(login("kim", "guess " + i + "!!", "10.2.0.1")).andExpect(unauthenticated());
        }
        // while the wait runs the password is not even checked: the same answer as a wrong one
        mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.2.0.1")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        // another machine is not slowed down
        mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.2.0.2")).andExpect(authenticated());
        // and the wait ends: no lock-out
        clock = clock.plusSeconds(1);
        limiter.setClock(Clock.fixed(clock, ZoneOffset.UTC));
        mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.2.0.1")).andExpect(authenticated());
    }

    @Test
    void sprayingFromOneAddressIsSlowedForEveryUsername() throws Exception {
        for (int i = 0; i <= LoginAttemptLimiter.ADDRESS.freeFailures(); i++) {
            mvc.perform(login("student" + i, "common password", "10.7.0.1")).andExpect(unauthenticated());
        }
        mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.7.0.1")).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.7.0.2")).andExpect(authenticated());
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        // (MockMvc cannot run the Vaadin servlet; a response the filter chain answers itself carries the same headers)
        mvc.perform(login("kim", "wrong password", "10.6.0.1"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().exists("Permissions-Policy"))
                // outside Vaadin's bootstrap page: the policy without a nonce, so no inline script runs at all
                .andExpect(header().string("Content-Security-Policy", "default-src 'self'; "
                        + "script-src 'self' 'unsafe-eval'; script-src-attr 'none'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'self'"));
    }

    @Test
    void theH2ConsoleIsNeverServed() throws Exception {
        int anonymous = mvc.perform(get("/h2-console/")).andReturn().getResponse().getStatus();
        assertThat(anonymous).isNotEqualTo(200);
        MockHttpSession session = (MockHttpSession) mvc.perform(login("admin", "admin password", "10.3.0.1"))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        int asAdmin = mvc.perform(get("/h2-console/").session(session)).andReturn().getResponse().getStatus();
        assertThat(asAdmin).isEqualTo(403);
        assertThat(environment.getProperty("spring.h2.console.enabled", Boolean.class, false)).isFalse();
    }

    @Test
    void sessionsExpireAndAnExpiredSessionIsAnonymous() throws Exception {
        Duration timeout = server.getServlet().getSession().getTimeout();
        assertThat(timeout).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        // Vaadin's heartbeats alone do not keep an idle session alive
        assertThat(environment.getProperty("vaadin.closeIdleSessions", Boolean.class, false)).isTrue();

        MockHttpSession session = (MockHttpSession) mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.4.0.1"))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/h2-console/").session(session)).andExpect(authenticated().withUsername("kim"));
        session.invalidate(); // what the container does when the timeout passes
        mvc.perform(get("/h2-console/").session(new MockHttpSession())).andExpect(unauthenticated());
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(login("kim", ClassroomFixtures.PASSWORD, "10.5.0.1"))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(unauthenticated());
        assertThat(session.isInvalid()).isTrue();
    }
}
