package io.tinynets.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timing of the training runtime, bound from {@code tinynets.training.*}. The service enforces them
 * whatever the forms allow, before anything is built. The defaults suit a class of 30 to 60 on one server.
 *
 * <p>Every run holds memory from its creation until it is closed or freed after the idle timeout, whatever its
 * state, so runs are capped twice: the runs held ({@code maxRuns…}) and the runs training at once
 * ({@code maxRunning…}). Visitors without an account may together use only {@code anonymousShare} percent of the
 * server-wide caps (the rest is kept for logged-in users, so a class can train while the open labs are busy), and
 * per network address only {@code anonymousRunsPerAddress} runs in {@code anonymousSessionsPerAddress} browser
 * sessions, so a script opening sessions from one machine cannot take even that share.
 *
 * @param workerThreads               training threads; 0 means one per available processor
 * @param maxRunsGlobal               runs the server holds in memory at once, in any state
 * @param maxRunningGlobal            runs that may train at once on the whole server
 * @param maxRunsPerUser              runs one user (or anonymous browser session) may hold, in any state
 * @param maxRunningPerUser           runs one user may have training at once
 * @param anonymousShare              percent (0..100) of {@code maxRunsGlobal} and {@code maxRunningGlobal} that
 *                                    visitors without an account may use together
 * @param anonymousRunsPerAddress     runs all visitors without an account from one network address may hold
 * @param anonymousSessionsPerAddress browser sessions without an account from one address that may hold runs
 * @param maxParameters               trainable scalars per run
 * @param maxEpochs                   epochs per run, and per step request
 * @param maxDatasetSize              training examples per run
 * @param maxLearningRate             highest learning rate accepted
 * @param idleTimeout                 how long a run nobody watches is kept (paused) before it is freed
 * @param snapshotInterval            least time between two snapshots to one subscriber (100 ms = at most 10 a second)
 * @param slice                       CPU time a run works before it yields its worker to the next run (fair sharing)
 */
@ConfigurationProperties("tinynets.training")
public record TrainingLimits(
        @DefaultValue("0") int workerThreads,
        @DefaultValue("240") int maxRunsGlobal,
        @DefaultValue("120") int maxRunningGlobal,
        @DefaultValue("10") int maxRunsPerUser,
        @DefaultValue("3") int maxRunningPerUser,
        @DefaultValue("50") int anonymousShare,
        @DefaultValue("12") int anonymousRunsPerAddress,
        @DefaultValue("6") int anonymousSessionsPerAddress,
        @DefaultValue("100000") long maxParameters,
        @DefaultValue("100000") long maxEpochs,
        @DefaultValue("10000") int maxDatasetSize,
        @DefaultValue("100") double maxLearningRate,
        @DefaultValue("10m") Duration idleTimeout,
        @DefaultValue("100ms") Duration snapshotInterval,
        @DefaultValue("5ms") Duration slice) {

    public TrainingLimits {
        if (workerThreads < 0) {
            throw new IllegalArgumentException("tinynets.training.worker-threads must be >= 0 (0 = one per processor), "
                    + "was " + workerThreads);
        }
        positive("max-runs-global", maxRunsGlobal);
        positive("max-running-global", maxRunningGlobal);
        positive("max-runs-per-user", maxRunsPerUser);
        positive("max-running-per-user", maxRunningPerUser);
        if (anonymousShare < 0 || anonymousShare > 100) {
            throw new IllegalArgumentException("tinynets.training.anonymous-share must be a percentage in 0..100, was "
                    + anonymousShare);
        }
        positive("anonymous-runs-per-address", anonymousRunsPerAddress);
        positive("anonymous-sessions-per-address", anonymousSessionsPerAddress);
        positive("max-parameters", maxParameters);
        positive("max-epochs", maxEpochs);
        positive("max-dataset-size", maxDatasetSize);
        if (!(maxLearningRate > 0) || !Double.isFinite(maxLearningRate)) {
            throw new IllegalArgumentException("tinynets.training.max-learning-rate must be a finite number > 0, was "
                    + maxLearningRate);
        }
        positive("idle-timeout", idleTimeout.toNanos());
        positive("snapshot-interval", snapshotInterval.toNanos());
        positive("slice", slice.toNanos());
    }

    /** The same values as the {@code @DefaultValue}s, for code and tests that run without Spring. */
    public static TrainingLimits defaults() {
        return new TrainingLimits(0, 240, 120, 10, 3, 50, 12, 6, 100_000, 100_000, 10_000, 100,
                Duration.ofMinutes(10), Duration.ofMillis(100), Duration.ofMillis(5));
    }

    /** Worker threads actually used. */
    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    /** Runs all visitors without an account may hold together: their share of {@link #maxRunsGlobal}. */
    public int maxRunsAnonymous() {
        return (int) ((long) maxRunsGlobal * anonymousShare / 100);
    }

    /** Runs all visitors without an account may train at once: their share of {@link #maxRunningGlobal}. */
    public int maxRunningAnonymous() {
        return (int) ((long) maxRunningGlobal * anonymousShare / 100);
    }

    public TrainingLimits withRunning(int global, int perUser) {
        return new TrainingLimits(workerThreads, Math.max(maxRunsGlobal, global), global, maxRunsPerUser, perUser,
                anonymousShare, anonymousRunsPerAddress, anonymousSessionsPerAddress, maxParameters, maxEpochs,
                maxDatasetSize, maxLearningRate, idleTimeout, snapshotInterval, slice);
    }

    public TrainingLimits withRuns(int global, int perUser) {
        return new TrainingLimits(workerThreads, global, maxRunningGlobal, perUser, maxRunningPerUser,
                anonymousShare, anonymousRunsPerAddress, anonymousSessionsPerAddress, maxParameters, maxEpochs,
                maxDatasetSize, maxLearningRate, idleTimeout, snapshotInterval, slice);
    }

    public TrainingLimits withRunsPerUser(int runsPerUser) {
        return withRuns(maxRunsGlobal, runsPerUser);
    }

    public TrainingLimits withAnonymous(int share, int runsPerAddress, int sessionsPerAddress) {
        return new TrainingLimits(workerThreads, maxRunsGlobal, maxRunningGlobal, maxRunsPerUser, maxRunningPerUser,
                share, runsPerAddress, sessionsPerAddress, maxParameters, maxEpochs, maxDatasetSize, maxLearningRate,
                idleTimeout, snapshotInterval, slice);
    }

    public TrainingLimits withSizes(long parameters, long epochs, int datasetSize) {
        return new TrainingLimits(workerThreads, maxRunsGlobal, maxRunningGlobal, maxRunsPerUser, maxRunningPerUser,
                anonymousShare, anonymousRunsPerAddress, anonymousSessionsPerAddress, parameters, epochs, datasetSize,
                maxLearningRate, idleTimeout, snapshotInterval, slice);
    }

    public TrainingLimits withIdleTimeout(Duration idle) {
        return new TrainingLimits(workerThreads, maxRunsGlobal, maxRunningGlobal, maxRunsPerUser, maxRunningPerUser,
                anonymousShare, anonymousRunsPerAddress, anonymousSessionsPerAddress, maxParameters, maxEpochs,
                maxDatasetSize, maxLearningRate, idle, snapshotInterval, slice);
    }

    public TrainingLimits withWorkerThreads(int threads) {
        return new TrainingLimits(threads, maxRunsGlobal, maxRunningGlobal, maxRunsPerUser, maxRunningPerUser,
                anonymousShare, anonymousRunsPerAddress, anonymousSessionsPerAddress, maxParameters, maxEpochs,
                maxDatasetSize, maxLearningRate, idleTimeout, snapshotInterval, slice);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("tinynets.training." + name + " must be > 0, was " + value);
        }
    }
}
