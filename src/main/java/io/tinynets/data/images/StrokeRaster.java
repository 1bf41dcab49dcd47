package io.tinynets.data.images;

/**
 * Draws polylines into a small grayscale image with soft edges: a pixel's ink is how close its centre lies to the
 * nearest stroke, 1 within half the pen width and fading to 0 over one pixel beyond. Strokes are given in a unit
 * square (x right, y down) and mapped through a per-sample shift, scale and slant, which is where the hand-drawn
 * variety comes from.
 */
final class StrokeRaster {

    private StrokeRaster() {
    }

    /**
     * @param strokes   polylines, each {x0, y0, x1, y1, …} in the unit square
     * @param size      image side in pixels
     * @param pen       pen width in pixels
     * @param slant     x shift per unit of height above the centre (a shear), e.g. ±0.2
     * @param scale     glyph size relative to the image
     * @param dx        horizontal shift in pixels
     * @param dy        vertical shift in pixels
     * @param out       receives size·size values in [0, 1], row by row, starting at {@code offset}
     */
    static void draw(double[][] strokes, int size, double pen, double slant, double scale, double dx, double dy,
                     double[] out, int offset) {
        // map each stroke point: p' = centre + scale·size·(p − ½) with the shear x' += slant·(½ − y)·scale·size
        double[][] mapped = new double[strokes.length][];
        for (int s = 0; s < strokes.length; s++) {
            double[] st = strokes[s];
            double[] m = new double[st.length];
            for (int i = 0; i < st.length; i += 2) {
                double y = st[i + 1] - 0.5;
                double x = st[i] - 0.5 - slant * y;
                m[i] = size / 2.0 + dx + x * scale * size;
                m[i + 1] = size / 2.0 + dy + y * scale * size;
            }
            mapped[s] = m;
        }
        double half = pen / 2.0;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double px = c + 0.5;
                double py = r + 0.5;
                double best = Double.MAX_VALUE;
                for (double[] m : mapped) {
                    for (int i = 0; i + 3 < m.length; i += 2) {
                        best = Math.min(best, segmentDistance(px, py, m[i], m[i + 1], m[i + 2], m[i + 3]));
                    }
                    if (m.length == 2) {
                        best = Math.min(best, Math.hypot(px - m[0], py - m[1]));
                    }
                }
                double ink = 1.0 - (best - half);
                out[offset + r * size + c] = Math.max(0.0, Math.min(1.0, ink));
            }
        }
    }

    /** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : ((px - ax) * vx + (py - ay) * vy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
    }

    /** A closed polyline approximating an ellipse, for loops in glyphs. */
    static double[] ellipse(double cx, double cy, double rx, double ry, int points) {
        double[] p = new double[2 * (points + 1)];
        for (int i = 0; i <= points; i++) {
            double a = 2 * Math.PI * i / points;
            p[2 * i] = cx + rx * Math.cos(a);
            p[2 * i + 1] = cy + ry * Math.sin(a);
        }
        return p;
    }

    /** Adds uniform noise of ±amplitude to every pixel and clamps to [0, 1]. */
    static void addNoise(double[] out, int offset, int count, double amplitude, java.util.random.RandomGenerator rng) {
        for (int i = offset; i < offset + count; i++) {
            double v = out[i] + amplitude * (2 * rng.nextDouble() - 1);
            out[i] = Math.max(0.0, Math.min(1.0, v));
        }
    }
}
