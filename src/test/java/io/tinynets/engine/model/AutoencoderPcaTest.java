package io.tinynets.engine.model;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AutoencoderPcaTest {

    /** Points on the line y = 2x in 2D: one component explains everything. */
    private static final DMatrixRMaj LINE = new DMatrixRMaj(4, 2, true, 0, 0, 1, 2, 2, 4, 3, 6);

    @Test
    void errorAtZeroComponentsIsTheMeanVarianceAndVanishesOnTheLine() {
        AutoencoderPca pca = AutoencoderPca.fit(LINE);
        // mean (1.5, 3); Σ‖x − μ‖² = (2.25 + 0.25)·2 + (9 + 1)·2 = 25; / (4·2)
        assertEquals(25.0 / 8, pca.reconstructionError(0), 1e-12);
        assertEquals(0.0, pca.reconstructionError(1), 1e-12);
    }

    @Test
    void projectThenUnprojectGivesBackAPointOnTheLine() {
        AutoencoderPca pca = AutoencoderPca.fit(LINE);
        double[] c = pca.project(new double[]{2, 4}, 1);
        assertEquals(Math.sqrt(0.25 + 1), Math.abs(c[0]), 1e-12);
        assertArrayEquals(new double[]{2, 4}, pca.unproject(c), 1e-12);
    }

    @Test
    void kBeyondTheFeaturesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AutoencoderPca.fit(LINE).reconstructionError(3));
        assertEquals("k must be in 0..2, was 3", e.getMessage());
    }
}
