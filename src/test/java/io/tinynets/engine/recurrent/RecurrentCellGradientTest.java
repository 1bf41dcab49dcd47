package io.tinynets.engine.recurrent;

import static io.tinynets.engine.recurrent.CellFixtures.loss;
import static io.tinynets.engine.recurrent.CellFixtures.random;
import static io.tinynets.engine.recurrent.CellFixtures.relativeError;
import static io.tinynets.engine.recurrent.CellFixtures.sequence;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinynets.engine.Param;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecurrentCellGradientTest {

    private static final int I = 3;
    private static final int H = 4;
    private static final int B = 2;
    private static final int T = 6;
    private static final double DELTA = 1e-5;

    /** Weighted-sum loss with a gap (no loss at step 2) so both paths — own loss and through time — are exercised. */
    private static DMatrixRMaj[] lossWeights(SplittableRandom rnd) {
        DMatrixRMaj[] w = sequence(T, B, H, rnd);
        w[2] = null;
        return w;
    }

    private static void checkAgainstFiniteDifferences(double[] analytic, double[] values, Runnable unused,
                                                      java.util.function.DoubleSupplier lossFn, String what) {
        for (int i = 0; i < values.length; i++) {
            double old = values[i];
            values[i] = old + DELTA;
            double plus = lossFn.getAsDouble();
            values[i] = old - DELTA;
            double minus = lossFn.getAsDouble();
            values[i] = old;
            double numeric = (plus - minus) / (2 * DELTA);
            double err = relativeError(analytic[i], numeric);
            assertTrue(err < 1e-6 || Math.abs(analytic[i] - numeric) < 1e-9,
                    what + "[" + i + "]: analytic " + analytic[i] + " vs numeric " + numeric + " (rel " + err + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void everyGradientMatchesCentralFiniteDifferences(CellKind kind) {
        SplittableRandom rnd = new SplittableRandom(42);
        RecurrentCell cell = kind.create(I, H, rnd);
        DMatrixRMaj[] x = sequence(T, B, I, rnd);
        DMatrixRMaj h0 = random(B, H, rnd);
        DMatrixRMaj c0 = random(B, H, rnd);
        DMatrixRMaj[] w = lossWeights(rnd);

        loss(cell, x, h0, c0, w);
        cell.params().forEach(Param::zeroGrad);
        cell.backward(w, 0, true);
        double[][] dx = new double[T][];
        for (int t = 0; t < T; t++) {
            dx[t] = cell.inputGrad(t).data.clone();
        }
        double[] dh0 = cell.initialHiddenGrad().data.clone();
        double[] dc0 = kind == CellKind.LSTM ? cell.initialCellGrad().data.clone() : null;

        java.util.function.DoubleSupplier f = () -> loss(cell, x, h0, c0, w);
        for (Param p : cell.params()) {
            checkAgainstFiniteDifferences(p.grad().data.clone(), p.value().data, null, f, kind + " " + p.name());
        }
        for (int t = 0; t < T; t++) {
            checkAgainstFiniteDifferences(dx[t], x[t].data, null, f, kind + " x_" + t);
        }
        checkAgainstFiniteDifferences(dh0, h0.data, null, f, kind + " h0");
        if (dc0 != null) {
            checkAgainstFiniteDifferences(dc0, c0.data, null, f, kind + " c0");
        } else {
            assertEquals(null, cell.initialCellGrad());
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void batchedEqualsOneSequenceAtATime(CellKind kind) {
        SplittableRandom rnd = new SplittableRandom(7);
        RecurrentCell cell = kind.create(I, H, rnd);
        DMatrixRMaj[] x = sequence(T, B, I, rnd);
        DMatrixRMaj[] w = lossWeights(rnd);

        cell.forward(x, null, null);
        double[][] hBatched = new double[T][];
        for (int t = 0; t < T; t++) {
            hBatched[t] = cell.hidden(t).data.clone();
        }
        cell.params().forEach(Param::zeroGrad);
        cell.backward(w, 0, false);
        double[][] gBatched = cell.params().stream().map(p -> p.grad().data.clone()).toArray(double[][]::new);

        cell.params().forEach(Param::zeroGrad);
        for (int b = 0; b < B; b++) {
            DMatrixRMaj[] xb = new DMatrixRMaj[T];
            DMatrixRMaj[] wb = new DMatrixRMaj[T];
            for (int t = 0; t < T; t++) {
                xb[t] = CellStep.copyRow(x[t], b);
                wb[t] = w[t] == null ? null : CellStep.copyRow(w[t], b);
            }
            cell.forward(xb, null, null);
            for (int t = 0; t < T; t++) {
                for (int j = 0; j < H; j++) {
                    assertEquals(hBatched[t][b * H + j], cell.hidden(t).data[j], 1e-14, "h_" + t + " row " + b);
                }
            }
            cell.backward(wb, 0, false);
        }
        for (int p = 0; p < 4; p++) {
            assertArrayEquals(gBatched[p], cell.params().get(p).grad().data, 1e-12, cell.params().get(p).name());
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void truncationCoveringTheSequenceIsFullBptt(CellKind kind) {
        SplittableRandom rnd = new SplittableRandom(3);
        RecurrentCell cell = kind.create(I, H, rnd);
        DMatrixRMaj[] x = sequence(T, B, I, rnd);
        DMatrixRMaj[] w = lossWeights(rnd);
        double[][] full = gradients(cell, x, w, 0);
        assertGradientsEqual(full, gradients(cell, x, w, T));
        assertGradientsEqual(full, gradients(cell, x, w, T + 5));
        double[][] truncated = gradients(cell, x, w, 2);
        assertNotEquals(full[1][0], truncated[1][0], "a short window must change ∂W_hh");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void truncatedGradientOfTheLastStepEqualsTheGradientOfTheLastWindowAlone(CellKind kind) {
        // Many-to-one: with window k, only the last k steps receive gradient, and the state entering them is a
        // constant, so the result equals BPTT over those k steps started from that state.
        SplittableRandom rnd = new SplittableRandom(11);
        RecurrentCell cell = kind.create(I, H, rnd);
        DMatrixRMaj[] x = sequence(T, B, I, rnd);
        DMatrixRMaj[] w = new DMatrixRMaj[T];
        w[T - 1] = random(B, H, rnd);
        int k = 3;
        double[][] truncated = gradients(cell, x, w, k);

        cell.forward(x, null, null);
        DMatrixRMaj hStart = cell.hidden(T - k - 1).copy();
        DMatrixRMaj cStart = cell.hasCellState() ? ((LstmStep) cell.step(T - k - 1)).c().copy() : null;
        DMatrixRMaj[] tail = java.util.Arrays.copyOfRange(x, T - k, T);
        DMatrixRMaj[] wTail = java.util.Arrays.copyOfRange(w, T - k, T);
        cell.params().forEach(Param::zeroGrad);
        cell.forward(tail, hStart, cStart);
        cell.backward(wTail, 0, false);
        double[][] window = cell.params().stream().map(p -> p.grad().data.clone()).toArray(double[][]::new);
        assertGradientsEqual(window, truncated);
    }

    private static double[][] gradients(RecurrentCell cell, DMatrixRMaj[] x, DMatrixRMaj[] w, int truncation) {
        cell.params().forEach(Param::zeroGrad);
        cell.forward(x, null, null);
        cell.backward(w, truncation, false);
        return cell.params().stream().map(p -> p.grad().data.clone()).toArray(double[][]::new);
    }

    private static void assertGradientsEqual(double[][] expected, double[][] actual) {
        for (int p = 0; p < expected.length; p++) {
            assertArrayEquals(expected[p], actual[p], 1e-13, "param " + p);
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void backwardAddsIntoGradientsRatherThanOverwriting(CellKind kind) {
        SplittableRandom rnd = new SplittableRandom(5);
        RecurrentCell cell = kind.create(I, H, rnd);
        DMatrixRMaj[] x = sequence(T, B, I, rnd);
        DMatrixRMaj[] w = lossWeights(rnd);
        double[][] once = gradients(cell, x, w, 0);
        cell.forward(x, null, null);
        cell.backward(w, 0, false);
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < once[p].length; i++) {
                assertEquals(2 * once[p][i], cell.params().get(p).grad().data[i], 1e-12);
            }
        }
    }
}
