package io.tinynets.training;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A deterministic stand-in for a lab: loss = scale * 0.97^epoch plus seeded noise, optional busy work per piece of an
 * epoch, epochs in several pieces, a preparation in pieces, a build that waits for the test, and switches to misbehave
 * (NaN loss, infinite weights, an exception) at a chosen epoch.
 */
final class FakeTrainer implements Trainer<FakeTrainer.Internals> {

    record Internals(long epoch, double learningRate, double l2) {
    }

    static final class Config {
        long spinNanos;
        int piecesPerEpoch = 1;
        long preparePieces;
        long nanLossAt = -1;
        long infiniteWeightsAt = -1;
        long throwAt = -1;
        /** From this epoch on the trainer says it has nothing left to learn. */
        long settledAt = -1;
        boolean throwOnBuild;
        long parameters = 10;
        /** What the plan declares; -1: the truth ({@link #parameters}). */
        long plannedParameters = -1;
        int datasetSize = 100;
        double learningRate = 0.1;
        /** When set, a build waits (at most 10 s) until the test opens it. */
        CountDownLatch buildGate;
        final AtomicInteger captures = new AtomicInteger();
        final AtomicInteger built = new AtomicInteger();
        final AtomicReference<String> buildThread = new AtomicReference<>();
        final AtomicLong piecesTrained = new AtomicLong();
        final AtomicLong piecesPrepared = new AtomicLong();

        /** Busy work (wall clock) per piece of an epoch. */
        Config spin(long micros) {
            spinNanos = micros * 1000;
            return this;
        }

        Config pieces(int perEpoch) {
            piecesPerEpoch = perEpoch;
            return this;
        }

        TrainerFactory<Internals> factory() {
            TrainerPlan plan = new TrainerPlan(plannedParameters >= 0 ? plannedParameters : parameters, datasetSize,
                    learningRate, List.of(new Hyperparameter("l2", 0, 1, 0)));
            return TrainerFactory.of(plan, seed -> {
                buildThread.set(Thread.currentThread().getName());
                if (buildGate != null) {
                    try {
                        if (!buildGate.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never opened the build gate");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                if (throwOnBuild) {
                    throw new IllegalStateException("fake trainer could not be built");
                }
                built.incrementAndGet();
                return new FakeTrainer(this, seed);
            });
        }
    }

    private final Config config;
    private final SplittableRandom random;
    private final double scale;
    private double learningRate;
    private double l2;
    private long epoch;
    private int piece;
    private long prepared;

    FakeTrainer(Config config, long seed) {
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.scale = 1 + random.nextDouble();
        this.learningRate = config.learningRate;
    }

    @Override
    public boolean prepare() {
        if (prepared < config.preparePieces) {
            prepared++;
            config.piecesPrepared.incrementAndGet();
            spin(config.spinNanos);
        }
        return prepared < config.preparePieces;
    }

    @Override
    public EpochMetrics trainEpoch() {
        EpochMetrics metrics;
        while ((metrics = trainChunk()) == null) {
            // the rest of the epoch
        }
        return metrics;
    }

    @Override
    public EpochMetrics trainChunk() {
        spin(config.spinNanos);
        config.piecesTrained.incrementAndGet();
        if (++piece < config.piecesPerEpoch) {
            return null;
        }
        piece = 0;
        epoch++;
        if (epoch == config.throwAt) {
            throw new IllegalStateException("fake trainer broke");
        }
        if (epoch == config.nanLossAt) {
            return EpochMetrics.of(Double.NaN);
        }
        double loss = scale * Math.pow(0.97, epoch) + 1e-3 * random.nextDouble();
        return EpochMetrics.of(loss, loss * 1.1, 1 - loss / 3);
    }

    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Override
    public Internals captureInternals() {
        config.captures.incrementAndGet();
        return new Internals(epoch, learningRate, l2);
    }

    @Override
    public java.util.Optional<Advice> settled() {
        return config.settledAt > 0 && epoch >= config.settledAt
                ? java.util.Optional.of(Advice.of("fake.settled", epoch)) : java.util.Optional.empty();
    }

    @Override
    public boolean parametersFinite() {
        return epoch != config.infiniteWeightsAt;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("l2", 0, 1, 0));
    }

    @Override
    public void setHyperparameter(String key, double value) {
        if (!key.equals("l2")) {
            throw new IllegalArgumentException("unknown hyperparameter " + key);
        }
        l2 = value;
    }

    @Override
    public long parameterCount() {
        return config.parameters;
    }

    @Override
    public int datasetSize() {
        return config.datasetSize;
    }
}
