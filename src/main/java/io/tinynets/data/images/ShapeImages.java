package io.tinynets.data.images;

import java.util.List;
import java.util.random.RandomGenerator;

/** Outlines of a circle, square, triangle and cross with random size, position, rotation-free slant and noise. */
final class ShapeImages {

    static final double[][][] STROKES = {
            {StrokeRaster.ellipse(0.5, 0.5, 0.32, 0.32, 16)},
            {{0.2, 0.2, 0.8, 0.2, 0.8, 0.8, 0.2, 0.8, 0.2, 0.2}},
            {{0.5, 0.16, 0.84, 0.8, 0.16, 0.8, 0.5, 0.16}},
            {{0.5, 0.15, 0.5, 0.85}, {0.15, 0.5, 0.85, 0.5}},
    };

    static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross");

    private ShapeImages() {
    }

    /** Draws sample {@code i} (a {@code size} × {@code size} shape, class i mod 4) into row i of {@code pixels}. */
    static void sample(int size, int i, double[] pixels, int[] labels, RandomGenerator rng) {
        int d = size * size;
        double maxShift = size / 8.0;
        int shape = i % STROKES.length;
        labels[i] = shape;
        double pen = size * (0.08 + 0.05 * rng.nextDouble());
        double slant = 0.15 * (2 * rng.nextDouble() - 1);
        double scale = 0.6 + 0.35 * rng.nextDouble();
        double dx = maxShift * (2 * rng.nextDouble() - 1);
        double dy = maxShift * (2 * rng.nextDouble() - 1);
        StrokeRaster.draw(STROKES[shape], size, pen, slant, scale, dx, dy, pixels, i * d);
        StrokeRaster.addNoise(pixels, i * d, d, 0.05, rng);
    }
}
