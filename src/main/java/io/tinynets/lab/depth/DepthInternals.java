package io.tinynets.lab.depth;

import java.util.List;

/**
 * The compared networks at the same epoch, in the order of the configuration's activations.
 *
 * @param points the training points as {@link DepthTrainer#trainingPoints()} gives them (x1, x2, target rows), the
 *               same read-only arrays in every capture, so a projection can draw them over the boundary
 */
public record DepthInternals(long epoch, List<NetworkInternals> networks, double[][] points) {

    public DepthInternals {
        networks = List.copyOf(networks);
    }
}
