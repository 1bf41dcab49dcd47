package io.tinynets.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A logical clock for tests: time stands still until the test {@linkplain #advance moves it}, and scheduled tasks run
 * (on the test's thread) when their time comes. So a test states exactly how much time passed and checks the
 * runtime's timing rules (speed limits, snapshot intervals, idle timeouts) without depending on a busy machine.
 */
final class ManualClock implements RunClock {

    private static final class Task {
        final Runnable action;
        final long periodNanos;
        long dueNanos;
        boolean cancelled;

        Task(Runnable action, long dueNanos, long periodNanos) {
            this.action = action;
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
        }
    }

    private long now = 1_000_000_000L;
    private final List<Task> tasks = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Wakeup schedule(Runnable action, long delayNanos) {
        if (closed) {
            return null;
        }
        Task task = new Task(action, now + Math.max(0, delayNanos), 0);
        tasks.add(task);
        return () -> cancel(task);
    }

    @Override
    public synchronized Wakeup every(Runnable action, long periodNanos) {
        Task task = new Task(action, now + periodNanos, periodNanos);
        tasks.add(task);
        return () -> cancel(task);
    }

    private synchronized void cancel(Task task) {
        task.cancelled = true;
        tasks.remove(task);
    }

    @Override
    public synchronized int pendingWakeUps() {
        return (int) tasks.stream().filter(t -> t.periodNanos == 0).count();
    }

    /**
     * Moves time forward without running what falls due, as when a busy machine runs the timer late; the next
     * {@link #advance} runs it.
     */
    synchronized void jump(Duration by) {
        now += by.toNanos();
    }

    /** Moves time forward, running every task that falls due on the way, in time order. */
    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.dueNanos <= target).min(Comparator.comparingLong(t -> t.dueNanos))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                now = Math.max(now, next.dueNanos);
                if (next.periodNanos > 0) {
                    next.dueNanos += next.periodNanos;
                } else {
                    tasks.remove(next);
                }
            }
            next.action.run();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }
}
