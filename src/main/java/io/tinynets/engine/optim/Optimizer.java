package io.tinynets.engine.optim;

import io.tinynets.engine.Param;

import java.util.List;

/**
 * Updates parameters from their gradients. Works on any list of {@link Param}s (an MLP's, an LSTM's, or a single 1×2
 * point on a loss surface); per-parameter state (velocities, moments) is created on first sight of a Param and kept
 * across steps, so changing the learning rate between steps never resets it.
 *
 * <p>An optimizer only reads gradients; regularization ({@link Regularization}) and clipping
 * ({@link GradientClipping}) are applied to the gradients beforehand by whoever drives training.
 */
public interface Optimizer {

    /** One update of every param from its current {@code grad}. */
    void step(List<Param> params);

    double learningRate();

    /** Takes effect from the next step; state is kept. Must be finite and in (0, 1000]. */
    void setLearningRate(double learningRate);

    /** Kind and hyperparameters, with the current learning rate. */
    OptimizerConfig config();

    /** Number of steps taken (Adam's t). */
    long steps();

    /** A deep copy of the per-parameter state, keyed by param name, for serialization. */
    OptimizerState exportState();

    /** Replaces all state with {@code state}, matching its entries to {@code params} by name. */
    void importState(OptimizerState state, List<Param> params);

    /** Forgets all state, as if newly created. */
    void reset();

    static void checkLearningRate(double learningRate) {
        if (!(learningRate > 0 && learningRate <= 1000)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1000], was " + learningRate);
        }
    }
}
