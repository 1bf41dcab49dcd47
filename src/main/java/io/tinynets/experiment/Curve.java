package io.tinynets.experiment;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named metric series of a run (e.g. "loss", "test loss", "accuracy") as (x, y) points, x usually the epoch.
 * {@code recordedPoints} is how many points the lab recorded; a stored curve may hold fewer (see
 * {@link CurveDownsampler}). A non-finite y (a diverged run's last loss) is kept and drawn as a gap.
 */
public record Curve(String name, double[] x, double[] y, int recordedPoints) {

    public Curve {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new ExperimentValidationException("experiments.invalid.curveLengths", name, x.length, y.length);
        }
        if (recordedPoints < x.length) {
            throw new ExperimentValidationException("experiments.invalid.recordedPoints", name, recordedPoints,
                    x.length);
        }
    }

    /** A curve exactly as the lab recorded it. */
    public static Curve of(String name, double[] x, double[] y) {
        return new Curve(name, x.clone(), y.clone(), x.length);
    }

    public int size() {
        return x.length;
    }

    /** True when older points were thinned out on saving (the tail is always raw). */
    public boolean downsampled() {
        return recordedPoints > x.length;
    }

    /** The last y, or NaN for an empty curve. */
    public double last() {
        return y.length == 0 ? Double.NaN : y[y.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && name.equals(c.name) && Arrays.equals(x, c.x) && Arrays.equals(y, c.y)
                && recordedPoints == c.recordedPoints;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), recordedPoints);
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + x.length + " of " + recordedPoints + " points]";
    }
}
