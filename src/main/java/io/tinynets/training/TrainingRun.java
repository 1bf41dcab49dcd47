package io.tinynets.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live training run: a trainer, its state, its metric history and its subscribers.
 *
 * <p>The run is a small actor. At most one task of a run is ever queued or executing on the worker pool
 * ({@code taskQueued}), and only that task touches the trainer, so trainers need no locking and controls never wait
 * for an epoch. Controls change fields under the run's monitor and {@link #wake()} the run; the task trains for one
 * slice (a few milliseconds) and re-queues itself at the tail of the pool's queue so every running run takes turns.
 * A speed limit is kept by asking the timer to wake the run when its next epoch is due, never by sleeping a worker.
 *
 * <p>Snapshots are taken by the task between two epochs, at most once per snapshot interval and only when someone
 * subscribes; each subscriber keeps a cursor into the history, so its next snapshot carries exactly the points it has
 * not seen. State changes are published at once.
 *
 * <p>Views read a run through its public getters; all controls go through {@link TrainingService}, which checks the
 * acting user and the limits.
 */
public final class TrainingRun<I> {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    /** After falling behind (a busy machine), a speed-limited run may catch up by at most this much. */
    private static final long MAX_CATCH_UP_NANOS = 100_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final String id;
    private final String ownerId;
    private final String labKey;
    private final TrainerFactory<I> factory;
    private final List<Hyperparameter> hyperparameterSpecs;
    private final RunScheduler scheduler;
    private final long epochLimit;
    private final long snapshotIntervalNanos;
    private final long sliceNanos;
    private final long createdNanos = System.nanoTime();

    // Guarded by this.
    private RunState state = RunState.READY;
    private long seed;
    private double learningRate;
    private final Map<String, Double> hyperparameters = new LinkedHashMap<>();
    private boolean settingsDirty;
    private boolean resetRequested;
    private Speed speed;
    private StopConditions stop;
    /** Epochs left in a step request; 0 when the run trains until paused. */
    private long stepBudget;
    private final MetricHistory history = new MetricHistory();
    private Advice advice;
    private final List<Subscriber<I>> subscribers = new ArrayList<>();
    private boolean snapshotRequested;
    private long lastPublishNanos;
    private long nextEpochDueNanos;
    private boolean taskQueued;
    private ScheduledFuture<?> timer;
    private long unwatchedSinceNanos = createdNanos;
    private boolean freed;

    // Touched only by the run's single task (or by the constructor, before any task exists).
    private Trainer<I> trainer;
    private I cachedInternals;
    private boolean internalsDirty = true;

    TrainingRun(String id, String ownerId, String labKey, TrainerFactory<I> factory, Trainer<I> trainer,
                RunSettings settings, RunScheduler scheduler, TrainingLimits limits) {
        this.id = id;
        this.ownerId = ownerId;
        this.labKey = labKey;
        this.factory = factory;
        this.trainer = trainer;
        this.hyperparameterSpecs = List.copyOf(trainer.hyperparameters());
        this.scheduler = scheduler;
        this.epochLimit = limits.maxEpochs();
        this.snapshotIntervalNanos = limits.snapshotInterval().toNanos();
        this.sliceNanos = limits.slice().toNanos();
        this.seed = settings.seed();
        this.speed = settings.speed();
        this.stop = settings.stop();
        this.learningRate = trainer.learningRate();
        this.lastPublishNanos = createdNanos - snapshotIntervalNanos;
        for (Hyperparameter h : hyperparameterSpecs) {
            hyperparameters.put(h.key(), h.initial());
        }
    }

    // ---- read-only view for the UI -------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String labKey() {
        return labKey;
    }

    public synchronized RunState state() {
        return state;
    }

    /** Epochs trained since the start or the last reset. */
    public synchronized long epoch() {
        return history.size();
    }

    public synchronized long seed() {
        return seed;
    }

    public synchronized double learningRate() {
        return learningRate;
    }

    public synchronized Map<String, Double> hyperparameters() {
        return Map.copyOf(hyperparameters);
    }

    public List<Hyperparameter> hyperparameterSpecs() {
        return hyperparameterSpecs;
    }

    public synchronized Speed speed() {
        return speed;
    }

    public synchronized StopConditions stopConditions() {
        return stop;
    }

    /** Why the run ended or paused by itself, if it did. */
    public synchronized Optional<Advice> advice() {
        return Optional.ofNullable(advice);
    }

    /** Every metric point since the start or the last reset. */
    /** State and latest figures in one consistent read, cheap (no copy of the history). */
    public synchronized RunStatus status() {
        int size = history.size();
        OptionalDouble loss = OptionalDouble.empty();
        OptionalDouble accuracy = OptionalDouble.empty();
        if (size > 0) {
            MetricPoint last = history.slice(size - 1, size).get(0);
            loss = OptionalDouble.of(last.trainLoss());
            accuracy = last.accuracy();
        }
        return new RunStatus(id, ownerId, labKey, state, size, loss, accuracy);
    }

    public synchronized List<MetricPoint> history() {
        return history.slice(0, history.size());
    }

    public synchronized int subscriberCount() {
        return subscribers.size();
    }

    // ---- controls (called by TrainingService after its checks) ---------------------------------------------

    synchronized void start() {
        if (state == RunState.RUNNING) {
            stepBudget = 0;
            return;
        }
        refuseIfEnded();
        state = RunState.RUNNING;
        stepBudget = 0;
        advice = null;
        nextEpochDueNanos = System.nanoTime();
        changed();
    }

    synchronized void pause() {
        if (state == RunState.RUNNING) {
            state = RunState.PAUSED;
            stepBudget = 0;
            changed();
        }
    }

    /** Trains {@code epochs} more epochs, as fast as possible, then pauses. */
    synchronized void step(long epochs) {
        refuseIfEnded();
        if (state != RunState.RUNNING) {
            state = RunState.RUNNING;
            advice = null;
        }
        stepBudget = epochs;
        changed();
    }

    /** Back to epoch 0 with a trainer rebuilt from the seed; the live settings (learning rate…) are kept. */
    synchronized void reset(Long newSeed) {
        if (state == RunState.CANCELLED) {
            return;
        }
        if (newSeed != null) {
            seed = newSeed;
        }
        state = RunState.READY;
        stepBudget = 0;
        advice = null;
        history.clear();
        resetRequested = true;
        for (Subscriber<I> s : subscribers) {
            s.cursor = 0;
            s.fromStart = true;
        }
        changed();
    }

    synchronized void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
        settingsDirty = true;
    }

    synchronized void setHyperparameter(String key, double value) {
        hyperparameters.put(key, value);
        settingsDirty = true;
    }

    synchronized void setSpeed(Speed speed) {
        this.speed = speed;
        nextEpochDueNanos = System.nanoTime();
        if (state == RunState.RUNNING) {
            wake();
        }
    }

    synchronized void setStop(StopConditions stop) {
        this.stop = stop;
    }

    synchronized void cancel() {
        if (state == RunState.CANCELLED) {
            return;
        }
        state = RunState.CANCELLED;
        stepBudget = 0;
        changed();
    }

    synchronized Subscription subscribe(Consumer<Snapshot<I>> listener) {
        if (state == RunState.CANCELLED) {
            throw new TrainingRefusedException(TrainingService.REFUSED_UNKNOWN_RUN, id);
        }
        Subscriber<I> subscriber = new Subscriber<>(this, listener);
        subscribers.add(subscriber);
        changed();
        return subscriber;
    }

    private synchronized void unsubscribe(Subscriber<I> subscriber) {
        if (!subscribers.remove(subscriber) || !subscribers.isEmpty()) {
            return;
        }
        // The tab is gone: stop spending CPU on a run nobody sees; the service frees it after the idle timeout.
        unwatchedSinceNanos = System.nanoTime();
        if (state == RunState.RUNNING) {
            state = RunState.PAUSED;
            stepBudget = 0;
            advice = Advice.of(RunAdvice.PAUSED_IDLE);
            wake();
        }
    }

    synchronized boolean isRunning() {
        return state == RunState.RUNNING;
    }

    /** True when nobody has watched this waiting or ended run for {@code timeoutNanos}. */
    synchronized boolean idleFor(long timeoutNanos, long now) {
        return subscribers.isEmpty() && state != RunState.RUNNING && now - unwatchedSinceNanos >= timeoutNanos;
    }

    /** True once a cancelled run has published its last snapshot and dropped its trainer (for tests). */
    synchronized boolean isFreed() {
        return freed;
    }

    private void refuseIfEnded() {
        if (state.hasEnded()) {
            throw new TrainingRefusedException(TrainingService.REFUSED_ENDED, state.messageKey());
        }
    }

    /** A state change: subscribers hear of it at once. Caller holds the monitor. */
    private void changed() {
        snapshotRequested = true;
        wake();
    }

    // ---- the task ------------------------------------------------------------------------------------------

    /** Makes sure the run's task is queued; at most one ever is. */
    private synchronized void wake() {
        if (taskQueued || freed) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        taskQueued = true;
        scheduler.train(this::runTask);
    }

    private void runTask() {
        try {
            slice();
        } catch (Exception | StackOverflowError | AssertionError e) {
            fail(e);
        } finally {
            scheduleNext();
        }
    }

    /** Trains until the slice is used up, the speed limit says wait, or the state is no longer RUNNING. */
    private void slice() {
        long sliceStart = System.nanoTime();
        long cpuStart = threadCpuNanos(sliceStart);
        while (true) {
            applyPendingCommands();
            synchronized (this) {
                if (state != RunState.RUNNING) {
                    break;
                }
                long now = System.nanoTime();
                if (history.size() >= maxEpochs()) {
                    finish(Advice.of(RunAdvice.FINISHED_MAX_EPOCHS, (long) history.size()));
                    break;
                }
                // A slice is measured in CPU time, so a run whose worker the OS preempted (other processes on a
                // shared machine) is not charged for time it did not train; wall time caps it for safety.
                boolean sliceUsed = threadCpuNanos(now) - cpuStart >= sliceNanos || now - sliceStart >= 4 * sliceNanos;
                if (sliceUsed || stepBudget == 0 && now < nextEpochDueNanos) {
                    break;
                }
            }
            EpochMetrics metrics = trainer.trainEpoch();
            boolean finite = metrics != null && metrics.lossesFinite() && trainer.parametersFinite();
            synchronized (this) {
                if (resetRequested || state == RunState.CANCELLED) {
                    continue; // this epoch belongs to a history that no longer exists
                }
                if (metrics == null) {
                    throw new IllegalStateException("trainer " + trainer.getClass().getName() + " returned no metrics");
                }
                internalsDirty = true;
                if (!finite) {
                    state = RunState.DIVERGED;
                    stepBudget = 0;
                    advice = RunAdvice.diverged(history.size() + 1L, learningRate, metrics);
                    snapshotRequested = true;
                    log.debug("run {} ({}) diverged at epoch {}", id, labKey, history.size() + 1);
                    break;
                }
                history.add(metrics);
                long now = System.nanoTime();
                if (stepBudget == 0) {
                    nextEpochDueNanos = Math.max(nextEpochDueNanos + speed.periodNanos(), now - MAX_CATCH_UP_NANOS);
                }
                if (stop.targetLoss().isPresent() && metrics.trainLoss() <= stop.targetLoss().getAsDouble()) {
                    finish(Advice.of(RunAdvice.FINISHED_TARGET_LOSS, (long) history.size(), metrics.trainLoss(),
                            stop.targetLoss().getAsDouble()));
                } else if (history.size() >= maxEpochs()) {
                    finish(Advice.of(RunAdvice.FINISHED_MAX_EPOCHS, (long) history.size()));
                } else if (stepBudget > 0 && --stepBudget == 0) {
                    state = RunState.PAUSED;
                    snapshotRequested = true;
                }
            }
            publishIfDue();
        }
        applyPendingCommands();
        publishIfDue();
    }

    /** This thread's CPU time, or {@code wallNanos} where the JVM cannot measure it. */
    private static long threadCpuNanos(long wallNanos) {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : wallNanos;
    }

    private long maxEpochs() {
        return Math.min(epochLimit, stop.maxEpochs().orElse(epochLimit));
    }

    private void finish(Advice why) {
        state = RunState.FINISHED;
        stepBudget = 0;
        advice = why;
        snapshotRequested = true;
    }

    /** Applies reset and live settings to the trainer; only the task calls this. */
    private void applyPendingCommands() {
        boolean rebuild;
        boolean apply;
        long seedNow;
        double lr;
        Map<String, Double> hp;
        synchronized (this) {
            rebuild = resetRequested;
            apply = settingsDirty || rebuild;
            resetRequested = false;
            settingsDirty = false;
            seedNow = seed;
            lr = learningRate;
            hp = apply ? new LinkedHashMap<>(hyperparameters) : Map.of();
        }
        if (rebuild && trainer != null) {
            trainer = null; // let the old model go before the new one is built
            trainer = factory.create(seedNow);
            internalsDirty = true;
        }
        if (apply && trainer != null) {
            if (trainer.learningRate() != lr) {
                trainer.setLearningRate(lr);
            }
            for (Map.Entry<String, Double> e : hp.entrySet()) {
                trainer.setHyperparameter(e.getKey(), e.getValue());
            }
        }
    }

    /** Sends each subscriber what it has not seen, if the snapshot interval has passed or the state changed. */
    private void publishIfDue() {
        synchronized (this) {
            if (subscribers.isEmpty()) {
                snapshotRequested = false;
                return;
            }
            if (!snapshotRequested) {
                long now = System.nanoTime();
                if (now - lastPublishNanos < snapshotIntervalNanos || !anyUnseenPoints()) {
                    return;
                }
            }
        }
        if (internalsDirty && trainer != null) {
            try {
                cachedInternals = trainer.captureInternals();
                internalsDirty = false;
            } catch (Exception | StackOverflowError | AssertionError e) {
                fail(e); // and publish the last good internals with the failure
            }
        }
        synchronized (this) {
            long now = System.nanoTime();
            Optional<Advice> message = Optional.ofNullable(advice);
            int size = history.size();
            for (Subscriber<I> s : subscribers) {
                s.offer(new Snapshot<>(id, state, size, history.slice(s.cursor, size), s.fromStart, cachedInternals,
                        message, now));
                s.cursor = size;
                s.fromStart = false;
            }
            lastPublishNanos = now;
            snapshotRequested = false;
        }
    }

    private boolean anyUnseenPoints() {
        for (Subscriber<I> s : subscribers) {
            if (s.cursor < history.size()) {
                return true;
            }
        }
        return false;
    }

    private void fail(Throwable cause) {
        synchronized (this) {
            log.warn("training run {} ({}) failed at epoch {}", id, labKey, history.size() + 1, cause);
            if (state == RunState.CANCELLED || state == RunState.FAILED) {
                return;
            }
            state = RunState.FAILED;
            stepBudget = 0;
            advice = RunAdvice.failed(history.size() + 1L, cause);
            snapshotRequested = true;
        }
    }

    /** Decides what happens after a slice: queue again now, wake up later, or rest until a control wakes us. */
    private synchronized void scheduleNext() {
        taskQueued = false;
        if (state == RunState.CANCELLED) {
            // The last snapshot is out: drop the model and everyone holding on to it.
            trainer = null;
            cachedInternals = null;
            subscribers.clear();
            freed = true;
            return;
        }
        boolean pendingWork = resetRequested || snapshotRequested && !subscribers.isEmpty();
        if (state == RunState.RUNNING && !pendingWork) {
            long delay = stepBudget > 0 || speed.isUnlimited() ? 0 : nextEpochDueNanos - System.nanoTime();
            if (delay > 0) {
                timer = scheduler.wakeLater(this::wake, delay);
                return;
            }
            pendingWork = true;
        }
        if (pendingWork) {
            // Back to the tail of the queue: every other running run gets its slice before our next one.
            taskQueued = true;
            scheduler.train(this::runTask);
        }
    }

    /** One subscriber: its cursor into the history, and its own queue so snapshots arrive in order. */
    private static final class Subscriber<I> implements Subscription {
        private final TrainingRun<I> run;
        private final Consumer<Snapshot<I>> listener;
        private final ConcurrentLinkedQueue<Snapshot<I>> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean closed;
        int cursor; // guarded by run
        boolean fromStart = true; // guarded by run

        Subscriber(TrainingRun<I> run, Consumer<Snapshot<I>> listener) {
            this.run = run;
            this.listener = listener;
        }

        void offer(Snapshot<I> snapshot) {
            queue.add(snapshot);
            if (draining.compareAndSet(false, true)) {
                run.scheduler.deliver(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Snapshot<I> next;
                while ((next = queue.poll()) != null) {
                    if (closed) {
                        queue.clear();
                        break;
                    }
                    try {
                        listener.accept(next);
                    } catch (RuntimeException e) {
                        log.warn("snapshot listener of run {} failed", run.id, e);
                    }
                }
                draining.set(false);
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                run.unsubscribe(this);
            }
        }
    }

    @Override
    public String toString() {
        return "TrainingRun[" + id + ", " + labKey + ", " + ownerId + "]";
    }
}
