package io.tinynets.classroom.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down without locking anyone out. Failed logins are counted in three leaky buckets:
 * <ul>
 *   <li>per username + address: one person guessing one account from one machine;</li>
 *   <li>per address, across usernames: one machine spraying a common password over the class list;</li>
 *   <li>per username, across addresses: many machines guessing one account.</li>
 * </ul>
 * Each bucket forgets one failure per leak interval. While a bucket holds no more than its free failures nothing
 * happens; past that, every failure makes the next attempt wait (1 s, 2 s, 4 s… doubling, never more than
 * {@link #MAX_DELAY}). An attempt that comes too early is refused without checking the password, so it tells nothing
 * and does not count. There is no hard lock-out: the wait is short for a class mistyping behind one address and
 * always ends, and a login that succeeds clears its username + address bucket.
 *
 * <p>The address is the real client's: behind a reverse proxy that is the proxy's only when the proxy is not
 * configured as trusted ({@link TrustedProxies}).
 */
@Component
public class LoginAttemptLimiter {

    /** How one kind of bucket behaves. */
    record Policy(int freeFailures, Duration leakEvery) {
    }

    /** One machine, one account: five free tries, then forgetting one every two minutes. */
    static final Policy PAIR = new Policy(5, Duration.ofMinutes(2));
    /** One machine, any accounts: generous enough that a class behind one NAT address mistypes without waiting. */
    static final Policy ADDRESS = new Policy(15, Duration.ofSeconds(30));
    /** One account, any machines. */
    static final Policy USERNAME = new Policy(10, Duration.ofMinutes(1));
    /** The first wait past the free failures; each further failure doubles it. */
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    /** No wait is ever longer than this. */
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    /** Bound on remembered buckets, so a flood of invented usernames cannot fill the memory. */
    static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();

    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** Forgets every failure (tests share one limiter per Spring context). */
    void forgetAll() {
        buckets.clear();
    }

    /** True when an attempt for this username from this address must wait: refuse it without checking. */
    public boolean blocked(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            Bucket b = buckets.get(key);
            if (b != null && b.waiting(now)) {
                return true;
            }
        }
        return false;
    }

    /** How long an attempt for this username from this address has to wait from now (zero when it may go). */
    Duration wait(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(username, address)) {
            Bucket b = buckets.get(key);
            if (b != null) {
                Duration d = b.remaining(now);
                if (d.compareTo(longest) > 0) {
                    longest = d;
                }
            }
        }
        return longest;
    }

    /** A checked attempt failed: fills its three buckets. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(b -> b.forgotten(now));
        }
        List<String> keys = keys(username, address);
        Policy[] policies = {PAIR, ADDRESS, USERNAME};
        for (int i = 0; i < keys.size(); i++) {
            Policy policy = policies[i];
            // still full of live buckets after the clean-up: an attack with endless names; a new key is not
            // remembered (the address bucket of the attacker, already present, keeps slowing them down)
            Bucket b = buckets.size() < MAX_KEYS ? buckets.computeIfAbsent(keys.get(i), k -> new Bucket(policy))
                    : buckets.get(keys.get(i));
            if (b != null) {
                b.failed(now);
            }
        }
    }

    /** A checked attempt succeeded: this machine's failures for this account are forgotten. */
    public void succeeded(String username, String address) {
        buckets.remove(keys(username, address).get(0));
    }

    private static List<String> keys(String username, String address) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String a = address == null ? "?" : address;
        // the three kinds of key cannot collide: a username never holds a newline
        return List.of("p\n" + u + '\n' + a, "a\n" + a, "u\n" + u);
    }

    /** Failures that leak away over time, and the moment the next attempt may come. */
    static final class Bucket {
        private final Policy policy;
        private double level;
        private Instant updated = Instant.EPOCH;
        private Instant notBefore = Instant.EPOCH;

        Bucket(Policy policy) {
            this.policy = policy;
        }

        synchronized void failed(Instant now) {
            leak(now);
            level += 1;
            double over = level - policy.freeFailures();
            if (over > 0) {
                int doublings = (int) Math.min(30, Math.ceil(over) - 1);
                Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
                notBefore = now.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
            }
        }

        synchronized boolean waiting(Instant now) {
            return now.isBefore(notBefore);
        }

        synchronized Duration remaining(Instant now) {
            return now.isBefore(notBefore) ? Duration.between(now, notBefore) : Duration.ZERO;
        }

        /** Empty and not delaying anyone: can be dropped. */
        synchronized boolean forgotten(Instant now) {
            leak(now);
            return level == 0 && !now.isBefore(notBefore);
        }

        private void leak(Instant now) {
            if (now.isAfter(updated)) {
                double leaked = (double) Duration.between(updated, now).toMillis() / policy.leakEvery().toMillis();
                level = Math.max(0, level - leaked);
                updated = now;
            }
        }
    }
}
