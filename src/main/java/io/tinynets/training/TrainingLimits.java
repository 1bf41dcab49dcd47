package io.tinynets.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timing of the training runtime, bound from {@code tinynets.training.*}. The service enforces them
 * whatever the forms allow.
 *
 * @param workerThreads      training threads; 0 means one per available processor
 * @param maxRunningGlobal   runs that may train at once on the whole server
 * @param maxRunningPerUser  runs one user may have training at once
 * @param maxRunsPerUser     runs one user may hold in memory (in any state)
 * @param maxParameters      trainable scalars per run
 * @param maxEpochs          epochs per run, and per step request
 * @param maxDatasetSize     training examples per run
 * @param maxLearningRate    highest learning rate accepted
 * @param idleTimeout        how long a run nobody watches is kept (paused) before it is freed
 * @param snapshotInterval   least time between two snapshots to one subscriber (100 ms = at most 10 a second)
 * @param slice              how long a run trains before it yields its worker to the next run (fair sharing)
 */
@ConfigurationProperties("tinynets.training")
public record TrainingLimits(
        @DefaultValue("0") int workerThreads,
        @DefaultValue("120") int maxRunningGlobal,
        @DefaultValue("3") int maxRunningPerUser,
        @DefaultValue("10") int maxRunsPerUser,
        @DefaultValue("100000") long maxParameters,
        @DefaultValue("100000") long maxEpochs,
        @DefaultValue("10000") int maxDatasetSize,
        @DefaultValue("100") double maxLearningRate,
        @DefaultValue("10m") Duration idleTimeout,
        @DefaultValue("100ms") Duration snapshotInterval,
        @DefaultValue("5ms") Duration slice) {

    public TrainingLimits {
        if (workerThreads < 0) {
            throw new IllegalArgumentException("tinynets.training.workerThreads must be >= 0 (0 = one per processor), was "
                    + workerThreads);
        }
        positive("maxRunningGlobal", maxRunningGlobal);
        positive("maxRunningPerUser", maxRunningPerUser);
        positive("maxRunsPerUser", maxRunsPerUser);
        positive("maxParameters", maxParameters);
        positive("maxEpochs", maxEpochs);
        positive("maxDatasetSize", maxDatasetSize);
        if (!(maxLearningRate > 0) || !Double.isFinite(maxLearningRate)) {
            throw new IllegalArgumentException("tinynets.training.max-learning-rate must be a finite number > 0, was "
                    + maxLearningRate);
        }
        positive("idleTimeout", idleTimeout.toNanos());
        positive("snapshotInterval", snapshotInterval.toNanos());
        positive("slice", slice.toNanos());
    }

    /** The same values as the {@code @DefaultValue}s, for code and tests that run without Spring. */
    public static TrainingLimits defaults() {
        return new TrainingLimits(0, 120, 3, 10, 100_000, 100_000, 10_000, 100,
                Duration.ofMinutes(10), Duration.ofMillis(100), Duration.ofMillis(5));
    }

    /** Worker threads actually used. */
    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    public TrainingLimits withRunning(int global, int perUser) {
        return new TrainingLimits(workerThreads, global, perUser, maxRunsPerUser, maxParameters, maxEpochs,
                maxDatasetSize, maxLearningRate, idleTimeout, snapshotInterval, slice);
    }

    public TrainingLimits withRunsPerUser(int runsPerUser) {
        return new TrainingLimits(workerThreads, maxRunningGlobal, maxRunningPerUser, runsPerUser, maxParameters,
                maxEpochs, maxDatasetSize, maxLearningRate, idleTimeout, snapshotInterval, slice);
    }

    public TrainingLimits withSizes(long parameters, long epochs, int datasetSize) {
        return new TrainingLimits(workerThreads, maxRunningGlobal, maxRunningPerUser, maxRunsPerUser, parameters,
                epochs, datasetSize, maxLearningRate, idleTimeout, snapshotInterval, slice);
    }

    public TrainingLimits withIdleTimeout(Duration idle) {
        return new TrainingLimits(workerThreads, maxRunningGlobal, maxRunningPerUser, maxRunsPerUser, maxParameters,
                maxEpochs, maxDatasetSize, maxLearningRate, idle, snapshotInterval, slice);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("tinynets.training." + name + " must be > 0, was " + value);
        }
    }
}
