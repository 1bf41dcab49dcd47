package io.tinynets.training;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a lab: loss = scale * 0.97^epoch plus seeded noise, optional busy work per epoch,
 * and switches to misbehave (NaN loss, infinite weights, an exception) at a chosen epoch.
 */
final class FakeTrainer implements Trainer<FakeTrainer.Internals> {

    record Internals(long epoch, double learningRate, double l2) {
    }

    static final class Config {
        long spinNanos;
        long nanLossAt = -1;
        long infiniteWeightsAt = -1;
        long throwAt = -1;
        long parameters = 10;
        int datasetSize = 100;
        double learningRate = 0.1;
        final AtomicInteger captures = new AtomicInteger();
        final AtomicInteger built = new AtomicInteger();

        Config spin(long micros) {
            spinNanos = micros * 1000;
            return this;
        }

        TrainerFactory<Internals> factory() {
            return seed -> {
                built.incrementAndGet();
                return new FakeTrainer(this, seed);
            };
        }
    }

    private final Config config;
    private final SplittableRandom random;
    private final double scale;
    private double learningRate;
    private double l2;
    private long epoch;

    FakeTrainer(Config config, long seed) {
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.scale = 1 + random.nextDouble();
        this.learningRate = config.learningRate;
    }

    @Override
    public EpochMetrics trainEpoch() {
        epoch++;
        long until = System.nanoTime() + config.spinNanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        if (epoch == config.throwAt) {
            throw new IllegalStateException("fake trainer broke");
        }
        if (epoch == config.nanLossAt) {
            return EpochMetrics.of(Double.NaN);
        }
        double loss = scale * Math.pow(0.97, epoch) + 1e-3 * random.nextDouble();
        return EpochMetrics.of(loss, loss * 1.1, 1 - loss / 3);
    }

    @Override
    public Internals captureInternals() {
        config.captures.incrementAndGet();
        return new Internals(epoch, learningRate, l2);
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
