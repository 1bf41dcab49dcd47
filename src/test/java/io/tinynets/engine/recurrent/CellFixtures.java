package io.tinynets.engine.recurrent;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/** Random inputs and a weighted-sum loss L = Σ_t Σ h_t ⊙ W_t for gradient checks. */
final class CellFixtures {

    private CellFixtures() {
    }

    static DMatrixRMaj random(int rows, int cols, SplittableRandom rnd) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextDouble(-1, 1);
        }
        return m;
    }

    static DMatrixRMaj[] sequence(int steps, int rows, int cols, SplittableRandom rnd) {
        DMatrixRMaj[] s = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) {
            s[t] = random(rows, cols, rnd);
        }
        return s;
    }

    static double loss(RecurrentCell cell, DMatrixRMaj[] x, DMatrixRMaj h0, DMatrixRMaj c0, DMatrixRMaj[] w) {
        cell.forward(x, h0, c0);
        double sum = 0;
        for (int t = 0; t < w.length; t++) {
            if (w[t] == null) {
                continue;
            }
            DMatrixRMaj h = cell.hidden(t);
            for (int i = 0; i < h.data.length && i < h.getNumElements(); i++) {
                sum += h.data[i] * w[t].data[i];
            }
        }
        return sum;
    }

    static double relativeError(double a, double n) {
        return Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-10);
    }
}
