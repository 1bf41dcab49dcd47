package io.tinynets.data.images;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Points on a low-dimensional manifold bent through 3D: a helix (1D curve) and a Swiss roll (2D surface), scaled into
 * about [−1, 1]³ with a little noise. The class is the position along the curve or roll in four segments, so a good
 * 1D/2D code shows the segments in order: the manifold flattened.
 */
final class ManifoldPoints {

    static final List<String> CLASSES = List.of("segment1", "segment2", "segment3", "segment4");
    private static final double NOISE = 0.02;

    private ManifoldPoints() {
    }

    /** Helix: t ∈ [0, 1) → (cos 3πt, sin 3πt, 2t − 1)·0.9; point {@code i} into row i. */
    static void curvePoint(int i, double[] points, int[] labels, RandomGenerator rng) {
        int segment = i % 4;
        double t = (segment + rng.nextDouble()) / 4.0;
        double a = 3 * Math.PI * t;
        put(points, i, 0.9 * Math.cos(a), 0.9 * Math.sin(a), 0.9 * (2 * t - 1), rng);
        labels[i] = segment;
    }

    /** Swiss roll: t ∈ [0, 1), h ∈ [0, 1) → angle a = 1.5π(1 + 2t), (a cos a, 2h − 1, a sin a) scaled by 1/(4.5π). */
    static void surfacePoint(int i, double[] points, int[] labels, RandomGenerator rng) {
        double s = 1.0 / (4.5 * Math.PI);
        int segment = i % 4;
        double t = (segment + rng.nextDouble()) / 4.0;
        double h = rng.nextDouble();
        double a = 1.5 * Math.PI * (1 + 2 * t);
        put(points, i, a * Math.cos(a) * s, 0.9 * (2 * h - 1), a * Math.sin(a) * s, rng);
        labels[i] = segment;
    }

    private static void put(double[] m, int row, double x, double y, double z, RandomGenerator rng) {
        m[row * 3] = x + NOISE * rng.nextGaussian();
        m[row * 3 + 1] = y + NOISE * rng.nextGaussian();
        m[row * 3 + 2] = z + NOISE * rng.nextGaussian();
    }
}
