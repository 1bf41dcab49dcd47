package io.tinynets.lab.depth;

import java.util.List;

/** The compared networks at the same epoch, in the order of the configuration's activations. */
public record DepthInternals(long epoch, List<NetworkInternals> networks) {

    public DepthInternals {
        networks = List.copyOf(networks);
    }
}
