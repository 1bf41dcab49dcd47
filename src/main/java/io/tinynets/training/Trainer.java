package io.tinynets.training;

import java.util.List;

/**
 * How a lab plugs into the training runtime: one trainable model with its data. The runtime calls a trainer from one
 * thread at a time (never concurrently), but not always the same thread, so a trainer needs no locking.
 *
 * @param <I> the lab's immutable record of internals shown by the UI (decision boundary grid, gate traces,
 *            gradient norms…)
 */
public interface Trainer<I> {

    /** Trains one epoch. The losses may come back NaN or infinite: the run then ends as diverged. */
    EpochMetrics trainEpoch();

    /**
     * The lab's internals for the UI, as an immutable record. Called only when a snapshot is about to be delivered
     * to a subscriber (at most about 10 times a second), never once per epoch.
     */
    I captureInternals();

    /** False as soon as any weight or bias is NaN or infinite. */
    boolean parametersFinite();

    double learningRate();

    /** Changes the learning rate between two epochs; the service has checked it is finite and positive. */
    void setLearningRate(double learningRate);

    /** The hyperparameters this trainer lets the student change live; none by default. */
    default List<Hyperparameter> hyperparameters() {
        return List.of();
    }

    /** Changes one of {@link #hyperparameters()} between two epochs; the service has checked key and range. */
    default void setHyperparameter(String key, double value) {
        throw new IllegalArgumentException("unknown hyperparameter " + key);
    }

    /** Number of trainable scalars, checked against the service's limit. */
    long parameterCount();

    /** Number of training examples, checked against the service's limit. */
    int datasetSize();
}
