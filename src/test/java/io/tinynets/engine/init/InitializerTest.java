package io.tinynets.engine.init;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** The variance each initializer promises for a fanOut × fanIn weight matrix. */
    private static double promisedVariance(Initializer init, int fanIn, int fanOut) {
        return switch (init) {
            case XAVIER -> 2.0 / (fanIn + fanOut);      // U(−a, a): a²/3 with a² = 6 / (fanIn + fanOut)
            case HE -> 2.0 / fanIn;                      // N(0, 2 / fanIn)
            case SMALL_UNIFORM -> 1.0 / 12;              // U(−½, ½)
            case ZEROS -> 0.0;
        };
    }

    /**
     * Mean and variance of every random initializer, over several shapes and seeds, within five standard errors of
     * what it promises: the sample mean's standard error is σ/√n, the sample variance's at most σ²·√(2/n) for these
     * distributions (normal: exactly; uniform: √0.8 times that). A constant or all-zero initializer fails the
     * variance; a shifted one fails the mean; one using the wrong fan fails the variance.
     */
    @ParameterizedTest
    @EnumSource(value = Initializer.class, mode = EnumSource.Mode.EXCLUDE, names = "ZEROS")
    void meanAndVarianceAreWhatTheInitializerPromises(Initializer init) {
        int[][] shapes = {{64, 32}, {200, 50}, {10, 400}}; // fanOut × fanIn
        for (int[] shape : shapes) {
            for (long seed = 1; seed <= 3; seed++) {
                int fanOut = shape[0];
                int fanIn = shape[1];
                double[] w = filled(init, fanOut, fanIn, seed).data;
                int n = w.length;
                double mean = 0;
                for (double v : w) {
                    mean += v;
                }
                mean /= n;
                double variance = 0;
                for (double v : w) {
                    variance += (v - mean) * (v - mean);
                }
                variance /= n - 1;
                double promised = promisedVariance(init, fanIn, fanOut);
                String at = init + " " + fanOut + "x" + fanIn + " seed " + seed;
                assertEquals(0.0, mean, 5 * Math.sqrt(promised / n), at + ": mean");
                assertEquals(promised, variance, 5 * promised * Math.sqrt(2.0 / n), at + ": variance");
            }
        }
    }

    @Test
    void uniformInitializersReachTheEdgesOfTheirRange() {
        // U(−a, a) over thousands of draws comes within 1 % of ±a: a narrower range would be a different initializer
        DMatrixRMaj xavier = filled(Initializer.XAVIER, 100, 50, 5);
        double a = Math.sqrt(6.0 / 150);
        assertEquals(a, java.util.Arrays.stream(xavier.data).max().orElseThrow(), 0.01 * a);
        assertEquals(-a, java.util.Arrays.stream(xavier.data).min().orElseThrow(), 0.01 * a);
        DMatrixRMaj small = filled(Initializer.SMALL_UNIFORM, 100, 50, 6);
        assertEquals(0.5, java.util.Arrays.stream(small.data).max().orElseThrow(), 0.005);
        assertEquals(-0.5, java.util.Arrays.stream(small.data).min().orElseThrow(), 0.005);
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
