package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.GradientCheck;
import io.tinynets.engine.Param;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TiedDenseTest {

    @Test
    void forwardUsesTheTransposeOfTheSharedWeight() {
        Param w = Param.zeros("enc.weight", 2, 3); // encoder 3 → 2, so the tied layer maps 2 → 3
        w.value().setData(new double[]{1, 2, 3, 4, 5, 6});
        TiedDense layer = new TiedDense("dec", w, Activation.LINEAR);
        layer.bias().value().setData(new double[]{0.5, 0, -1});
        DMatrixRMaj y = layer.forward(new DMatrixRMaj(1, 2, true, 1, 10));
        // y = x·W + b = [1·1 + 10·4, 1·2 + 10·5, 1·3 + 10·6] + b
        assertArrayEquals(new double[]{41.5, 52, 62}, y.data, 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferencesAndAddIntoTheSharedWeight() {
        SplittableRandom rng = new SplittableRandom(3);
        Param w = Param.zeros("enc.weight", 3, 4);
        fill(w.value(), rng);
        TiedDense layer = new TiedDense("dec", w, Activation.TANH);
        fill(layer.bias().value(), rng);
        DMatrixRMaj x = new DMatrixRMaj(5, 3);
        fill(x, rng);
        DMatrixRMaj upstream = new DMatrixRMaj(5, 4);
        fill(upstream, rng);
        // L = Σ upstream ⊙ y, so ∂L/∂y = upstream
        java.util.function.DoubleSupplier loss = () -> {
            DMatrixRMaj y = layer.forward(x);
            double s = 0;
            for (int i = 0; i < y.getNumElements(); i++) {
                s += y.data[i] * upstream.data[i];
            }
            return s;
        };
        w.grad().fill(1.0); // backward must add, not overwrite
        layer.forward(x);
        DMatrixRMaj dx = layer.backward(upstream, true).copy();
        double[] dw = w.grad().data.clone();
        for (int i = 0; i < dw.length; i++) {
            dw[i] -= 1.0;
        }
        GradientCheck.assertClose("dW", dw, GradientCheck.numeric(w.value(), loss));
        GradientCheck.assertClose("db", layer.bias().grad().data, GradientCheck.numeric(layer.bias().value(), loss));
        GradientCheck.assertClose("dx", dx.data, GradientCheck.numeric(x, loss));
    }

    @Test
    void wrongInputWidthIsRejectedWithTheExpectedSize() {
        TiedDense layer = new TiedDense("dec", Param.zeros("w", 2, 3), Activation.LINEAR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(new DMatrixRMaj(1, 3)));
        assertEquals("layer dec expects 2 input columns, got 3", e.getMessage());
    }

    static void fill(DMatrixRMaj m, SplittableRandom rng) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = rng.nextDouble(-1, 1);
        }
    }
}
