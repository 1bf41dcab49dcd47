package io.tinynets.engine.optim;

import io.tinynets.engine.Param;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GradientClippingTest {

    private static List<Param> threeFourFive() {
        Param a = Param.zeros("a", 1, 1);
        Param b = Param.zeros("b", 1, 1);
        a.grad().data[0] = 3;
        b.grad().data[0] = 4;
        return List.of(a, b);
    }

    @Test
    void gradientsAboveTheMaxNormAreScaledKeepingDirection() {
        List<Param> ps = threeFourFive();
        assertEquals(5.0, new GradientClipping(1.0).apply(ps), 0);
        assertArrayEquals(new double[]{0.6, 0.8},
                new double[]{ps.get(0).grad().data[0], ps.get(1).grad().data[0]}, 1e-15);
    }

    @Test
    void gradientsBelowTheMaxNormAreUntouched() {
        List<Param> ps = threeFourFive();
        new GradientClipping(10).apply(ps);
        GradientClipping.NONE.apply(ps);
        assertEquals(3.0, ps.get(0).grad().data[0], 0);
    }

    @Test
    void nonPositiveMaxNormIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GradientClipping(0));
    }
}
