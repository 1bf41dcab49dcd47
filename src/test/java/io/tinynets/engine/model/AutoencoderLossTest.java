package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.GradientCheck;
import io.tinynets.engine.loss.Loss;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutoencoderLossTest {

    private static DMatrixRMaj random(int rows, int cols, double lo, double hi, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(lo, hi);
        }
        return m;
    }

    @Test
    void persistedKeysStillReadBack() {
        assertEquals(AutoencoderLoss.BINARY_CROSS_ENTROPY, AutoencoderLoss.fromKey("bce").orElseThrow());
        assertEquals(AutoencoderLoss.MSE, AutoencoderLoss.fromKey("mse").orElseThrow());
        assertEquals("bce", AutoencoderLoss.BINARY_CROSS_ENTROPY.key());
        assertFalse(AutoencoderLoss.fromKey("binary_cross_entropy").isPresent());
    }

    @Test
    void binaryCrossEntropyIsTheEngineLossAveragedOverEveryPixel() {
        SplittableRandom rng = new SplittableRandom(4);
        DMatrixRMaj z = random(3, 5, -4, 4, rng);
        DMatrixRMaj t = random(3, 5, 0, 1, rng);
        double value = AutoencoderLoss.BINARY_CROSS_ENTROPY.value(z, z, t);
        assertEquals(Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(z, t), value, 0);
        double sum = 0;
        for (int i = 0; i < 15; i++) {
            double p = Activation.SIGMOID.apply(z.data[i]);
            sum -= t.data[i] * Math.log(p) + (1 - t.data[i]) * Math.log(1 - p);
        }
        assertEquals(sum / 15, value, 1e-12);

        DMatrixRMaj dz = new DMatrixRMaj(1, 1);
        AutoencoderLoss.BINARY_CROSS_ENTROPY.gradient(z, z, t, dz);
        assertTrue(AutoencoderLoss.BINARY_CROSS_ENTROPY.gradientIsPreActivation());
        GradientCheck.assertClose("bce dz", dz.data,
                GradientCheck.numeric(z, () -> AutoencoderLoss.BINARY_CROSS_ENTROPY.value(z, z, t)));
        DMatrixRMaj engine = new DMatrixRMaj(1, 1);
        Loss.BINARY_CROSS_ENTROPY.gradientFromPreActivation(z, t, engine);
        assertArrayEquals(engine.data, dz.data, 0);
    }

    @Test
    void binaryCrossEntropyNeedsASigmoidOutput() {
        assertEquals("binary cross-entropy needs a sigmoid output activation, got linear",
                AutoencoderLoss.BINARY_CROSS_ENTROPY.incompatibility(Activation.LINEAR).orElseThrow());
        assertTrue(AutoencoderLoss.BINARY_CROSS_ENTROPY.incompatibility(Activation.SIGMOID).isEmpty());
        assertTrue(AutoencoderLoss.MSE.incompatibility(Activation.LINEAR).isEmpty());
    }
}
