package io.tinynets.lab.descent;

import java.util.List;

/**
 * What the descent view draws: every racer at the same step.
 *
 * @param surface the surface they walk on, so a projection can draw it under their paths
 */
public record DescentInternals(long steps, List<RacerSnapshot> racers, SurfaceKind surface) {

    public DescentInternals {
        racers = List.copyOf(racers);
    }
}
