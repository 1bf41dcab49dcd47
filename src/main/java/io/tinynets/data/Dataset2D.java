package io.tinynets.data;

import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A 2D data set split into training and test points.
 *
 * @param train   training points
 * @param test    held-out points (may be empty)
 * @param classes number of classes (≥ 2), or 0 for regression
 */
public record Dataset2D(List<Point2D> train, List<Point2D> test, int classes) {

    public static final int MAX_SIZE = 10_000;

    public Dataset2D {
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (classes < 0 || classes == 1) {
            throw new IllegalArgumentException("classes must be 0 (regression) or at least 2, was " + classes);
        }
    }

    public boolean isRegression() {
        return classes == 0;
    }

    /**
     * Generates {@code size} points of {@code kind} and splits them, all from {@code rng}.
     *
     * @param size          10..10000 points
     * @param noise         0..1 (the playground's noise slider / 100)
     * @param trainFraction share of points for training, in (0, 1]; 1 uses every point for training
     */
    public static Dataset2D generate(DatasetKind kind, int size, double noise, double trainFraction,
                                     RandomGenerator rng) {
        if (size < 10 || size > MAX_SIZE) {
            throw new IllegalArgumentException("data set size must be in 10.." + MAX_SIZE + ", was " + size);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be in [0, 1], was " + noise);
        }
        return split(kind.generate(size, noise, rng), kind.classes(), trainFraction, rng);
    }

    /** Shuffles {@code points} with {@code rng} and puts the first round(n·trainFraction) into training. */
    public static Dataset2D split(List<Point2D> points, int classes, double trainFraction, RandomGenerator rng) {
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1], was " + trainFraction);
        }
        List<Point2D> shuffled = new ArrayList<>(points);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            shuffled.set(i, shuffled.set(j, shuffled.get(i)));
        }
        int trainSize = Math.max(1, (int) Math.round(shuffled.size() * trainFraction));
        return new Dataset2D(shuffled.subList(0, trainSize), shuffled.subList(trainSize, shuffled.size()), classes);
    }

    public DMatrixRMaj trainInputs(FeatureSet features) {
        return features.matrix(train);
    }

    public DMatrixRMaj testInputs(FeatureSet features) {
        return features.matrix(test);
    }

    public DMatrixRMaj trainTargets(TargetEncoding encoding) {
        return targets(train, encoding);
    }

    public DMatrixRMaj testTargets(TargetEncoding encoding) {
        return targets(test, encoding);
    }

    private DMatrixRMaj targets(List<Point2D> points, TargetEncoding encoding) {
        if (!isRegression() && classes > 2 && encoding != TargetEncoding.CLASS_INDEX) {
            throw new IllegalArgumentException(classes + " classes need the class_index target encoding, not "
                    + encoding);
        }
        DMatrixRMaj t = new DMatrixRMaj(points.size(), 1);
        for (int r = 0; r < points.size(); r++) {
            double label = points.get(r).label();
            t.data[r] = isRegression() || encoding != TargetEncoding.PLUS_MINUS_ONE ? label : 2 * label - 1;
        }
        return t;
    }
}
