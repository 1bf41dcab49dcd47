package io.tinynets.training;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * When a run finishes by itself: after {@code maxEpochs} epochs and/or once the train loss is at or below
 * {@code targetLoss}. Without a max, the service's epoch limit still applies.
 */
public record StopConditions(OptionalLong maxEpochs, OptionalDouble targetLoss) {

    public StopConditions {
        if (maxEpochs == null || targetLoss == null) {
            throw new IllegalArgumentException("maxEpochs and targetLoss must be empty optionals, not null");
        }
        if (maxEpochs.isPresent() && maxEpochs.getAsLong() < 1) {
            throw new IllegalArgumentException("maxEpochs must be at least 1, was " + maxEpochs.getAsLong());
        }
        if (targetLoss.isPresent() && !(targetLoss.getAsDouble() >= 0 && Double.isFinite(targetLoss.getAsDouble()))) {
            throw new IllegalArgumentException("targetLoss must be a finite number >= 0, was " + targetLoss.getAsDouble());
        }
    }

    public static StopConditions none() {
        return new StopConditions(OptionalLong.empty(), OptionalDouble.empty());
    }

    public static StopConditions maxEpochs(long maxEpochs) {
        return new StopConditions(OptionalLong.of(maxEpochs), OptionalDouble.empty());
    }

    public StopConditions withTargetLoss(double targetLoss) {
        return new StopConditions(maxEpochs, OptionalDouble.of(targetLoss));
    }

    public StopConditions withMaxEpochs(long maxEpochs) {
        return new StopConditions(OptionalLong.of(maxEpochs), targetLoss);
    }
}
