package io.tinynets.lab;

import io.tinynets.training.TrainingLimits;

import java.util.List;

/**
 * The training service's limits applied to a configuration before anything is built from it: the same
 * {@link TrainingLimits} the service enforces when a run is created, so a configuration a lab's rules accept is one
 * the service will train.
 */
public final class LabLimits {

    private LabLimits() {
    }

    /**
     * Refuses (an {@link io.tinynets.experiment.ExperimentValidationException}) a network of more than
     * {@code maxParameters} trainable numbers, more training examples than {@code maxDatasetSize}, or a learning rate
     * above {@code maxLearningRate}.
     */
    public static void check(TrainingLimits limits, long parameters, long examples, double learningRate) {
        if (parameters > limits.maxParameters()) {
            throw ConfigJsonFields.problem("experiments.config.parameters", parameters, limits.maxParameters());
        }
        if (examples > limits.maxDatasetSize()) {
            throw ConfigJsonFields.problem("experiments.config.examples", examples, limits.maxDatasetSize());
        }
        if (learningRate > limits.maxLearningRate()) {
            throw ConfigJsonFields.problem("experiments.config.learningRateLimit", learningRate,
                    limits.maxLearningRate());
        }
    }

    /** Trainable numbers of fully connected layers of these widths, input to output: weights and biases. */
    public static long denseParameters(int... sizes) {
        long n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return n;
    }

    public static long denseParameters(List<Integer> sizes) {
        return denseParameters(sizes.stream().mapToInt(Integer::intValue).toArray());
    }
}
