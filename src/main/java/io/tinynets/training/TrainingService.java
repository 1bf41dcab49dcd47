package io.tinynets.training;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Runs every lab's live training: creates runs, enforces the limits, and carries out the student's controls.
 * Training happens on a fixed pool of one worker per core where runs take turns in short slices (see
 * {@link TrainingRun}); nothing here trains on the caller's (request) thread.
 *
 * <p>Every control names the acting user and the run; a user can only see and control their own runs. Refusals are
 * {@link TrainingRefusedException}s with a message key for the UI. Usable without Spring:
 * {@code new TrainingService(TrainingLimits.defaults())}, then {@link #close()}.
 */
@Service
@EnableConfigurationProperties(TrainingLimits.class)
public class TrainingService implements AutoCloseable {

    public static final String REFUSED_UNKNOWN_RUN = "training.refused.unknownRun";
    public static final String REFUSED_NOT_OWNER = "training.refused.notOwner";
    public static final String REFUSED_ENDED = "training.refused.ended";
    public static final String REFUSED_USER_RUNNING = "training.refused.userRunningLimit";
    public static final String REFUSED_GLOBAL_RUNNING = "training.refused.globalRunningLimit";
    public static final String REFUSED_USER_RUNS = "training.refused.userRunLimit";
    public static final String REFUSED_PARAMETERS = "training.refused.parameters";
    public static final String REFUSED_DATASET = "training.refused.datasetSize";
    public static final String REFUSED_EPOCHS = "training.refused.epochs";
    public static final String REFUSED_LEARNING_RATE = "training.refused.learningRate";
    public static final String REFUSED_HYPERPARAMETER = "training.refused.hyperparameter";

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final TrainingLimits limits;
    private final RunScheduler scheduler;
    private final Map<String, TrainingRun<?>> runs = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> idleSweep;

    public TrainingService(TrainingLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.scheduler = new RunScheduler(limits.effectiveWorkerThreads());
        long idle = limits.idleTimeout().toNanos();
        // Sweep often enough that an idle run is freed within a quarter of the timeout after it expires.
        long period = Math.max(10_000_000L, Math.min(idle / 4, 30_000_000_000L));
        this.idleSweep = scheduler.every(this::freeIdleRuns, period);
        log.info("training runtime: {} workers, at most {} running runs ({} per user)",
                scheduler.workerThreads(), limits.maxRunningGlobal(), limits.maxRunningPerUser());
    }

    public TrainingLimits limits() {
        return limits;
    }

    /**
     * Creates a run in state READY. The trainer is built here (cheap) so the limits on parameters and dataset size
     * are checked before anything trains.
     */
    public <I> TrainingRun<I> create(String userId, String labKey, TrainerFactory<I> factory, RunSettings settings) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(labKey, "labKey");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(settings, "settings");
        checkStop(settings.stop());
        synchronized (this) {
            checkRunCount(userId);
        }
        Trainer<I> trainer = factory.create(settings.seed());
        if (trainer.parameterCount() > limits.maxParameters()) {
            throw new TrainingRefusedException(REFUSED_PARAMETERS, trainer.parameterCount(), limits.maxParameters());
        }
        if (trainer.datasetSize() > limits.maxDatasetSize()) {
            throw new TrainingRefusedException(REFUSED_DATASET, trainer.datasetSize(), limits.maxDatasetSize());
        }
        checkLearningRate(trainer.learningRate());
        TrainingRun<I> run = new TrainingRun<>(UUID.randomUUID().toString(), userId, labKey, factory, trainer,
                settings, scheduler, limits);
        synchronized (this) {
            checkRunCount(userId); // again: another request of the same user may have won the race
            runs.put(run.id(), run);
        }
        return run;
    }

    /** The user's run, for reading its state; refused if unknown or someone else's. */
    public TrainingRun<?> run(String userId, String runId) {
        TrainingRun<?> run = runs.get(runId);
        if (run == null) {
            throw new TrainingRefusedException(REFUSED_UNKNOWN_RUN, runId);
        }
        if (!run.ownerId().equals(userId)) {
            throw new TrainingRefusedException(REFUSED_NOT_OWNER, runId);
        }
        return run;
    }

    public List<TrainingRun<?>> runsOf(String userId) {
        List<TrainingRun<?>> owned = new ArrayList<>();
        for (TrainingRun<?> run : runs.values()) {
            if (run.ownerId().equals(userId)) {
                owned.add(run);
            }
        }
        return owned;
    }

    /**
     * Read-only: the runs of these owners (a teacher's class), for a dashboard. The caller decides whose runs the
     * viewer may see; nothing returned controls a run.
     */
    public List<RunStatus> statusOf(java.util.Collection<String> ownerIds) {
        java.util.Set<String> owners = java.util.Set.copyOf(ownerIds);
        List<RunStatus> found = new ArrayList<>();
        for (TrainingRun<?> run : runs.values()) {
            if (owners.contains(run.ownerId())) {
                found.add(run.status());
            }
        }
        return found;
    }

    /** Read-only: every run on this server instance, for publishing the instance's runs to the shared database. */
    public List<RunStatus> allStatuses() {
        List<RunStatus> found = new ArrayList<>();
        for (TrainingRun<?> run : runs.values()) {
            found.add(run.status());
        }
        return found;
    }

    /**
     * Read-only: subscribes to a run of one of {@code allowedOwners} (whose work the caller has checked the viewer
     * may see), e.g. to project a student's run. Refused like {@link #run} when the run is unknown or not theirs.
     */
    @SuppressWarnings("unchecked")
    public <I> Subscription observe(java.util.Collection<String> allowedOwners, String runId,
                                    Consumer<Snapshot<I>> listener) {
        Objects.requireNonNull(listener, "listener");
        TrainingRun<I> run = (TrainingRun<I>) runs.get(runId);
        if (run == null) {
            throw new TrainingRefusedException(REFUSED_UNKNOWN_RUN, runId);
        }
        if (!allowedOwners.contains(run.ownerId())) {
            throw new TrainingRefusedException(REFUSED_NOT_OWNER, runId);
        }
        return run.subscribe(listener);
    }

    /** Starts (or resumes) training; refused when the user's or the server's running limit is reached. */
    public void start(String userId, String runId) {
        TrainingRun<?> run = run(userId, runId);
        synchronized (this) {
            if (!run.isRunning()) {
                checkRunningLimits(userId);
            }
            run.start();
        }
    }

    public void resume(String userId, String runId) {
        start(userId, runId);
    }

    public void pause(String userId, String runId) {
        run(userId, runId).pause();
    }

    /** Trains {@code epochs} more epochs (1 to the epoch limit) and pauses. */
    public void step(String userId, String runId, long epochs) {
        TrainingRun<?> run = run(userId, runId);
        if (epochs < 1 || epochs > limits.maxEpochs()) {
            throw new TrainingRefusedException(REFUSED_EPOCHS, epochs, limits.maxEpochs());
        }
        synchronized (this) {
            if (!run.isRunning()) {
                checkRunningLimits(userId);
            }
            run.step(epochs);
        }
    }

    /** Back to epoch 0 with the same seed, so the same start; live settings are kept. */
    public void reset(String userId, String runId) {
        run(userId, runId).reset(null);
    }

    /** Back to epoch 0 with a new seed. */
    public void reset(String userId, String runId, long newSeed) {
        run(userId, runId).reset(newSeed);
    }

    public void setLearningRate(String userId, String runId, double learningRate) {
        TrainingRun<?> run = run(userId, runId);
        checkLearningRate(learningRate);
        run.setLearningRate(learningRate);
    }

    public void setHyperparameter(String userId, String runId, String key, double value) {
        TrainingRun<?> run = run(userId, runId);
        Hyperparameter spec = run.hyperparameterSpecs().stream().filter(h -> h.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("hyperparameter must be one of "
                        + run.hyperparameterSpecs().stream().map(Hyperparameter::key).toList() + ", was " + key));
        if (!spec.allows(value)) {
            throw new TrainingRefusedException(REFUSED_HYPERPARAMETER, key, value, spec.min(), spec.max());
        }
        run.setHyperparameter(key, value);
    }

    public void setSpeed(String userId, String runId, Speed speed) {
        Objects.requireNonNull(speed, "speed");
        run(userId, runId).setSpeed(speed);
    }

    public void setStopConditions(String userId, String runId, StopConditions stop) {
        TrainingRun<?> run = run(userId, runId);
        checkStop(stop);
        run.setStop(stop);
    }

    /** Ends the run for good: its subscribers get a last CANCELLED snapshot, its model is dropped. */
    public void cancel(String userId, String runId) {
        TrainingRun<?> run = run(userId, runId);
        runs.remove(runId);
        run.cancel();
    }

    /**
     * Subscribes a view to the run's snapshots: a first one at once (the whole history, {@code fromStart}), then at
     * most one per snapshot interval while it trains, and one at every state change. The listener runs on the
     * runtime's delivery thread: keep it short (a view hands the snapshot to {@code ui.access}). Closing the last
     * subscription pauses the run, and it is freed after the idle timeout unless someone subscribes again.
     *
     * @param <I> the lab's internals type, which the caller knows from the trainer it created the run with
     */
    @SuppressWarnings("unchecked")
    public <I> Subscription subscribe(String userId, String runId, Consumer<Snapshot<I>> listener) {
        Objects.requireNonNull(listener, "listener");
        TrainingRun<I> run = (TrainingRun<I>) run(userId, runId);
        return run.subscribe(listener);
    }

    /** The same as {@link #subscribe(String, String, Consumer)}, typed by the run handle {@link #create} returned. */
    public <I> Subscription subscribe(String userId, TrainingRun<I> run, Consumer<Snapshot<I>> listener) {
        Objects.requireNonNull(listener, "listener");
        if (run(userId, run.id()) != run) {
            throw new TrainingRefusedException(REFUSED_UNKNOWN_RUN, run.id());
        }
        return run.subscribe(listener);
    }

    /** Runs training right now, on the whole server. */
    public int runningCount() {
        return (int) runs.values().stream().filter(TrainingRun::isRunning).count();
    }

    int queuedSlices() {
        return scheduler.queuedSlices();
    }

    int activeWorkers() {
        return scheduler.activeWorkers();
    }

    int pendingWakeUps() {
        return scheduler.pendingWakeUps();
    }

    boolean holds(String runId) {
        return runs.containsKey(runId);
    }

    private void checkRunningLimits(String userId) {
        int mine = 0;
        int all = 0;
        for (TrainingRun<?> r : runs.values()) {
            if (r.isRunning()) {
                all++;
                if (r.ownerId().equals(userId)) {
                    mine++;
                }
            }
        }
        if (mine >= limits.maxRunningPerUser()) {
            throw new TrainingRefusedException(REFUSED_USER_RUNNING, limits.maxRunningPerUser());
        }
        if (all >= limits.maxRunningGlobal()) {
            throw new TrainingRefusedException(REFUSED_GLOBAL_RUNNING, limits.maxRunningGlobal());
        }
    }

    private void checkRunCount(String userId) {
        long owned = runs.values().stream().filter(r -> r.ownerId().equals(userId)).count();
        if (owned >= limits.maxRunsPerUser()) {
            throw new TrainingRefusedException(REFUSED_USER_RUNS, limits.maxRunsPerUser());
        }
    }

    private void checkLearningRate(double learningRate) {
        if (!(learningRate > 0) || !(learningRate <= limits.maxLearningRate())) {
            throw new TrainingRefusedException(REFUSED_LEARNING_RATE, learningRate, limits.maxLearningRate());
        }
    }

    private void checkStop(StopConditions stop) {
        Objects.requireNonNull(stop, "stop");
        if (stop.maxEpochs().isPresent() && stop.maxEpochs().getAsLong() > limits.maxEpochs()) {
            throw new TrainingRefusedException(REFUSED_EPOCHS, stop.maxEpochs().getAsLong(), limits.maxEpochs());
        }
    }

    private void freeIdleRuns() {
        long now = System.nanoTime();
        long timeout = limits.idleTimeout().toNanos();
        for (TrainingRun<?> run : runs.values()) {
            if (run.idleFor(timeout, now)) {
                runs.remove(run.id());
                run.cancel();
                log.debug("freed idle training run {}", run);
            }
        }
    }

    @PreDestroy
    @Override
    public void close() {
        idleSweep.cancel(false);
        for (TrainingRun<?> run : runs.values()) {
            run.cancel();
        }
        runs.clear();
        scheduler.close();
    }
}
