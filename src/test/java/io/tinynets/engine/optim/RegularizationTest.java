package io.tinynets.engine.optim;

import io.tinynets.engine.GradientCheck;
import io.tinynets.engine.Param;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegularizationTest {

    private static Param weights() {
        Param p = Param.zeros("w", 2, 2);
        p.value().data[0] = 0.5;
        p.value().data[1] = -2;
        p.value().data[2] = 1.5;
        p.value().data[3] = -0.25;
        return p;
    }

    @Test
    void l2PenaltyIsHalfRateTimesSumOfSquares() {
        assertEquals(0.1 * 0.5 * (0.25 + 4 + 2.25 + 0.0625), Regularization.l2(0.1).penalty(List.of(weights())),
                1e-15);
    }

    @Test
    void l1AndL2GradientsMatchFiniteDifferences() {
        for (Regularization reg : List.of(Regularization.l1(0.3), Regularization.l2(0.3))) {
            Param p = weights();
            reg.addGradient(List.of(p));
            GradientCheck.assertClose(reg.kind().key(), p.grad().data,
                    GradientCheck.numeric(p.value(), () -> reg.penalty(List.of(p))));
        }
    }

    @Test
    void noRegularizationLeavesGradientsAlone() {
        Param p = weights();
        Regularization.NONE.addGradient(List.of(p));
        assertArrayEquals(new double[4], p.grad().data, 0);
        assertEquals(0, Regularization.NONE.penalty(List.of(p)));
    }

    @Test
    void negativeRateIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regularization.l1(-0.1));
        assertEquals("regularization rate must be in [0, 10], was -0.1", e.getMessage());
    }
}
