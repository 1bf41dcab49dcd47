package io.tinynets.lab.descent;

import io.tinynets.training.picture.Picture;

import java.util.Arrays;

/**
 * A surface as the descent lab draws it: the rectangle shown, a {@link #GRID}×{@link #GRID} grid of values over it
 * (log10(1 + f − f*) where the surface asks for it; for a 1D curve the area below it shaded) and the colour range.
 * The view draws it, a saved experiment keeps {@link #picture()} and a projected run shows the same.
 */
public final class SurfaceMap {

    public static final int GRID = 96;
    /** Samples of a 1D curve, drawn as a path and used to size the rectangle. */
    static final int CURVE_SAMPLES = 121;

    private final double[] rect;
    private final double[] grid;
    private final double min;
    private final double max;

    private SurfaceMap(double[] rect, double[] grid, double min, double max) {
        this.rect = rect;
        this.grid = grid;
        this.min = min;
        this.max = max;
    }

    public static SurfaceMap of(Surface surface) {
        double[] rect = viewRect(surface);
        double[] grid = grid(surface, rect);
        double min = Arrays.stream(grid).min().orElse(0);
        double max = Arrays.stream(grid).max().orElse(1);
        return new SurfaceMap(rect, grid, min, max > min ? max : min + 1);
    }

    /** The drawn rectangle {xMin, xMax, yMin, yMax}: the domain, or for a 1D surface x by the range of f(x). */
    public static double[] viewRect(Surface surface) {
        Surface.Domain d = surface.domain();
        if (surface.dimensions() == 2) {
            return new double[] {d.xMin(), d.xMax(), d.yMin(), d.yMax()};
        }
        double[][] curve = curveSamples(surface);
        double lo = Arrays.stream(curve).mapToDouble(c -> c[1]).min().orElse(0);
        double hi = Arrays.stream(curve).mapToDouble(c -> c[1]).max().orElse(1);
        double margin = (hi - lo) * 0.08;
        return new double[] {d.xMin(), d.xMax(), lo - margin, hi + margin};
    }

    /** (x, f(x)) across the domain of a 1D surface. */
    public static double[][] curveSamples(Surface surface) {
        Surface.Domain d = surface.domain();
        double[][] out = new double[CURVE_SAMPLES][];
        for (int i = 0; i < CURVE_SAMPLES; i++) {
            double x = d.xMin() + i * (d.xMax() - d.xMin()) / (CURVE_SAMPLES - 1);
            out[i] = new double[] {x, surface.value(new double[] {x})};
        }
        return out;
    }

    private static double[] grid(Surface surface, double[] rect) {
        double[] values = new double[GRID * GRID];
        double[] p = new double[surface.dimensions()];
        double fMin = surface.minimumValue();
        for (int row = 0; row < GRID; row++) {
            double y = rect[3] - (row + 0.5) * (rect[3] - rect[2]) / GRID;
            for (int col = 0; col < GRID; col++) {
                double x = rect[0] + (col + 0.5) * (rect[1] - rect[0]) / GRID;
                p[0] = x;
                double v;
                if (surface.dimensions() == 1) {
                    v = y < surface.value(p) ? -0.35 : 0.0; // below the curve shaded, air left white
                } else {
                    p[1] = y;
                    double f = surface.value(p);
                    v = surface.logScale() ? Math.log10(1 + f - fMin) : f;
                }
                values[row * GRID + col] = v;
            }
        }
        return values;
    }

    /** {xMin, xMax, yMin, yMax}, a copy. */
    public double[] rect() {
        return rect.clone();
    }

    /** GRID² values, row 0 at the top; a copy. */
    public double[] grid() {
        return grid.clone();
    }

    public double min() {
        return min;
    }

    /** Always above {@link #min()}, even on a flat grid, so a colour scale can be built from it. */
    public double max() {
        return max;
    }

    public Picture picture() {
        return Picture.quantize(GRID, GRID, grid, min, max);
    }
}
