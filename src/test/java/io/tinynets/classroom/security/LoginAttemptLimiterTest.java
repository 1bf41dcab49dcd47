package io.tinynets.classroom.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptLimiterTest {

    private Instant now = Instant.parse("2026-01-01T09:00:00Z");
    private final LoginAttemptLimiter limiter = new LoginAttemptLimiter();

    private void advance(Duration d) {
        now = now.plus(d);
        limiter.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void blocksAUsernameAndAddressAfterFiveFailuresOnly() {
        advance(Duration.ZERO);
        for (int i = 0; i < LoginAttemptLimiter.MAX_FAILURES - 1; i++) {
            limiter.failed("kim", "10.0.0.1");
        }
        assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
        limiter.failed("KIM", "10.0.0.1");
        assertThat(limiter.blocked("kim", "10.0.0.1")).isTrue();
        // a classmate on the same address, and the same name elsewhere, are not affected
        assertThat(limiter.blocked("lee", "10.0.0.1")).isFalse();
        assertThat(limiter.blocked("kim", "10.0.0.2")).isFalse();
    }

    @Test
    void theBlockEndsWhenTheFailuresLeaveTheWindow() {
        advance(Duration.ZERO);
        for (int i = 0; i < LoginAttemptLimiter.MAX_FAILURES; i++) {
            limiter.failed("kim", "10.0.0.1");
        }
        advance(LoginAttemptLimiter.WINDOW.minusSeconds(1));
        assertThat(limiter.blocked("kim", "10.0.0.1")).isTrue();
        advance(Duration.ofSeconds(2));
        assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        advance(Duration.ZERO);
        for (int i = 0; i < LoginAttemptLimiter.MAX_FAILURES - 1; i++) {
            limiter.failed("kim", "10.0.0.1");
        }
        limiter.succeeded("kim", "10.0.0.1");
        limiter.failed("kim", "10.0.0.1");
        assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
    }
}
