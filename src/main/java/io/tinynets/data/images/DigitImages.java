package io.tinynets.data.images;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Hand-drawn-looking digits 0–9 without fonts: each digit is a few pen strokes in a unit square, rasterized with a
 * random shift, pen thickness, slant and size, then sprinkled with pixel noise.
 */
final class DigitImages {

    /** Pen strokes of each digit, {x0, y0, x1, y1, …} in the unit square, y down. */
    static final double[][][] STROKES = {
            {StrokeRaster.ellipse(0.5, 0.5, 0.24, 0.36, 14)},
            {{0.36, 0.28, 0.54, 0.12, 0.54, 0.88}},
            {{0.28, 0.3, 0.38, 0.15, 0.6, 0.13, 0.72, 0.28, 0.66, 0.46, 0.28, 0.86, 0.74, 0.86}},
            {{0.3, 0.16, 0.7, 0.16, 0.48, 0.44, 0.68, 0.56, 0.7, 0.74, 0.56, 0.87, 0.28, 0.84}},
            {{0.62, 0.88, 0.62, 0.12, 0.26, 0.62, 0.78, 0.62}},
            {{0.72, 0.14, 0.34, 0.14, 0.3, 0.46, 0.56, 0.42, 0.72, 0.58, 0.66, 0.82, 0.46, 0.88, 0.28, 0.8}},
            {{0.66, 0.14, 0.44, 0.3, 0.32, 0.6, 0.38, 0.84, 0.6, 0.86, 0.7, 0.68, 0.56, 0.52, 0.34, 0.6}},
            {{0.28, 0.14, 0.74, 0.14, 0.44, 0.88}},
            {StrokeRaster.ellipse(0.5, 0.3, 0.17, 0.17, 10), StrokeRaster.ellipse(0.5, 0.68, 0.21, 0.2, 12)},
            {StrokeRaster.ellipse(0.48, 0.34, 0.19, 0.2, 12), {0.67, 0.36, 0.6, 0.88}},
    };

    static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private DigitImages() {
    }

    /** Draws sample {@code i} (a {@code size} × {@code size} digit, class i mod 10) into row i of {@code pixels}. */
    static void sample(int size, int i, double[] pixels, int[] labels, RandomGenerator rng) {
        int d = size * size;
        double maxShift = size / 10.0;
        int digit = i % 10;
        labels[i] = digit;
        double pen = size * (0.1 + 0.06 * rng.nextDouble());
        double slant = 0.35 * (2 * rng.nextDouble() - 1);
        double scale = 0.8 + 0.15 * rng.nextDouble();
        double dx = maxShift * (2 * rng.nextDouble() - 1);
        double dy = maxShift * (2 * rng.nextDouble() - 1);
        StrokeRaster.draw(STROKES[digit], size, pen, slant, scale, dx, dy, pixels, i * d);
        StrokeRaster.addNoise(pixels, i * d, d, 0.08, rng);
    }
}
