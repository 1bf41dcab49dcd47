package io.tinynets.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the training runtime, all bounded and named:
 * <ul>
 * <li>workers: a fixed pool, one thread per core, with a FIFO queue. A run trains one short slice and re-queues
 * itself at the tail, so all running runs take turns (round robin) however many there are;</li>
 * <li>a timer thread that only wakes runs up (speed limits, idle sweeps), it never trains;</li>
 * <li>a delivery thread that hands snapshots to subscribers, so a slow view never holds a worker.</li>
 * </ul>
 */
final class RunScheduler implements AutoCloseable {

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor delivery;

    RunScheduler(int workerThreads) {
        workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named("tinynets-train"));
        timer = new ScheduledThreadPoolExecutor(1, named("tinynets-train-timer"));
        timer.setRemoveOnCancelPolicy(true);
        delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named("tinynets-snapshots"));
    }

    void train(Runnable slice) {
        try {
            workers.execute(slice);
        } catch (RejectedExecutionException e) {
            rethrowUnlessShutDown(e); // the service is closing: nothing trains any more
        }
    }

    /** Wakes a run after a delay; null when the service is closing. */
    ScheduledFuture<?> wakeLater(Runnable wake, long delayNanos) {
        try {
            return timer.schedule(wake, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            rethrowUnlessShutDown(e);
            return null;
        }
    }

    ScheduledFuture<?> every(Runnable task, long periodNanos) {
        return timer.scheduleWithFixedDelay(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    void deliver(Runnable delivery) {
        try {
            this.delivery.execute(delivery);
        } catch (RejectedExecutionException e) {
            rethrowUnlessShutDown(e);
        }
    }

    private void rethrowUnlessShutDown(RejectedExecutionException e) {
        if (!workers.isShutdown()) {
            throw e;
        }
    }

    /** Slices waiting for a worker (for tests and monitoring). */
    int queuedSlices() {
        return workers.getQueue().size();
    }

    /** Workers training right now. */
    int activeWorkers() {
        return workers.getActiveCount();
    }

    /** Pending timer wake-ups, excluding periodic housekeeping. */
    int pendingWakeUps() {
        return timer.getQueue().size();
    }

    int workerThreads() {
        return workers.getCorePoolSize();
    }

    @Override
    public void close() {
        workers.shutdown(); // first, so late submissions are recognised as part of closing
        timer.shutdownNow();
        workers.shutdownNow();
        delivery.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        ThreadFactory base = Executors.defaultThreadFactory();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = base.newThread(task);
            thread.setName(prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
