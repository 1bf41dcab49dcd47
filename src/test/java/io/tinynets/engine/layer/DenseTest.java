package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.GradientCheck;
import io.tinynets.engine.Param;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DenseTest {

    /** L = Σ c ⊙ y for fixed random c, so ∂L/∂y = c. */
    private static double weightedSum(Dense layer, DMatrixRMaj x, DMatrixRMaj c) {
        DMatrixRMaj y = layer.forward(x);
        double s = 0;
        for (int i = 0; i < y.getNumElements(); i++) {
            s += c.data[i] * y.data[i];
        }
        return s;
    }

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(-1.5, 1.5);
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationsLayerGradientsMatchFiniteDifferences(Activation activation) {
        SplittableRandom rng = new SplittableRandom(7);
        Dense layer = new Dense("l", 3, 4, activation);
        layer.weight().value().setTo(random(4, 3, rng));
        layer.bias().value().setTo(random(1, 4, rng));
        DMatrixRMaj x = random(5, 3, rng);
        DMatrixRMaj c = random(5, 4, rng);

        layer.forward(x);
        DMatrixRMaj dx = layer.backward(c).copy();

        for (Param p : layer.params()) {
            GradientCheck.assertClose(activation + " " + p.name(), p.grad().data,
                    GradientCheck.numeric(p.value(), () -> weightedSum(layer, x, c)));
        }
        GradientCheck.assertClose(activation + " dx", dx.data,
                GradientCheck.numeric(x, () -> weightedSum(layer, x, c)));
    }

    @Test
    void forwardComputesXTimesWeightTransposePlusBias() {
        Dense layer = new Dense("l", 2, 3, Activation.LINEAR);
        layer.weight().value().setTo(new DMatrixRMaj(3, 2, true, 1, 2, 3, 4, 5, 6));
        layer.bias().value().setTo(new DMatrixRMaj(1, 3, true, 0.5, -0.5, 1));
        DMatrixRMaj y = layer.forward(new DMatrixRMaj(2, 2, true, 1, 1, 2, -1));
        // row 0: [1+2, 3+4, 5+6] + b; row 1: [2−2, 6−4, 10−6] + b
        assertArrayEquals(new double[]{3.5, 6.5, 12, 0.5, 1.5, 5}, java.util.Arrays.copyOf(y.data, 6), 0);
    }

    @Test
    void backwardAddsIntoGradientsRatherThanOverwriting() {
        Dense layer = new Dense("l", 1, 1, Activation.LINEAR);
        layer.weight().value().set(0, 0, 2);
        DMatrixRMaj x = new DMatrixRMaj(1, 1, true, 3);
        DMatrixRMaj dy = new DMatrixRMaj(1, 1, true, 1);
        layer.forward(x);
        layer.backward(dy);
        layer.forward(x);
        layer.backward(dy);
        assertEquals(6.0, layer.weight().grad().get(0, 0), 0);
        assertEquals(2.0, layer.bias().grad().get(0, 0), 0);
    }

    @Test
    void firstLayerCanSkipTheInputGradient() {
        Dense layer = new Dense("l", 2, 2, Activation.TANH);
        layer.forward(new DMatrixRMaj(1, 2));
        assertNull(layer.backward(new DMatrixRMaj(1, 2), false));
    }

    @Test
    void paramsAreNamedWithTheLayerPrefixInPyTorchLayout() {
        Dense layer = new Dense("layer0", 2, 8, Activation.RELU);
        assertEquals("layer0.weight", layer.weight().name());
        assertEquals(8, layer.weight().value().numRows);
        assertEquals(2, layer.weight().value().numCols);
        assertEquals("layer0.bias", layer.bias().name());
        assertEquals(8, layer.bias().value().numCols);
    }

    @Test
    void wrongInputWidthIsRejectedWithTheExpectedSize() {
        Dense layer = new Dense("l", 2, 2, Activation.TANH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(new DMatrixRMaj(1, 3)));
        assertEquals("layer l expects 2 input columns, got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dense("l", 0, 2, Activation.TANH));
    }
}
