package io.tinynets.training;

import java.util.List;
import java.util.Objects;

/**
 * What a trainer will be, declared by its factory from the configuration alone, before anything is built: the
 * service checks its limits against this, so a refused run never allocates a model, a data set or a fast-forward.
 * After the build (on the training pool) the run checks the trainer against the limits once more.
 *
 * @param parameters      trainable scalars the model will have
 * @param datasetSize     training examples it will train on
 * @param learningRate    the learning rate it starts with
 * @param hyperparameters the hyperparameters it will let the student change live, with their initial values
 */
public record TrainerPlan(long parameters, int datasetSize, double learningRate, List<Hyperparameter> hyperparameters) {

    public TrainerPlan {
        if (parameters < 0 || datasetSize < 0) {
            throw new IllegalArgumentException("parameters and dataset size must be >= 0, were " + parameters + " and "
                    + datasetSize);
        }
        hyperparameters = List.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters"));
    }

    /** A plan without live hyperparameters. */
    public static TrainerPlan of(long parameters, int datasetSize, double learningRate) {
        return new TrainerPlan(parameters, datasetSize, learningRate, List.of());
    }
}
