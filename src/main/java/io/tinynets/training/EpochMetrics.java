package io.tinynets.training;

import java.util.OptionalDouble;

/**
 * What one epoch of training measured. The train loss may be NaN or infinite: the run then ends in
 * {@link RunState#DIVERGED}, it is not an error of the trainer.
 */
public record EpochMetrics(double trainLoss, OptionalDouble testLoss, OptionalDouble accuracy) {

    public EpochMetrics {
        if (testLoss == null || accuracy == null) {
            throw new IllegalArgumentException("testLoss and accuracy must be OptionalDouble.empty(), not null");
        }
    }

    public static EpochMetrics of(double trainLoss) {
        return new EpochMetrics(trainLoss, OptionalDouble.empty(), OptionalDouble.empty());
    }

    public static EpochMetrics of(double trainLoss, double testLoss, double accuracy) {
        return new EpochMetrics(trainLoss, OptionalDouble.of(testLoss), OptionalDouble.of(accuracy));
    }

    /** True when every loss that is present is a finite number. */
    public boolean lossesFinite() {
        return Double.isFinite(trainLoss) && (testLoss.isEmpty() || Double.isFinite(testLoss.getAsDouble()));
    }
}
