package io.tinynets.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live training run: a trainer, its state, its metric history and its subscribers.
 *
 * <p>The run is a small actor. At most one task of a run is ever queued or executing on the worker pool
 * ({@code taskQueued}), and only that task touches the trainer, so trainers need no locking and controls never wait
 * for an epoch. Controls change fields under the run's monitor and {@link #wake()} the run; the task works for one
 * slice (a few milliseconds of CPU) and re-queues itself at the tail of the pool's queue so every run takes turns.
 * A speed limit is kept by asking the clock to wake the run when its next epoch is due, never by sleeping a worker.
 *
 * <p>The task's work comes in bounded pieces, and the slice budget is checked between two pieces: building the
 * trainer (the run is created without one: the service only checked the factory's {@link TrainerPlan}), preparing it
 * ({@link Trainer#prepare()}, e.g. a continued run's fast-forward), training ({@link Trainer#trainChunk()}, a
 * mini-batch or so, so a long epoch yields inside itself) and capturing the internals for a snapshot
 * ({@link Trainer#startCapture()}). Until the trainer is built and prepared the run {@link #isPreparing()} and sends
 * no snapshots (except its end); controls given meanwhile take effect as soon as it is ready.
 *
 * <p>Snapshots are taken between two epochs, at most once per snapshot interval and only when someone subscribes;
 * each subscriber keeps a cursor into the history, so its next snapshot carries exactly the points it has not seen.
 * State changes are published at once.
 *
 * <p>Views read a run through its public getters; all controls go through {@link TrainingService}, which checks the
 * acting user and the limits.
 */
public final class TrainingRun<I> {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    /** After falling behind (a busy machine), a speed-limited run may catch up by at most this much. */
    private static final long MAX_CATCH_UP_NANOS = 100_000_000L;

    private final String id;
    private final Requester requester;
    private final String labKey;
    private final TrainerFactory<I> factory;
    private final List<Hyperparameter> hyperparameterSpecs;
    private final RunScheduler scheduler;
    private final RunClock clock;
    private final TrainingLimits limits;
    private final long epochLimit;
    private final long snapshotIntervalNanos;
    private final long sliceNanos;

    // Guarded by this.
    private RunState state = RunState.READY;
    private boolean preparing = true;
    private long seed;
    private double learningRate;
    private final Map<String, Double> hyperparameters = new LinkedHashMap<>();
    private boolean settingsDirty = true;
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
    private RunClock.Wakeup timer;
    private long unwatchedSinceNanos;
    private boolean freed;

    // Touched only by the run's single task.
    private Trainer<I> trainer;
    private boolean epochInProgress;
    private InternalsCapture<I> capture;
    private I cachedInternals;
    private boolean internalsDirty = true;

    TrainingRun(String id, Requester requester, String labKey, TrainerFactory<I> factory, TrainerPlan plan,
                RunSettings settings, RunScheduler scheduler, RunClock clock, TrainingLimits limits) {
        this.id = id;
        this.requester = requester;
        this.labKey = labKey;
        this.factory = factory;
        this.hyperparameterSpecs = plan.hyperparameters();
        this.scheduler = scheduler;
        this.clock = clock;
        this.limits = limits;
        this.epochLimit = limits.maxEpochs();
        this.snapshotIntervalNanos = limits.snapshotInterval().toNanos();
        this.sliceNanos = limits.slice().toNanos();
        this.seed = settings.seed();
        this.speed = settings.speed();
        this.stop = settings.stop();
        this.learningRate = plan.learningRate();
        long now = clock.nanoTime();
        this.unwatchedSinceNanos = now;
        this.lastPublishNanos = now - snapshotIntervalNanos;
        for (Hyperparameter h : hyperparameterSpecs) {
            hyperparameters.put(h.key(), h.initial());
        }
    }

    // ---- read-only view for the UI -------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public String ownerId() {
        return requester.ownerId();
    }

    Requester requester() {
        return requester;
    }

    public String labKey() {
        return labKey;
    }

    public synchronized RunState state() {
        return state;
    }

    /**
     * True while the trainer is being built or prepared on the training pool (after create and after a reset); the
     * run sends its first snapshot once it is ready.
     */
    public synchronized boolean isPreparing() {
        return preparing;
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
        return new RunStatus(id, ownerId(), labKey, state, size, loss, accuracy);
    }

    /** Every metric point since the start or the last reset. */
    public synchronized List<MetricPoint> history() {
        return history.slice(0, history.size());
    }

    public synchronized int subscriberCount() {
        return subscribers.size();
    }

    // ---- controls (called by TrainingService after its checks) ---------------------------------------------

    /** Queues the first task, which builds and prepares the trainer on the pool. */
    synchronized void beginPreparing() {
        wake();
    }

    synchronized void start() {
        if (state == RunState.RUNNING) {
            stepBudget = 0;
            return;
        }
        refuseIfEnded();
        state = RunState.RUNNING;
        stepBudget = 0;
        advice = null;
        nextEpochDueNanos = clock.nanoTime();
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

    /**
     * Back to epoch 0 with a trainer rebuilt (on the pool) from the seed; the live settings (learning rate…) are
     * kept. The run prepares again until the new trainer is ready.
     */
    synchronized void reset(Long newSeed) {
        if (state == RunState.CANCELLED) {
            return;
        }
        if (newSeed != null) {
            seed = newSeed;
        }
        state = RunState.READY;
        preparing = true;
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
        nextEpochDueNanos = clock.nanoTime();
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
        preparing = false;
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
        unwatchedSinceNanos = clock.nanoTime();
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

    /** True while a task of this run is queued or working (for tests: false means the run is at rest). */
    synchronized boolean hasTask() {
        return taskQueued;
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
            timer.cancel();
            timer = null;
        }
        taskQueued = true;
        scheduler.train(labKey, this::runTask);
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

    /** The next piece of work of the task; see {@link #next()}. */
    private enum Work { BUILD, PREPARE, CAPTURE, TRAIN, REST }

    /**
     * Works piece by piece until the slice is used up (checked between two pieces, after at least one) or nothing
     * is left to do now.
     */
    private void slice() {
        long sliceStart = System.nanoTime();
        long cpuStart = RunScheduler.threadCpuNanos(sliceStart);
        boolean worked = false;
        while (!worked || !sliceUsed(sliceStart, cpuStart)) {
            switch (next()) {
                case BUILD -> build();
                case PREPARE -> prepareChunk();
                case CAPTURE -> captureChunk();
                case TRAIN -> trainChunk();
                case REST -> {
                    return;
                }
            }
            worked = true;
        }
    }

    /**
     * A slice is measured in CPU time, so a run whose worker the OS preempted (other processes on a shared machine)
     * is not charged for time it did not work; wall time caps it for safety.
     */
    private boolean sliceUsed(long sliceStart, long cpuStart) {
        long wall = System.nanoTime() - sliceStart;
        if (wall < sliceNanos) {
            return false; // a thread cannot have used more CPU than wall time: skip the costlier CPU clock
        }
        return wall >= 4 * sliceNanos || RunScheduler.threadCpuNanos(sliceStart + wall) - cpuStart >= sliceNanos;
    }

    /** Decides the next piece of work; cheap steps (commands, publishing cached internals) are done here. */
    private Work next() {
        boolean rebuild;
        synchronized (this) {
            if (state == RunState.CANCELLED) {
                epochInProgress = false;
                capture = null;
                deliverIfDue(); // the last snapshot, with the last good internals
                return Work.REST;
            }
            rebuild = resetRequested;
            resetRequested = false;
        }
        if (rebuild) {
            // the epoch in progress, a capture and the prepared stream belong to a history that no longer exists
            trainer = null;
            epochInProgress = false;
            capture = null;
            internalsDirty = true;
        }
        synchronized (this) {
            if (state.hasEnded() && (trainer == null || preparing)) {
                preparing = false;
                deliverIfDue(); // a build or preparation that failed: nothing to capture
                return Work.REST;
            }
        }
        if (trainer == null) {
            return Work.BUILD;
        }
        if (isPreparing()) {
            return Work.PREPARE;
        }
        if (capture != null) {
            return Work.CAPTURE;
        }
        if (epochInProgress) {
            return Work.TRAIN;
        }
        // between two epochs: live settings, snapshots, then the next epoch if the state and the speed allow
        applySettings();
        synchronized (this) {
            if (snapshotDue()) {
                if (internalsDirty && state != RunState.FAILED) {
                    capture = trainer.startCapture();
                    return Work.CAPTURE;
                }
                deliverIfDue();
            }
            if (state != RunState.RUNNING) {
                return Work.REST;
            }
            if (history.size() >= maxEpochs()) {
                finish(Advice.of(RunAdvice.FINISHED_MAX_EPOCHS, (long) history.size()));
                return Work.REST; // scheduleNext queues the task again for the FINISHED snapshot
            }
            if (stepBudget == 0 && clock.nanoTime() < nextEpochDueNanos) {
                return Work.REST;
            }
            epochInProgress = true;
        }
        return Work.TRAIN;
    }

    /** Builds the trainer from the seed and checks it against the limits (its factory's plan was checked before). */
    private void build() {
        long seedNow;
        synchronized (this) {
            seedNow = seed;
        }
        Trainer<I> built = factory.create(seedNow);
        if (built == null) {
            throw new IllegalStateException("trainer factory of " + labKey + " returned no trainer");
        }
        Advice refusal = null;
        if (built.parameterCount() > limits.maxParameters()) {
            refusal = Advice.of(TrainingService.REFUSED_PARAMETERS, built.parameterCount(), limits.maxParameters());
        } else if (built.datasetSize() > limits.maxDatasetSize()) {
            refusal = Advice.of(TrainingService.REFUSED_DATASET, built.datasetSize(), limits.maxDatasetSize());
        }
        if (refusal != null) {
            log.warn("run {} ({}): the built trainer exceeds the limits its plan was checked against: {}", id, labKey,
                    refusal);
            end(RunState.FAILED, refusal);
            return;
        }
        trainer = built;
        internalsDirty = true;
        synchronized (this) {
            settingsDirty = true; // the student may have changed them while it was being built
        }
    }

    private void prepareChunk() {
        if (!trainer.prepare()) {
            synchronized (this) {
                if (!resetRequested && state != RunState.CANCELLED) {
                    preparing = false;
                    nextEpochDueNanos = Math.max(nextEpochDueNanos, clock.nanoTime()); // no burst after a long build
                    snapshotRequested = true; // the run is ready: its first snapshot
                }
            }
        }
    }

    private void captureChunk() {
        if (capture.step()) {
            cachedInternals = capture.result();
            capture = null;
            internalsDirty = false;
            synchronized (this) {
                deliverIfDue();
            }
        }
    }

    private void trainChunk() {
        EpochMetrics metrics = trainer.trainChunk();
        if (metrics == null) {
            return; // the epoch goes on
        }
        epochInProgress = false;
        internalsDirty = true;
        boolean finite = metrics.lossesFinite() && trainer.parametersFinite();
        Optional<Advice> settled = finite ? trainer.settled() : Optional.empty();
        synchronized (this) {
            if (resetRequested || state == RunState.CANCELLED) {
                return; // this epoch belongs to a history that no longer exists
            }
            if (!finite) {
                state = RunState.DIVERGED;
                stepBudget = 0;
                advice = RunAdvice.diverged(history.size() + 1L, learningRate, metrics);
                snapshotRequested = true;
                log.debug("run {} ({}) diverged at epoch {}", id, labKey, history.size() + 1);
                return;
            }
            history.add(metrics);
            long now = clock.nanoTime();
            if (stepBudget == 0) {
                nextEpochDueNanos = Math.max(nextEpochDueNanos + speed.periodNanos(), now - MAX_CATCH_UP_NANOS);
            }
            if (stop.targetLoss().isPresent() && metrics.trainLoss() <= stop.targetLoss().getAsDouble()) {
                finish(Advice.of(RunAdvice.FINISHED_TARGET_LOSS, (long) history.size(), metrics.trainLoss(),
                        stop.targetLoss().getAsDouble()));
            } else if (settled.isPresent()) {
                finish(settled.get());
            } else if (history.size() >= maxEpochs()) {
                finish(Advice.of(RunAdvice.FINISHED_MAX_EPOCHS, (long) history.size()));
            } else if (stepBudget > 0 && --stepBudget == 0 && state == RunState.RUNNING) {
                state = RunState.PAUSED;
                snapshotRequested = true;
            }
        }
    }

    private long maxEpochs() {
        return Math.min(epochLimit, stop.maxEpochs().orElse(epochLimit));
    }

    /** Caller holds the monitor. */
    private void finish(Advice why) {
        state = RunState.FINISHED;
        stepBudget = 0;
        advice = why;
        snapshotRequested = true;
    }

    /** Applies the live settings to the trainer between two epochs; only the task calls this. */
    private void applySettings() {
        double lr;
        Map<String, Double> hp;
        synchronized (this) {
            if (!settingsDirty) {
                return;
            }
            settingsDirty = false;
            lr = learningRate;
            hp = new LinkedHashMap<>(hyperparameters);
        }
        if (trainer.learningRate() != lr) {
            trainer.setLearningRate(lr);
        }
        for (Map.Entry<String, Double> e : hp.entrySet()) {
            trainer.setHyperparameter(e.getKey(), e.getValue());
        }
        internalsDirty = true;
    }

    /** Whether a snapshot should go out now. Caller holds the monitor. */
    private boolean snapshotDue() {
        if (subscribers.isEmpty()) {
            snapshotRequested = false;
            return false;
        }
        if (snapshotRequested) {
            return true;
        }
        return clock.nanoTime() - lastPublishNanos >= snapshotIntervalNanos && anyUnseenPoints();
    }

    /** Sends each subscriber what it has not seen, with the cached internals, if due. Caller holds the monitor. */
    private void deliverIfDue() {
        if (!snapshotDue()) {
            return;
        }
        long now = clock.nanoTime();
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

    private boolean anyUnseenPoints() {
        for (Subscriber<I> s : subscribers) {
            if (s.cursor < history.size()) {
                return true;
            }
        }
        return false;
    }

    private void fail(Throwable cause) {
        epochInProgress = false;
        capture = null;
        synchronized (this) {
            log.warn("training run {} ({}) failed at epoch {}", id, labKey, history.size() + 1, cause);
            if (state == RunState.CANCELLED || state == RunState.FAILED) {
                return;
            }
            end(RunState.FAILED, RunAdvice.failed(history.size() + 1L, cause));
        }
    }

    private synchronized void end(RunState ended, Advice why) {
        state = ended;
        preparing = false;
        stepBudget = 0;
        advice = why;
        snapshotRequested = true;
    }

    /** Decides what happens after a slice: queue again now, wake up later, or rest until a control wakes us. */
    private synchronized void scheduleNext() {
        taskQueued = false;
        if (state == RunState.CANCELLED) {
            // A slice that used up its time right after the cancel never came back to next(): its subscribers have
            // not heard of the cancel yet. Tell them, then drop the model and everyone holding on to it.
            deliverIfDue();
            trainer = null;
            capture = null;
            cachedInternals = null;
            subscribers.clear();
            freed = true;
            return;
        }
        boolean ready = !preparing && trainer != null;
        boolean pendingWork = resetRequested || capture != null || epochInProgress
                || preparing && !state.hasEnded()
                || snapshotRequested && !subscribers.isEmpty();
        if (state == RunState.RUNNING && ready && !pendingWork) {
            long delay = stepBudget > 0 || speed.isUnlimited() ? 0 : nextEpochDueNanos - clock.nanoTime();
            if (delay > 0) {
                timer = clock.schedule(this::wake, delay);
                return;
            }
            pendingWork = true;
        }
        if (pendingWork) {
            // Back to the tail of the queue: every other run gets its slice before our next one.
            taskQueued = true;
            scheduler.train(labKey, this::runTask);
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
        return "TrainingRun[" + id + ", " + labKey + ", " + ownerId() + "]";
    }
}
