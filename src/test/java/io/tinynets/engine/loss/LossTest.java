package io.tinynets.engine.loss;

import io.tinynets.engine.Activation;
import io.tinynets.engine.GradientCheck;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossTest {

    private static double[] analytic(Loss loss, DMatrixRMaj o, DMatrixRMaj t) {
        DMatrixRMaj d = new DMatrixRMaj(1, 1);
        loss.gradient(o, t, d);
        return d.data.clone();
    }

    @Test
    void squaredErrorIsHalfSquaredDifferenceAveragedOverBatch() {
        DMatrixRMaj o = new DMatrixRMaj(2, 1, true, 1, 3);
        DMatrixRMaj t = new DMatrixRMaj(2, 1, true, 0, 1);
        // (½·1 + ½·4) / 2
        assertEquals(1.25, Loss.SQUARED_ERROR.value(o, t), 0);
    }

    @Test
    void squaredErrorGradientMatchesFiniteDifferences() {
        DMatrixRMaj o = new DMatrixRMaj(3, 2, true, 0.1, -0.7, 1.2, 0.4, -2, 0.3);
        DMatrixRMaj t = new DMatrixRMaj(3, 2, true, 1, -1, 0, 0.5, 1, -1);
        GradientCheck.assertClose("se", analytic(Loss.SQUARED_ERROR, o, t),
                GradientCheck.numeric(o, () -> Loss.SQUARED_ERROR.value(o, t)));
    }

    @Test
    void binaryCrossEntropyGradientMatchesFiniteDifferences() {
        DMatrixRMaj p = new DMatrixRMaj(3, 1, true, 0.2, 0.9, 0.55);
        DMatrixRMaj t = new DMatrixRMaj(3, 1, true, 0, 1, 1);
        GradientCheck.assertClose("bce", analytic(Loss.BINARY_CROSS_ENTROPY, p, t),
                GradientCheck.numeric(p, () -> Loss.BINARY_CROSS_ENTROPY.value(p, t)));
    }

    @Test
    void fusedBinaryCrossEntropyMatchesItsFiniteDifferencesAndTheProbabilityForm() {
        DMatrixRMaj z = new DMatrixRMaj(4, 1, true, -3, 0.2, 1.7, 0);
        DMatrixRMaj t = new DMatrixRMaj(4, 1, true, 0, 1, 0, 1);
        DMatrixRMaj dz = new DMatrixRMaj(1, 1);
        Loss.BINARY_CROSS_ENTROPY.gradientFromPreActivation(z, t, dz);
        GradientCheck.assertClose("bce(z)", dz.data,
                GradientCheck.numeric(z, () -> Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(z, t)));
        DMatrixRMaj p = z.copy();
        for (int i = 0; i < 4; i++) {
            p.data[i] = Activation.SIGMOID.apply(z.data[i]);
        }
        assertEquals(Loss.BINARY_CROSS_ENTROPY.value(p, t), Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(z, t),
                1e-12);
    }

    @Test
    void fusedBinaryCrossEntropyStaysFiniteForHugeLogits() {
        DMatrixRMaj z = new DMatrixRMaj(2, 1, true, 800, -800);
        DMatrixRMaj t = new DMatrixRMaj(2, 1, true, 0, 1);
        // each sample's loss is ≈ |z| = 800
        assertEquals(800, Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(z, t), 1e-9);
        assertTrue(Loss.BINARY_CROSS_ENTROPY.fusesWith(Activation.SIGMOID));
    }

    @Test
    void binaryCrossEntropyAveragesOverEveryOutputSoOneOutputIsTheBatchMean() {
        DMatrixRMaj z = new DMatrixRMaj(2, 2, true, -1, 0.5, 2, 0);
        DMatrixRMaj t = new DMatrixRMaj(2, 2, true, 0, 1, 1, 0);
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += Math.max(z.data[i], 0) - z.data[i] * t.data[i] + Math.log1p(Math.exp(-Math.abs(z.data[i])));
        }
        assertEquals(expected / 4, Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(z, t), 1e-15);
        DMatrixRMaj dz = new DMatrixRMaj(1, 1);
        Loss.BINARY_CROSS_ENTROPY.gradientFromPreActivation(z, t, dz);
        assertEquals(2, dz.numCols);
        GradientCheck.assertClose("bce(z) 2 outputs", dz.data,
                GradientCheck.numeric(z, () -> Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(z, t)));
        DMatrixRMaj column = new DMatrixRMaj(2, 1, true, -1, 2);
        DMatrixRMaj columnTarget = new DMatrixRMaj(2, 1, true, 0, 1);
        assertEquals((Math.log1p(Math.exp(-1)) + 2 - 2 + Math.log1p(Math.exp(-2))) / 2,
                Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(column, columnTarget), 1e-15);
    }

    @Test
    void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        DMatrixRMaj o = new DMatrixRMaj(2, 3, true, 0.3, -1, 2, 1, 1, -0.5);
        DMatrixRMaj t = new DMatrixRMaj(2, 1, true, 2, 0);
        GradientCheck.assertClose("softmax", analytic(Loss.SOFTMAX_CROSS_ENTROPY, o, t),
                GradientCheck.numeric(o, () -> Loss.SOFTMAX_CROSS_ENTROPY.value(o, t)));
    }

    @Test
    void softmaxCrossEntropyOfUniformLogitsIsLogOfClassCount() {
        DMatrixRMaj o = new DMatrixRMaj(1, 3, true, 5, 5, 5);
        assertEquals(Math.log(3), Loss.SOFTMAX_CROSS_ENTROPY.value(o, new DMatrixRMaj(1, 1, true, 1)), 1e-15);
        DMatrixRMaj big = new DMatrixRMaj(1, 3, true, 1000, 0, 0);
        assertEquals(0.0, Loss.SOFTMAX_CROSS_ENTROPY.value(big, new DMatrixRMaj(1, 1, true, 0)), 1e-12);
    }

    @Test
    void softmaxCrossEntropyRejectsAClassOutOfRange() {
        DMatrixRMaj o = new DMatrixRMaj(1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.SOFTMAX_CROSS_ENTROPY.value(o, new DMatrixRMaj(1, 1, true, 3)));
        assertEquals("target class at row 0 must be an integer in 0..2, was 3.0", e.getMessage());
    }

    @Test
    void keysAreStable() {
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, Loss.fromKey("softmax_cross_entropy").orElseThrow());
        assertEquals("binary_cross_entropy", Loss.BINARY_CROSS_ENTROPY.key());
        assertEquals("squared_error", Loss.SQUARED_ERROR.key());
    }

    @Test
    void incompatibleOutputLayersAreExplained() {
        assertTrue(Loss.BINARY_CROSS_ENTROPY.incompatibility(Activation.TANH, 1).isPresent());
        assertTrue(Loss.SOFTMAX_CROSS_ENTROPY.incompatibility(Activation.LINEAR, 3).isEmpty());
        assertTrue(Loss.SOFTMAX_CROSS_ENTROPY.incompatibility(Activation.LINEAR, 1).isPresent());
    }
}
