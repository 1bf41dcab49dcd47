package io.tinynets.lab.depth;

import io.tinynets.engine.Activation;
import io.tinynets.training.io.OptimizerStateJson;

/**
 * One compared network as the UI sees it.
 *
 * @param gradientNorms  ‖∂L/∂(W, b)‖ per layer on the whole training set, input side first, output layer last
 * @param histograms     per hidden layer, the share of training activations in each of {@link #BINS} bins over
 *                       [histMin, histMax] (values outside land in the end bins)
 * @param dead           per hidden layer and unit: true when the unit outputs 0 for every training input
 * @param deadCount      how many hidden units are dead
 * @param boundary       the output probability over a {@link #GRID}×{@link #GRID} grid, row 0 at the top
 * @param collapse       for a linear network, the single equivalent map; null otherwise
 * @param parameters     a copy of every parameter's values in {@code Mlp.params()} order (row-major), so a saved
 *                       experiment can take the weights from the internals instead of from the live trainer
 * @param optimizer      a copy of the optimizer's state (plain SGD: its step count), saved with the weights
 */
public record NetworkInternals(Activation activation, double[] gradientNorms, double[][] histograms, double histMin,
                               double histMax, boolean[][] dead, int deadCount, double[] boundary, double loss,
                               double accuracy, LinearCollapse collapse,
                               double[][] parameters, OptimizerStateJson.Saved optimizer) {

    public static final int BINS = 24;
    public static final int GRID = 40;
}
