package io.tinynets.data;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void everyKindIsReproducibleFromItsSeedAndHasValidLabels(DatasetKind kind) {
        Dataset2D a = Dataset2D.generate(kind, 300, 0.2, 0.7, new SplittableRandom(5));
        Dataset2D b = Dataset2D.generate(kind, 300, 0.2, 0.7, new SplittableRandom(5));
        assertEquals(a, b);
        assertEquals(210, a.train().size());
        assertEquals(90, a.test().size());
        for (Point2D p : a.train()) {
            assertTrue(Double.isFinite(p.x1()) && Double.isFinite(p.x2()) && Math.abs(p.x1()) < 20);
            if (kind.isRegression()) {
                assertTrue(Math.abs(p.label()) <= 1.5, kind + " target " + p.label());
            } else {
                assertTrue(p.label() == Math.rint(p.label()) && p.label() >= 0 && p.label() < kind.classes());
            }
        }
        if (!kind.isRegression()) {
            long distinct = a.train().stream().mapToDouble(Point2D::label).distinct().count();
            assertEquals(kind.classes(), distinct);
        }
    }

    @Test
    void noiselessXorLabelsFollowTheQuadrants() {
        for (Point2D p : DatasetKind.XOR.generate(200, 0, new SplittableRandom(1))) {
            assertEquals(p.x1() * p.x2() >= 0 ? 1.0 : 0.0, p.label());
        }
    }

    @Test
    void plusMinusOneEncodingAndFeaturesBuildTheMatrices() {
        Dataset2D d = new Dataset2D(List.of(new Point2D(2, 3, 1), new Point2D(-1, 0.5, 0)), List.of(), 2);
        assertArrayEquals(new double[]{1, -1}, d.trainTargets(TargetEncoding.PLUS_MINUS_ONE).data, 0);
        assertArrayEquals(new double[]{1, 0}, d.trainTargets(TargetEncoding.ZERO_ONE).data, 0);
        DMatrixRMaj m = d.trainInputs(FeatureSet.of(Feature.X1_SQUARED, Feature.X1_TIMES_X2, Feature.SIN_X2));
        assertArrayEquals(new double[]{4, 6, Math.sin(3), 1, -0.5, Math.sin(0.5)}, m.data, 0);
        assertEquals(Feature.SIN_X1, Feature.fromKey("sin_x1").orElseThrow());
    }

    @Test
    void badParametersAreRejectedWithTheirRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset2D.generate(DatasetKind.SPIRAL, 20_000, 0, 0.5, new SplittableRandom(1)));
        assertEquals("data set size must be in 10..10000, was 20000", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Dataset2D.generate(DatasetKind.SPIRAL, 100, 2, 0.5, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset2D.generate(DatasetKind.SPIRAL, 100, 0, 0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> FeatureSet.of(Feature.X1, Feature.X1));
    }
}
