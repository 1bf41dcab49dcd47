package io.tinynets.classroom;

import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;

/** A stand-in for a lab's trainer: the loss halves every epoch, a little sleep so runs stay observable. */
public final class DecayTrainer implements Trainer<Double> {

    public static final TrainerFactory<Double> FACTORY = TrainerFactory.of(TrainerPlan.of(1, 1, 0.1),
            seed -> new DecayTrainer());
    private double loss = 1;
    private double lr = 0.1;

    @Override
    public EpochMetrics trainEpoch() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loss = Math.max(loss * 0.5, 1e-6);
        return EpochMetrics.of(loss);
    }

    @Override
    public Double captureInternals() {
        return loss;
    }

    @Override
    public boolean parametersFinite() {
        return true;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double learningRate) {
        lr = learningRate;
    }

    @Override
    public long parameterCount() {
        return 1;
    }

    @Override
    public int datasetSize() {
        return 1;
    }
}
