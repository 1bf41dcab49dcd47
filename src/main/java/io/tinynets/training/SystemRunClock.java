package io.tinynets.training;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The real clock: {@link System#nanoTime()} and one named timer thread that only wakes runs up, never trains. */
final class SystemRunClock implements RunClock {

    private final ScheduledThreadPoolExecutor timer;
    private final AtomicInteger periodic = new AtomicInteger();

    SystemRunClock() {
        timer = new ScheduledThreadPoolExecutor(1, RunScheduler.named("tinynets-train-timer"));
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Wakeup schedule(Runnable task, long delayNanos) {
        try {
            ScheduledFuture<?> f = timer.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            if (timer.isShutdown()) {
                return null; // the service is closing
            }
            throw e;
        }
    }

    @Override
    public Wakeup every(Runnable task, long periodNanos) {
        ScheduledFuture<?> f = timer.scheduleWithFixedDelay(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        periodic.incrementAndGet();
        return () -> {
            if (f.cancel(false)) {
                periodic.decrementAndGet();
            }
        };
    }

    @Override
    public int pendingWakeUps() {
        return Math.max(0, timer.getQueue().size() - periodic.get());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
