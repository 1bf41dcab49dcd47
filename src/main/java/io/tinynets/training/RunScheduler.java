package io.tinynets.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the training runtime, all bounded and named:
 * <ul>
 * <li>workers: a fixed pool, one thread per core, with a FIFO queue. A run trains one short slice and re-queues
 * itself at the tail, so all running runs take turns (round robin) however many there are; the pool also builds
 * and prepares trainers, so no request thread ever does;</li>
 * <li>a delivery thread that hands snapshots to subscribers, so a slow view never holds a worker.</li>
 * </ul>
 * The timer that wakes runs up belongs to the {@link RunClock}. The scheduler also keeps how long tasks held a
 * worker ({@link WorkerHolds}), the figure that shows slices are kept short.
 */
final class RunScheduler implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor delivery;
    private long tasks; // guarded by this
    private long longestWallNanos; // guarded by this
    private long longestCpuNanos; // guarded by this
    private String longestLab = ""; // guarded by this

    RunScheduler(int workerThreads) {
        workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named("tinynets-train"));
        delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named("tinynets-snapshots"));
    }

    /** Runs one task of a run of {@code lab} on a worker, timing how long it holds the worker. */
    void train(String lab, Runnable slice) {
        try {
            workers.execute(() -> {
                long wall = System.nanoTime();
                long cpu = threadCpuNanos(wall);
                try {
                    slice.run();
                } finally {
                    long end = System.nanoTime();
                    record(lab, end - wall, threadCpuNanos(end) - cpu);
                }
            });
        } catch (RejectedExecutionException e) {
            rethrowUnlessShutDown(e); // the service is closing: nothing trains any more
        }
    }

    private synchronized void record(String lab, long wallNanos, long cpuNanos) {
        tasks++;
        if (wallNanos > longestWallNanos) {
            longestWallNanos = wallNanos;
            longestLab = lab;
        }
        longestCpuNanos = Math.max(longestCpuNanos, cpuNanos);
    }

    synchronized WorkerHolds holds() {
        return new WorkerHolds(tasks, Duration.ofNanos(longestWallNanos), Duration.ofNanos(longestCpuNanos),
                longestLab);
    }

    synchronized void resetHolds() {
        tasks = 0;
        longestWallNanos = 0;
        longestCpuNanos = 0;
        longestLab = "";
    }

    /** This thread's CPU time, or {@code wallNanos} where the JVM cannot measure it. */
    static long threadCpuNanos(long wallNanos) {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : wallNanos;
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

    int workerThreads() {
        return workers.getCorePoolSize();
    }

    @Override
    public void close() {
        workers.shutdown(); // first, so late submissions are recognised as part of closing
        workers.shutdownNow();
        delivery.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory named(String prefix) {
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
