package io.tinynets.training;

/**
 * How fast a run trains: a number of epochs per second, or as fast as its fair share of the machine allows
 * ({@link #UNLIMITED}, represented by positive infinity).
 */
public record Speed(double epochsPerSecond) {

    /** The highest finite speed; above it "as fast as possible" is the honest setting. */
    public static final double MAX_EPOCHS_PER_SECOND = 10_000;

    public static final Speed UNLIMITED = new Speed(Double.POSITIVE_INFINITY);

    public Speed {
        if (!(epochsPerSecond > 0) || (epochsPerSecond > MAX_EPOCHS_PER_SECOND && epochsPerSecond != Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("epochsPerSecond must be in (0, " + MAX_EPOCHS_PER_SECOND
                    + "] or unlimited, was " + epochsPerSecond);
        }
    }

    public static Speed epochsPerSecond(double epochsPerSecond) {
        return new Speed(epochsPerSecond);
    }

    public boolean isUnlimited() {
        return epochsPerSecond == Double.POSITIVE_INFINITY;
    }

    /** Time between two epochs at this speed; 0 when unlimited. */
    long periodNanos() {
        return isUnlimited() ? 0 : Math.max(1, Math.round(1e9 / epochsPerSecond));
    }
}
