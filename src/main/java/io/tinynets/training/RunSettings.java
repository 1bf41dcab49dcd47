package io.tinynets.training;

import java.util.Objects;

/** How a new run starts: the seed its trainer is built from, its speed and its stop conditions. */
public record RunSettings(long seed, Speed speed, StopConditions stop) {

    public RunSettings {
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(stop, "stop");
    }

    /** As fast as possible, no stop condition but the service's epoch limit. */
    public static RunSettings seeded(long seed) {
        return new RunSettings(seed, Speed.UNLIMITED, StopConditions.none());
    }

    public RunSettings withSpeed(Speed speed) {
        return new RunSettings(seed, speed, stop);
    }

    public RunSettings withStop(StopConditions stop) {
        return new RunSettings(seed, speed, stop);
    }
}
