package io.tinynets.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The toy data sets, each a seeded generator over roughly [−6, 6]². Binary generators follow TensorFlow Playground's
 * {@code dataset.ts} (labels here are class indices 0/1 rather than −1/+1; see {@link TargetEncoding}). Noise is in
 * [0, 1]; points come out in generation order (the split shuffles).
 */
public enum DatasetKind {

    /** Class 1 inside radius 2.5, class 0 in the ring 3.5..5; noise jitters the point used for the label. */
    CIRCLE("circle", 2) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            double radius = 5;
            List<Point2D> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                boolean inside = i < size / 2;
                double r = inside ? uniform(rng, 0, radius * 0.5) : uniform(rng, radius * 0.7, radius);
                double angle = uniform(rng, 0, 2 * Math.PI);
                double x = r * Math.sin(angle);
                double y = r * Math.cos(angle);
                double nx = uniform(rng, -radius, radius) * noise;
                double ny = uniform(rng, -radius, radius) * noise;
                out.add(new Point2D(x, y, Math.hypot(x + nx, y + ny) < radius * 0.5 ? 1 : 0));
            }
            return out;
        }
    },

    /** Quadrants: class 1 where x1·x2 ≥ 0, with a 0.3 gap around the axes. */
    XOR("xor", 2) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            double padding = 0.3;
            List<Point2D> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double x = uniform(rng, -5, 5);
                x += x > 0 ? padding : -padding;
                double y = uniform(rng, -5, 5);
                y += y > 0 ? padding : -padding;
                double nx = uniform(rng, -5, 5) * noise;
                double ny = uniform(rng, -5, 5) * noise;
                out.add(new Point2D(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0));
            }
            return out;
        }
    },

    /** Two Gaussian blobs at (2, 2) (class 1) and (−2, −2) (class 0); variance 0.5 + 7·noise. */
    GAUSSIANS("gaussians", 2) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            double sd = Math.sqrt(0.5 + 7 * noise);
            List<Point2D> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int label = i < size / 2 ? 1 : 0;
                double c = label == 1 ? 2 : -2;
                out.add(new Point2D(c + sd * rng.nextGaussian(), c + sd * rng.nextGaussian(), label));
            }
            return out;
        }
    },

    /** Two interleaved spiral arms (r up to 5, 1.75 turns), class 1 at angle offset 0 and class 0 at π. */
    SPIRAL("spiral", 2) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            List<Point2D> out = new ArrayList<>(size);
            int n = size / 2;
            spiralArm(out, n, 0, 1, noise, rng);
            spiralArm(out, size - n, Math.PI, 0, noise, rng);
            return out;
        }
    },

    /** Two interleaving half circles (scikit-learn's make_moons) scaled by 3; Gaussian noise of sd 1.5·noise. */
    MOONS("moons", 2) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            List<Point2D> out = new ArrayList<>(size);
            int n = size / 2;
            for (int i = 0; i < size; i++) {
                boolean upper = i < n;
                double t = Math.PI * (upper ? i / (double) Math.max(1, n - 1) : (i - n) / (double) Math.max(1,
                        size - n - 1));
                double x = upper ? Math.cos(t) : 1 - Math.cos(t);
                double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
                double sd = 1.5 * noise;
                out.add(new Point2D(3 * (x - 0.5) + sd * rng.nextGaussian(), 3 * (y - 0.25) + sd * rng.nextGaussian(),
                        upper ? 0 : 1));
            }
            return out;
        }
    },

    /** Three spiral arms 2π/3 apart (CS231n's spiral), classes 0, 1, 2. */
    SPIRAL_3("spiral3", 3) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            List<Point2D> out = new ArrayList<>(size);
            for (int c = 0; c < 3; c++) {
                int n = size / 3 + (c < size % 3 ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    double r = 5.0 * i / n;
                    double t = 4.0 * i / n + c * 2 * Math.PI / 3 + rng.nextGaussian() * noise;
                    out.add(new Point2D(r * Math.sin(t), r * Math.cos(t), c));
                }
            }
            return out;
        }
    },

    /** Three Gaussian blobs at radius 3, 120° apart, classes 0, 1, 2; sd 0.6 + 2·noise. */
    BLOBS_3("blobs3", 3) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            double sd = 0.6 + 2 * noise;
            List<Point2D> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int c = i % 3;
                double a = Math.PI / 2 + c * 2 * Math.PI / 3;
                out.add(new Point2D(3 * Math.cos(a) + sd * rng.nextGaussian(),
                        3 * Math.sin(a) + sd * rng.nextGaussian(), c));
            }
            return out;
        }
    },

    /** Regression: target (x1 + x2) / 10 over [−6, 6]², the point jittered by noise before labelling. */
    PLANE("plane", 0) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            double radius = 6;
            List<Point2D> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double x = uniform(rng, -radius, radius);
                double y = uniform(rng, -radius, radius);
                double nx = uniform(rng, -radius, radius) * noise;
                double ny = uniform(rng, -radius, radius) * noise;
                out.add(new Point2D(x, y, (x + nx + y + ny) / 10));
            }
            return out;
        }
    },

    /** Regression: six signed Gaussian bumps; target is the strongest bump's ±(1 − distance/2), clamped at 0. */
    MULTI_GAUSSIAN("multi_gaussian", 0) {
        @Override List<Point2D> points(int size, double noise, RandomGenerator rng) {
            double radius = 6;
            double[][] bumps = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
            List<Point2D> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double x = uniform(rng, -radius, radius);
                double y = uniform(rng, -radius, radius);
                double px = x + uniform(rng, -radius, radius) * noise;
                double py = y + uniform(rng, -radius, radius) * noise;
                double label = 0;
                for (double[] b : bumps) {
                    double v = b[2] * Math.max(0, 1 - Math.hypot(px - b[0], py - b[1]) / 2);
                    if (Math.abs(v) > Math.abs(label)) {
                        label = v;
                    }
                }
                out.add(new Point2D(x, y, label));
            }
            return out;
        }
    };

    private final String key;
    private final int classes;

    DatasetKind(String key, int classes) {
        this.key = key;
        this.classes = classes;
    }

    public String key() {
        return key;
    }

    /** Number of classes, 0 for regression. */
    public int classes() {
        return classes;
    }

    public boolean isRegression() {
        return classes == 0;
    }

    public static Optional<DatasetKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** {@code size} points in generation order, drawn from {@code rng}. */
    public List<Point2D> generate(int size, double noise, RandomGenerator rng) {
        if (size < 1 || size > Dataset2D.MAX_SIZE) {
            throw new IllegalArgumentException("data set size must be in 1.." + Dataset2D.MAX_SIZE + ", was " + size);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be in [0, 1], was " + noise);
        }
        return points(size, noise, rng);
    }

    abstract List<Point2D> points(int size, double noise, RandomGenerator rng);

    private static double uniform(RandomGenerator rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }

    private static void spiralArm(List<Point2D> out, int n, double deltaT, int label, double noise,
                                  RandomGenerator rng) {
        for (int i = 0; i < n; i++) {
            double r = (double) i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + deltaT;
            double x = r * Math.sin(t) + uniform(rng, -1, 1) * noise;
            double y = r * Math.cos(t) + uniform(rng, -1, 1) * noise;
            out.add(new Point2D(x, y, label));
        }
    }
}
