package io.tinynets.lab.playground;

import io.tinynets.data.Dataset2D;
import io.tinynets.training.io.OptimizerStateJson;

/**
 * What the playground view draws, captured between two epochs. Arrays are filled once at capture and never changed
 * afterwards (treat them as read-only).
 *
 * @param layerSizes     inputs, hidden widths…, outputs
 * @param weights        per layer (out × in, row-major as the engine's Dense), so {@code weights[l][to * in + from]}
 * @param biases         per layer, one per unit
 * @param gridSize       side of the decision boundary grid
 * @param boundary       gridSize² values, row 0 at the top (largest x2): the network's output, or for softmax the
 *                       predicted class
 * @param boundaryMin    low end of the colour scale for {@code boundary}
 * @param boundaryMax    high end of the colour scale
 * @param unitGridSize   side of each per-unit thumbnail
 * @param unitGrids      per layer, per unit, unitGridSize² outputs (row 0 at the top)
 * @param domain         half width of the square [−domain, domain]² the grids cover
 * @param trainLoss      data loss on the whole training set
 * @param testLoss       data loss on the test set (NaN when there is none)
 * @param trainAccuracy  share of training points classified right (NaN for regression)
 * @param testAccuracy   same on the test set (NaN for regression or without test points)
 * @param data           the run's points (immutable, shared by every capture), so a projection can draw them
 * @param optimizer      a deep copy of the optimizer's state (kind, steps, buffers), saved with the weights so
 *                       "continue training" resumes momentum and Adam's moments
 * @param epochs         epochs the run has trained (counting those before a continue), so a continued run can
 *                       fast-forward its batch order to where this one stood
 */
public record PlaygroundInternals(int[] layerSizes, double[][] weights, double[][] biases, int gridSize,
                                  double[] boundary, double boundaryMin, double boundaryMax, int unitGridSize,
                                  double[][][] unitGrids, double domain, double trainLoss, double testLoss,
                                  double trainAccuracy, double testAccuracy, Dataset2D data,
                                  OptimizerStateJson.Saved optimizer, long epochs) {
}
