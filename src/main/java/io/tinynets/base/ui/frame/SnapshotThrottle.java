package io.tinynets.base.ui.frame;

import java.util.function.LongSupplier;

/**
 * Keeps one kind of live update within a byte rate, the one way every lab paces what it pushes to a browser: after
 * sending n bytes the next send waits n / rate seconds, but at least the minimum interval. It also counts what was
 * sent, and over a sliding window reports the rate actually used (a lab's traffic read-out, and the figure its
 * browser test checks against the lab's budget).
 *
 * <p>The clock is injected (nanoseconds), so tests drive it logically.
 */
public final class SnapshotThrottle {

    /** Sends remembered for the measured rate. */
    private static final int WINDOW_SENDS = 256;

    private double bytesPerSecond;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final long[] sentBytes = new long[WINDOW_SENDS];
    private final long[] sentAt = new long[WINDOW_SENDS];
    private int sentCount;
    private long nextAllowedNanos;
    private boolean forced = true;
    private long totalBytes;

    /**
     * @param bytesPerSecond    the rate this kind of update may use
     * @param minIntervalMillis the shortest time between two sends, however small
     */
    public SnapshotThrottle(double bytesPerSecond, long minIntervalMillis) {
        this(bytesPerSecond, minIntervalMillis, System::nanoTime);
    }

    public SnapshotThrottle(double bytesPerSecond, long minIntervalMillis, LongSupplier clock) {
        if (!(bytesPerSecond > 0) || minIntervalMillis < 0) {
            throw new IllegalArgumentException("a throttle needs a positive rate and a non-negative interval");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.minIntervalNanos = minIntervalMillis * 1_000_000L;
        this.clock = clock;
    }

    /** A new rate from the next send on (e.g. what other updates leave of a total budget). */
    public void setBytesPerSecond(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("a throttle needs a positive rate");
        }
        bytesPerSecond = rate;
    }

    /** True when the next update may be sent now (always right after {@link #force()}). */
    public boolean due() {
        return forced || clock.getAsLong() - nextAllowedNanos >= 0;
    }

    /** The next {@link #due()} is true whatever was sent (a new run, a pause: the picture must be current). */
    public void force() {
        forced = true;
    }

    /** Records a send of {@code bytes}: the next one waits until the rate allows it. */
    public void sent(long bytes) {
        long now = clock.getAsLong();
        forced = false;
        totalBytes += bytes;
        int i = sentCount++ % WINDOW_SENDS;
        sentBytes[i] = bytes;
        sentAt[i] = now;
        nextAllowedNanos = now + Math.max(minIntervalNanos, (long) (bytes / bytesPerSecond * 1e9));
    }

    /** Sends {@code bytes} when due: true when the caller should draw (and it is counted as sent). */
    public boolean trySend(long bytes) {
        if (!due()) {
            return false;
        }
        sent(bytes);
        return true;
    }

    /** Everything sent since this throttle was made. */
    public long totalBytes() {
        return totalBytes;
    }

    public int sends() {
        return sentCount;
    }

    /**
     * The bytes per second actually sent over the last {@code windowMillis}: the bytes of the sends in the window over
     * the time since the oldest of them, at least one second (so a first burst reads as what it is, not as a rate
     * over an instant). 0 before anything was sent.
     */
    public double measuredBytesPerSecond(long windowMillis) {
        long now = clock.getAsLong();
        long window = windowMillis * 1_000_000L;
        long bytes = 0;
        long oldest = now;
        int n = Math.min(sentCount, WINDOW_SENDS);
        for (int k = 0; k < n; k++) {
            int i = (sentCount - 1 - k) % WINDOW_SENDS;
            if (now - sentAt[i] > window) {
                break;
            }
            bytes += sentBytes[i];
            oldest = sentAt[i];
        }
        double seconds = Math.max(1.0, (now - oldest) / 1e9);
        return bytes / seconds;
    }
}
