package io.tinynets.lab.descent;

/**
 * How a walk is going, in words a student can act on. The message key {@code descent.status.<name>} explains it
 * with the learning rate.
 */
public enum RacerStatus {
    /** Not stepped yet. */
    READY,
    /** The loss falls steadily. */
    DESCENDING,
    /** The gradient flips direction from step to step: it bounces across a valley. */
    OSCILLATING,
    /** The loss grows: steps overshoot further every time. */
    OVERSHOOTING,
    /** The point left the surface or reached a non-finite value; it is frozen. */
    DIVERGED,
    /** Little progress over many steps: the rate is small for this surface (or the floor is flat). */
    CRAWLING,
    /** The gradient vanished but this is not the lowest point: a local minimum or a saddle. */
    STALLED,
    /** At the lowest point. */
    CONVERGED;

    public String messageKey() {
        return "descent.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
