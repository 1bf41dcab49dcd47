package io.tinynets.lab.depth;

import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.Optimizer;

import java.util.List;

/**
 * A deep, narrow network on a 2D binary data set, and one or two hidden activations to compare with everything
 * else equal (same data, same initial draws, same rate).
 *
 * @param depth       hidden layers, 1..30
 * @param width       units per hidden layer, 2..32
 * @param activations the hidden activation of each compared network (one or two)
 */
public record DepthConfig(DatasetKind dataset, int depth, int width, List<Activation> activations,
                          Initializer initializer, double learningRate) {

    public static final int MIN_DEPTH = 1;
    public static final int MAX_DEPTH = 30;
    public static final int MIN_WIDTH = 2;
    public static final int MAX_WIDTH = 32;
    public static final int POINTS = 200;
    /** The learning rates the lab's log slider offers (10⁻³ to 10), and a saved config may hold. */
    public static final double MIN_LEARNING_RATE = 1e-3;
    public static final double MAX_LEARNING_RATE = 10;
    /** The run seeds the form offers (the seed is the experiment's own, not part of the config). */
    public static final long MAX_SEED = Integer.MAX_VALUE;
    public static final List<DatasetKind> DATASETS = List.of(DatasetKind.XOR, DatasetKind.CIRCLE,
            DatasetKind.GAUSSIANS, DatasetKind.MOONS, DatasetKind.SPIRAL);
    public static final List<Activation> ACTIVATIONS = List.of(Activation.SIGMOID, Activation.TANH,
            Activation.RELU, Activation.LEAKY_RELU, Activation.ELU, Activation.LINEAR);

    public DepthConfig {
        if (dataset == null || !DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("dataset must be one of " + DATASETS + ", was " + dataset);
        }
        if (depth < MIN_DEPTH || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be in " + MIN_DEPTH + ".." + MAX_DEPTH + ", was " + depth);
        }
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be in " + MIN_WIDTH + ".." + MAX_WIDTH + ", was " + width);
        }
        if (activations == null || activations.isEmpty() || activations.size() > 2) {
            throw new IllegalArgumentException("activations: give one or two, got " + activations);
        }
        for (Activation a : activations) {
            if (!ACTIVATIONS.contains(a)) {
                throw new IllegalArgumentException("activation must be one of " + ACTIVATIONS + ", was " + a);
            }
        }
        activations = List.copyOf(activations);
        if (initializer == null) {
            throw new IllegalArgumentException("initializer must not be null");
        }
        Optimizer.checkLearningRate(learningRate);
    }

    /** The same networks with another rate (the rate changes live while training). */
    public DepthConfig withLearningRate(double newRate) {
        return new DepthConfig(dataset, depth, width, activations, initializer, newRate);
    }
}
