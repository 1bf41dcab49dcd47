package io.tinynets.classroom.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins for one username from one address within
 * {@link #WINDOW}, further attempts for that pair are refused (even with the right password) until the oldest failure
 * leaves the window. Keyed by username + address so one student mistyping cannot lock a classmate out, and a
 * classroom behind one NAT address is not locked out as a whole.
 */
@Component
public class LoginAttemptLimiter {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** Bound on remembered keys, so a flood of invented usernames cannot fill the memory. */
    static final int MAX_KEYS = 50_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** True when this username + address must wait before trying again. */
    public boolean blocked(String username, String address) {
        Deque<Instant> times = failures.get(key(username, address));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= MAX_FAILURES;
        }
    }

    public void failed(String username, String address) {
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(t -> {
                synchronized (t) {
                    prune(t);
                    return t.isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static String key(String username, String address) {
        String u = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return u + '\n' + (address == null ? "?" : address);
    }
}
