package io.tinynets.training;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Runs every lab's live training: creates runs, enforces the limits, and carries out the student's controls.
 * Training happens on a fixed pool of one worker per core where runs take turns in short slices (see
 * {@link TrainingRun}); nothing here trains, builds or prepares a trainer on the caller's (request) thread. Every
 * limit is checked before anything is built: the run counts (per user, per anonymous address, the anonymous share,
 * the server's) and the factory's declared {@link TrainerPlan}.
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
    public static final String REFUSED_GLOBAL_RUNS = "training.refused.globalRunLimit";
    public static final String REFUSED_ANONYMOUS_RUNS = "training.refused.anonymousRunLimit";
    public static final String REFUSED_ANONYMOUS_RUNNING = "training.refused.anonymousRunningLimit";
    public static final String REFUSED_ADDRESS_RUNS = "training.refused.addressRunLimit";
    public static final String REFUSED_ADDRESS_SESSIONS = "training.refused.addressSessionLimit";
    public static final String REFUSED_PARAMETERS = "training.refused.parameters";
    public static final String REFUSED_DATASET = "training.refused.datasetSize";
    public static final String REFUSED_EPOCHS = "training.refused.epochs";
    public static final String REFUSED_LEARNING_RATE = "training.refused.learningRate";
    public static final String REFUSED_HYPERPARAMETER = "training.refused.hyperparameter";

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final TrainingLimits limits;
    private final RunScheduler scheduler;
    private final RunClock clock;
    private final Map<String, TrainingRun<?>> runs = new ConcurrentHashMap<>();
    private final RunClock.Wakeup idleSweep;

    @Autowired
    public TrainingService(TrainingLimits limits) {
        this(limits, new SystemRunClock());
    }

    /** With a given clock: tests move a logical clock by hand. */
    TrainingService(TrainingLimits limits, RunClock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = new RunScheduler(limits.effectiveWorkerThreads());
        long idle = limits.idleTimeout().toNanos();
        // Sweep often enough that an idle run is freed within a quarter of the timeout after it expires.
        long period = Math.max(10_000_000L, Math.min(idle / 4, 30_000_000_000L));
        this.idleSweep = clock.every(this::freeIdleRuns, period);
        log.info("training runtime: {} workers; at most {} runs held and {} training ({} and {} per user); "
                        + "visitors without an account: {} held and {} training in all, {} runs in {} sessions per "
                        + "address", scheduler.workerThreads(), limits.maxRunsGlobal(), limits.maxRunningGlobal(),
                limits.maxRunsPerUser(), limits.maxRunningPerUser(), limits.maxRunsAnonymous(),
                limits.maxRunningAnonymous(), limits.anonymousRunsPerAddress(), limits.anonymousSessionsPerAddress());
    }

    public TrainingLimits limits() {
        return limits;
    }

    /**
     * Creates a run for a logged-in user (a class member, whose runs are not capped per address); see
     * {@link #create(Requester, String, TrainerFactory, RunSettings)}.
     */
    public <I> TrainingRun<I> create(String userId, String labKey, TrainerFactory<I> factory, RunSettings settings) {
        return create(Requester.account(Objects.requireNonNull(userId, "userId"), null), labKey, factory, settings);
    }

    /**
     * Creates a run in state READY, {@linkplain TrainingRun#isPreparing() preparing}: every limit is checked first
     * (the factory's plan against the size limits, the requester's and the server's run counts), then the factory's
     * own {@linkplain TrainerFactory#check() check}, and only then is the trainer built and prepared, on the
     * training pool. Returns at once; the run sends its first snapshot when it is ready, and controls given
     * meanwhile take effect then.
     *
     * @throws TrainingRefusedException naming the limit that was hit
     * @throws IllegalArgumentException from the factory's check (e.g. saved weights that do not fit)
     */
    public <I> TrainingRun<I> create(Requester requester, String labKey, TrainerFactory<I> factory,
                                     RunSettings settings) {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(labKey, "labKey");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(settings, "settings");
        checkStop(settings.stop());
        TrainerPlan plan = Objects.requireNonNull(factory.plan(), "the factory's plan");
        if (plan.parameters() > limits.maxParameters()) {
            throw new TrainingRefusedException(REFUSED_PARAMETERS, plan.parameters(), limits.maxParameters());
        }
        if (plan.datasetSize() > limits.maxDatasetSize()) {
            throw new TrainingRefusedException(REFUSED_DATASET, plan.datasetSize(), limits.maxDatasetSize());
        }
        checkLearningRate(plan.learningRate());
        synchronized (this) {
            checkHeldLimits(requester);
        }
        factory.check(); // outside the lock: it may parse saved weights
        TrainingRun<I> run;
        synchronized (this) {
            checkHeldLimits(requester); // again: another request may have taken the last place meanwhile
            run = new TrainingRun<>(UUID.randomUUID().toString(), requester, labKey, factory, plan, settings,
                    scheduler, clock, limits);
            runs.put(run.id(), run);
        }
        run.beginPreparing();
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

    /**
     * Starts (or resumes) training; refused when the user's, the visitors' or the server's running limit is reached.
     * A run still preparing starts as soon as it is ready.
     */
    public void start(String userId, String runId) {
        TrainingRun<?> run = run(userId, runId);
        synchronized (this) {
            if (!run.isRunning()) {
                checkRunningLimits(run.requester());
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
                checkRunningLimits(run.requester());
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

    /** Runs held in memory right now, in any state, on the whole server. */
    public int heldCount() {
        return runs.size();
    }

    /** How long runs held a training worker per task since the start or {@link #resetWorkerHolds()}. */
    public WorkerHolds workerHolds() {
        return scheduler.holds();
    }

    /** Starts the {@link #workerHolds()} statistics afresh (e.g. after a benchmark's warm-up). */
    public void resetWorkerHolds() {
        scheduler.resetHolds();
    }

    int queuedSlices() {
        return scheduler.queuedSlices();
    }

    int activeWorkers() {
        return scheduler.activeWorkers();
    }

    int pendingWakeUps() {
        return clock.pendingWakeUps();
    }

    boolean holds(String runId) {
        return runs.containsKey(runId);
    }

    /** Limits on runs training at once. Caller holds the monitor. */
    private void checkRunningLimits(Requester requester) {
        int mine = 0;
        int anonymous = 0;
        int all = 0;
        for (TrainingRun<?> r : runs.values()) {
            if (r.isRunning()) {
                all++;
                if (r.ownerId().equals(requester.ownerId())) {
                    mine++;
                }
                if (r.requester().anonymous()) {
                    anonymous++;
                }
            }
        }
        if (mine >= limits.maxRunningPerUser()) {
            throw new TrainingRefusedException(REFUSED_USER_RUNNING, limits.maxRunningPerUser());
        }
        if (requester.anonymous() && anonymous >= limits.maxRunningAnonymous()) {
            throw new TrainingRefusedException(REFUSED_ANONYMOUS_RUNNING, limits.maxRunningAnonymous());
        }
        if (all >= limits.maxRunningGlobal()) {
            throw new TrainingRefusedException(REFUSED_GLOBAL_RUNNING, limits.maxRunningGlobal());
        }
    }

    /**
     * Limits on runs held in memory (any state), checked before a run is created. The most specific limit is
     * named: the requester's own, their address's, the visitors' share, the server's. Caller holds the monitor.
     */
    private void checkHeldLimits(Requester requester) {
        int mine = 0;
        int anonymous = 0;
        int atAddress = 0;
        Set<String> sessionsAtAddress = new HashSet<>();
        for (TrainingRun<?> r : runs.values()) {
            Requester other = r.requester();
            if (other.ownerId().equals(requester.ownerId())) {
                mine++;
            }
            if (other.anonymous()) {
                anonymous++;
                if (other.address().equals(requester.address())) {
                    atAddress++;
                    sessionsAtAddress.add(other.ownerId());
                }
            }
        }
        if (mine >= limits.maxRunsPerUser()) {
            throw new TrainingRefusedException(REFUSED_USER_RUNS, limits.maxRunsPerUser());
        }
        if (requester.anonymous()) {
            if (!sessionsAtAddress.contains(requester.ownerId())
                    && sessionsAtAddress.size() >= limits.anonymousSessionsPerAddress()) {
                throw new TrainingRefusedException(REFUSED_ADDRESS_SESSIONS, limits.anonymousSessionsPerAddress());
            }
            if (atAddress >= limits.anonymousRunsPerAddress()) {
                throw new TrainingRefusedException(REFUSED_ADDRESS_RUNS, limits.anonymousRunsPerAddress());
            }
            if (anonymous >= limits.maxRunsAnonymous()) {
                throw new TrainingRefusedException(REFUSED_ANONYMOUS_RUNS, limits.maxRunsAnonymous());
            }
        }
        if (runs.size() >= limits.maxRunsGlobal()) {
            throw new TrainingRefusedException(REFUSED_GLOBAL_RUNS, limits.maxRunsGlobal());
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
        long now = clock.nanoTime();
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
        idleSweep.cancel();
        for (TrainingRun<?> run : runs.values()) {
            run.cancel();
        }
        runs.clear();
        clock.close();
        scheduler.close();
    }
}
