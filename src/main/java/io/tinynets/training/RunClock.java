package io.tinynets.training;

/**
 * The training runtime's time: what speed limits, snapshot intervals and idle timeouts are measured in, and the
 * timer that wakes runs up. In production it is {@link System#nanoTime()} and one timer thread
 * ({@link SystemRunClock}); a test moves a logical clock by hand, so it can check timing rules exactly instead of
 * against the wall clock of a busy machine. (Slices, the fairness budget of a worker, are always real CPU time.)
 */
interface RunClock extends AutoCloseable {

    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now; null when the clock is closing. */
    Wakeup schedule(Runnable task, long delayNanos);

    /** Runs {@code task} every {@code periodNanos}, the first time one period from now (housekeeping). */
    Wakeup every(Runnable task, long periodNanos);

    /** One-shot wake-ups waiting, housekeeping excluded (for tests and monitoring). */
    int pendingWakeUps();

    @Override
    void close();

    /** A scheduled task that can be called off. */
    interface Wakeup {
        void cancel();
    }
}
