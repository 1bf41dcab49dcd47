package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.io.OptimizerStateJson;

/**
 * One racer as the UI sees it at a snapshot.
 *
 * @param position  the point (1 or 2 values)
 * @param gradient  ∇f at the point
 * @param velocity  the optimizer's velocity (momentum, Nesterov) or first moment (Adam); null for the others
 * @param loss      f at the point
 * @param minimum   f at the global minimum (NaN if unknown), so the UI can plot the gap f − f*
 * @param xs        x of every visited point (the path), step 0 first
 * @param ys        y of every visited point, or f(x) on a 1D surface
 * @param losses    f at every visited point
 * @param optimizer a copy of the racer's optimizer state (velocity, moments, step count), saved with its position
 */
public record RacerSnapshot(OptimizerKind kind, double[] position, double[] gradient, double[] velocity, double loss,
                            double minimum, RacerStatus status, long steps, History.View xs, History.View ys,
                            History.View losses, OptimizerStateJson.Saved optimizer) {

    /** f − f*, the distance to the best possible loss; the quantity the log chart shows. */
    public double gap() {
        return loss - minimum;
    }
}
