package io.tinynets.engine.init;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializerTest {

    private static DMatrixRMaj filled(Initializer init, int out, int in, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(out, in);
        init.fill(w, in, out, new SplittableRandom(seed));
        return w;
    }

    @Test
    void xavierStaysWithinItsBound() {
        DMatrixRMaj w = filled(Initializer.XAVIER, 20, 30, 1);
        double a = Math.sqrt(6.0 / 50);
        for (double v : w.data) {
            assertTrue(Math.abs(v) <= a);
        }
    }

    @Test
    void heHasVarianceTwoOverFanIn() {
        DMatrixRMaj w = filled(Initializer.HE, 200, 50, 2);
        double sumSq = 0;
        for (double v : w.data) {
            sumSq += v * v;
        }
        assertEquals(2.0 / 50, sumSq / w.data.length, 0.004);
    }

    @Test
    void zerosAreZeroAndSmallUniformIsWithinHalf() {
        assertArrayEquals(new double[6], filled(Initializer.ZEROS, 2, 3, 3).data, 0);
        for (double v : filled(Initializer.SMALL_UNIFORM, 10, 10, 4).data) {
            assertTrue(Math.abs(v) <= 0.5);
        }
    }

    @Test
    void sameSeedGivesSameWeights() {
        assertArrayEquals(filled(Initializer.HE, 4, 4, 9).data, filled(Initializer.HE, 4, 4, 9).data, 0);
        assertEquals(Initializer.SMALL_UNIFORM, Initializer.fromKey("small_uniform").orElseThrow());
    }
}
