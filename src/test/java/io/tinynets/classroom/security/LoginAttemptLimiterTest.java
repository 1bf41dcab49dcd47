package io.tinynets.classroom.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The login limits on a logical clock: growing waits per account + machine, per machine and per account. */
class LoginAttemptLimiterTest {

    private Instant now = Instant.parse("2026-01-01T09:00:00Z");
    private final LoginAttemptLimiter limiter = new LoginAttemptLimiter();

    @BeforeEach
    void fixedClock() {
        advance(Duration.ZERO);
    }

    private void advance(Duration d) {
        now = now.plus(d);
        limiter.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Waits out whatever the limiter asks, then fails once more: what a patient guesser does. */
    private Duration waitThenFail(String user, String address) {
        Duration wait = limiter.wait(user, address);
        advance(wait);
        assertThat(limiter.blocked(user, address)).isFalse();
        limiter.failed(user, address);
        return limiter.wait(user, address);
    }

    @Test
    void fiveFreeTriesThenEachFailureDoublesTheWait() {
        for (int i = 0; i < LoginAttemptLimiter.PAIR.freeFailures(); i++) {
            limiter.failed("kim", "10.0.0.1");
            assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
        }
        limiter.failed("KIM", "10.0.0.1");
        assertThat(limiter.blocked("kim", "10.0.0.1")).isTrue();
        assertThat(limiter.wait("kim", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(waitThenFail("kim", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        assertThat(waitThenFail("kim", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
        assertThat(waitThenFail("kim", "10.0.0.1")).isEqualTo(Duration.ofSeconds(8));
        // a classmate on the same machine, and the same name on another machine, do not wait
        assertThat(limiter.blocked("lee", "10.0.0.1")).isFalse();
        assertThat(limiter.blocked("kim", "10.0.0.2")).isFalse();
    }

    @Test
    void aPatientGuesserGetsAboutOneTryPerLeakIntervalAndIsNeverLockedOut() {
        for (int i = 0; i < 100; i++) {
            waitThenFail("kim", "10.0.0.1");
        }
        Instant start = now;
        for (int i = 0; i < 100; i++) {
            assertThat(waitThenFail("kim", "10.0.0.1")).isLessThanOrEqualTo(LoginAttemptLimiter.MAX_DELAY);
        }
        // the steady rate is the pair bucket's leak (one failure forgotten every two minutes), give or take a try
        Duration perTry = Duration.between(start, now).dividedBy(100);
        assertThat(perTry).isBetween(LoginAttemptLimiter.PAIR.leakEvery().multipliedBy(9).dividedBy(10),
                LoginAttemptLimiter.PAIR.leakEvery().multipliedBy(11).dividedBy(10));
        // no lock-out: once the wait has passed, the next attempt is checked again
        advance(limiter.wait("kim", "10.0.0.1"));
        assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
    }

    @Test
    void aBurstOfParallelGuessesWaitsAtMostTheCap() {
        // forty requests checked at the same moment, before any of them failed
        for (int i = 0; i < 40; i++) {
            limiter.failed("kim", "10.0.0.1");
        }
        assertThat(limiter.wait("kim", "10.0.0.1")).isEqualTo(LoginAttemptLimiter.MAX_DELAY);
        advance(LoginAttemptLimiter.MAX_DELAY);
        assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
    }

    @Test
    void sprayingOnePasswordOverTheClassListFromOneMachineIsSlowed() {
        int free = LoginAttemptLimiter.ADDRESS.freeFailures();
        for (int i = 0; i < free; i++) {
            limiter.failed("student" + i, "10.0.0.9");
        }
        assertThat(limiter.blocked("student" + free, "10.0.0.9")).isFalse();
        limiter.failed("student" + free, "10.0.0.9");
        // every username now waits from that machine, even one never tried
        assertThat(limiter.blocked("somebody.new", "10.0.0.9")).isTrue();
        assertThat(limiter.wait("somebody.new", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        // other machines are not slowed down
        assertThat(limiter.blocked("somebody.new", "10.0.0.10")).isFalse();
        assertThat(limiter.blocked("student1", "10.0.0.10")).isFalse();
    }

    @Test
    void guessingOneAccountFromManyMachinesIsSlowedOnEveryMachine() {
        int free = LoginAttemptLimiter.USERNAME.freeFailures();
        for (int i = 0; i <= free; i++) {
            limiter.failed("teacher.kim", "203.0.113." + i);
        }
        assertThat(limiter.blocked("teacher.kim", "198.51.100.7")).isTrue();
        assertThat(limiter.wait("teacher.kim", "198.51.100.7")).isEqualTo(Duration.ofSeconds(1));
        // the wait is short and ends: the account is never locked
        advance(Duration.ofSeconds(1));
        assertThat(limiter.blocked("teacher.kim", "198.51.100.7")).isFalse();
        assertThat(limiter.blocked("student.lee", "203.0.113.1")).isFalse();
    }

    @Test
    void aClassMistypingBehindOneAddressNeverWaits() {
        // thirty students behind the school's one NAT address, each mistyping once, one every 20 seconds
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.blocked("student" + i, "192.0.2.1")).isFalse();
            limiter.failed("student" + i, "192.0.2.1");
            advance(Duration.ofSeconds(20));
        }
        assertThat(limiter.blocked("student30", "192.0.2.1")).isFalse();
    }

    @Test
    void failuresLeakAwayWithTime() {
        for (int i = 0; i <= LoginAttemptLimiter.PAIR.freeFailures(); i++) {
            limiter.failed("kim", "10.0.0.1");
        }
        advance(LoginAttemptLimiter.PAIR.leakEvery().multipliedBy(3));
        // six failures held, three leaked away: two more are free again, the third waits
        for (int i = 0; i < 2; i++) {
            limiter.failed("kim", "10.0.0.1");
            assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
        }
        limiter.failed("kim", "10.0.0.1");
        assertThat(limiter.blocked("kim", "10.0.0.1")).isTrue();
    }

    @Test
    void aSuccessfulLoginForgetsThatMachinesFailuresForThatAccountOnly() {
        for (int i = 0; i < LoginAttemptLimiter.PAIR.freeFailures(); i++) {
            limiter.failed("kim", "10.0.0.1");
        }
        limiter.succeeded("kim", "10.0.0.1");
        limiter.failed("kim", "10.0.0.1");
        assertThat(limiter.blocked("kim", "10.0.0.1")).isFalse();
        // the failures across machines for the account still count: a success is no reset for a distributed guesser
        for (int i = 0; i < LoginAttemptLimiter.USERNAME.freeFailures() - LoginAttemptLimiter.PAIR.freeFailures() - 1;
             i++) {
            limiter.failed("kim", "10.9.0." + i);
        }
        assertThat(limiter.blocked("kim", "10.9.9.9")).isFalse();
        limiter.failed("kim", "10.9.9.8");
        assertThat(limiter.blocked("kim", "10.9.9.9")).isTrue();
    }
}
