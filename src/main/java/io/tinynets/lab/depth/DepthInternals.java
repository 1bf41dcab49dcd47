package io.tinynets.lab.depth;

import java.util.List;

/**
 * The compared networks at the same epoch, in the order of the configuration's activations.
 *
 * @param points the training points as {@link DepthTrainer#trainingPoints()} gives them (x1, x2, target rows), the
 *               same read-only arrays in every capture, so a projection can draw them over the boundary
 * @param epochsTrained epochs of the whole run, those before a "continue training" included (epoch counts this
 *               trainer's only), saved so a continued run can fast-forward its batch order
 */
public record DepthInternals(long epoch, List<NetworkInternals> networks, double[][] points, long epochsTrained) {

    public DepthInternals {
        networks = List.copyOf(networks);
    }
}
