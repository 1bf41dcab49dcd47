package io.tinynets.training;

import java.util.List;
import java.util.Optional;

/**
 * How a lab plugs into the training runtime: one trainable model with its data. The runtime calls a trainer from one
 * thread at a time (never concurrently), but not always the same thread, so a trainer needs no locking.
 *
 * <p>The runtime shares a few workers among every run in short slices, so a trainer hands it work in bounded pieces:
 * {@link #prepare()} for work before the first epoch, {@link #trainChunk()} for an epoch and
 * {@link #startCapture()} for the internals. Between two pieces the worker may train other runs; nothing else touches
 * the trainer meanwhile. A trainer whose epochs and captures are short needs only {@link #trainEpoch()} and
 * {@link #captureInternals()}: the defaults make each one piece.
 *
 * @param <I> the lab's immutable record of internals shown by the UI (decision boundary grid, gate traces,
 *            gradient norms…)
 */
public interface Trainer<I> {

    /**
     * Trains one whole epoch (an epoch begun with {@link #trainChunk()} is finished first). The losses may come back
     * NaN or infinite: the run then ends as diverged.
     */
    EpochMetrics trainEpoch();

    /**
     * Trains the next bounded piece of the current epoch (a mini-batch, one model's step on one batch…) and returns
     * the epoch's metrics when that piece ended it, null while the epoch goes on. Live settings, internals and
     * snapshots wait for the epoch's end. Default: a whole epoch in one piece.
     */
    default EpochMetrics trainChunk() {
        return trainEpoch();
    }

    /**
     * Does a bounded piece of the work left before the first epoch (a continued run redrawing its saved epochs' data
     * stream) and returns true while some is left. The runtime calls it until it returns false before it trains or
     * captures. Default: nothing to prepare.
     */
    default boolean prepare() {
        return false;
    }

    /**
     * The lab's internals for the UI, as an immutable record. Called only when a snapshot is about to be delivered
     * to a subscriber (at most about 10 times a second), never once per epoch, and only between epochs.
     */
    I captureInternals();

    /**
     * Begins capturing the internals in bounded pieces; the runtime calls {@link InternalsCapture#step()} until it
     * completes, training nothing in between. Default: {@link #captureInternals()} in one piece.
     */
    default InternalsCapture<I> startCapture() {
        return InternalsCapture.whole(this::captureInternals);
    }

    /**
     * Why this run has nothing left to learn, once it has (every racer of a race reached the minimum or left the
     * surface): the run then finishes with this advice instead of training on to its epoch budget. Asked after every
     * epoch with finite losses; empty by default (a network can always train on).
     */
    default Optional<Advice> settled() {
        return Optional.empty();
    }

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
