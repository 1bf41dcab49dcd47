package io.tinynets.data;

import io.tinynets.engine.model.InputMapping;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * The chosen features in order: maps points to the network's input matrix, and (as an {@link InputMapping}) grid
 * points for decision-boundary plots the same way.
 */
public record FeatureSet(List<Feature> features) implements InputMapping {

    public static final FeatureSet RAW = new FeatureSet(List.of(Feature.X1, Feature.X2));

    public FeatureSet {
        if (features == null || features.isEmpty()) {
            throw new IllegalArgumentException("at least one input feature must be selected");
        }
        if (features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("input features must not repeat: " + features);
        }
        features = List.copyOf(features);
    }

    public static FeatureSet of(Feature... features) {
        return new FeatureSet(List.of(features));
    }

    @Override
    public int width() {
        return features.size();
    }

    @Override
    public void map(double x1, double x2, double[] row, int offset) {
        for (int i = 0, n = features.size(); i < n; i++) {
            row[offset + i] = features.get(i).apply(x1, x2);
        }
    }

    /** points.size() × width() input matrix. */
    public DMatrixRMaj matrix(List<Point2D> points) {
        DMatrixRMaj m = new DMatrixRMaj(points.size(), width());
        for (int r = 0; r < points.size(); r++) {
            Point2D p = points.get(r);
            map(p.x1(), p.x2(), m.data, r * width());
        }
        return m;
    }
}
