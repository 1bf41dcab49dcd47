package io.tinynets.lab.descent;

import java.util.List;

/**
 * An objective a point walks down: f over one or two coordinates, its exact gradient, the rectangle worth drawing
 * and the minima a student should find. Pure math, no state, so one instance may be shared by every racer.
 */
public interface Surface {

    /** The rectangle the lab draws, x to the right and y upward; for a 1D surface y is unused. */
    record Domain(double xMin, double xMax, double yMin, double yMax) {
        public Domain {
            if (!(xMax > xMin) || !(yMax >= yMin)) {
                throw new IllegalArgumentException("domain needs xMin < xMax and yMin <= yMax, got [" + xMin + ", "
                        + xMax + "] x [" + yMin + ", " + yMax + "]");
            }
        }

        public boolean contains(double x, double y) {
            return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
        }
    }

    /** Stable key, also the message key suffix ({@code descent.surface.<key>}). */
    String key();

    /** 1 or 2 coordinates. */
    int dimensions();

    /** f(p); p has {@link #dimensions()} values. */
    double value(double[] p);

    /** Writes ∇f(p) into {@code out} (same length as p). */
    void gradient(double[] p, double[] out);

    Domain domain();

    /** The minima, global first; empty if the surface has none. */
    List<double[]> knownMinima();

    /** Where a walk starts unless the student clicks elsewhere: chosen to show the surface's character. */
    double[] defaultStart();

    /** True when the heat map should show log10(1 + f − f*), because f spans many orders of magnitude. */
    default boolean logScale() {
        return false;
    }

    /** The lowest value of f: at the global minimum (the first known one). */
    default double minimumValue() {
        List<double[]> minima = knownMinima();
        return minima.isEmpty() ? Double.NaN : value(minima.get(0));
    }
}
