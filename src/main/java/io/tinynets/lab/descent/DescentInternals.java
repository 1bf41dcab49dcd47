package io.tinynets.lab.descent;

import java.util.List;

/** What the descent view draws: every racer at the same step. */
public record DescentInternals(long steps, List<RacerSnapshot> racers) {

    public DescentInternals {
        racers = List.copyOf(racers);
    }
}
