package io.tinynets.lab.playground.ui;

/**
 * Keeps one kind of update within a byte rate: after sending n bytes the next send waits n / rate seconds (but at
 * least {@code minIntervalNanos}). Counts everything sent, so tests and the report can state the real figure.
 */
final class ByteBudget {

    private final double bytesPerSecond;
    private final long minIntervalNanos;
    private long nextAllowedNanos = Long.MIN_VALUE;
    private long totalBytes;
    private int sends;

    ByteBudget(double bytesPerSecond, long minIntervalMillis) {
        this.bytesPerSecond = bytesPerSecond;
        this.minIntervalNanos = minIntervalMillis * 1_000_000L;
    }

    boolean due(long nowNanos) {
        return nowNanos >= nextAllowedNanos;
    }

    void sent(long nowNanos, int bytes) {
        totalBytes += bytes;
        sends++;
        long wait = Math.max(minIntervalNanos, (long) (bytes / bytesPerSecond * 1e9));
        nextAllowedNanos = nowNanos + wait;
    }

    long totalBytes() {
        return totalBytes;
    }

    int sends() {
        return sends;
    }
}
