package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.engine.recurrent.GruStep;
import io.tinynets.engine.recurrent.LstmStep;
import java.util.List;

/**
 * The carried state of one unit across time, split into what each step kept and what it wrote. LSTM:
 * c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t, kept = f ⊙ c_{t−1}, written = i ⊙ g. GRU (PyTorch's form):
 * h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ n_t, kept = z ⊙ h_{t−1}, written (replaced) = (1 − z) ⊙ n. The two parts add up
 * to the state at every step, which is what the chart lets a student see.
 */
public record ConveyorBelt(double[] state, double[] kept, double[] written) {

    /** Null for a vanilla RNN, which has no gate deciding what to keep. */
    public static ConveyorBelt of(List<? extends CellStep> trace, int unit) {
        int steps = trace.size();
        if (steps == 0 || !(trace.get(0) instanceof LstmStep || trace.get(0) instanceof GruStep)) {
            return null;
        }
        int units = trace.get(0).h().numCols;
        if (unit < 0 || unit >= units) {
            throw new IllegalArgumentException("unit must be in 0.." + (units - 1) + ", was " + unit);
        }
        double[] state = new double[steps];
        double[] kept = new double[steps];
        double[] written = new double[steps];
        double previous = 0;
        for (int t = 0; t < steps; t++) {
            CellStep s = trace.get(t);
            if (s instanceof LstmStep l) {
                // c_t = f ⊙ c_{t−1} + i ⊙ g
                kept[t] = l.f().data[unit] * previous;
                written[t] = l.i().data[unit] * l.g().data[unit];
                state[t] = l.c().data[unit];
            } else {
                GruStep g = (GruStep) s;
                // h_t = z ⊙ h_{t−1} + (1 − z) ⊙ n
                double z = g.z().data[unit];
                kept[t] = z * previous;
                written[t] = (1 - z) * g.n().data[unit];
                state[t] = g.h().data[unit];
            }
            previous = state[t];
        }
        return new ConveyorBelt(state, kept, written);
    }

    /** The unit whose carried state moves most over the sequence: a good default to show. */
    public static int liveliestUnit(List<? extends CellStep> trace) {
        if (trace.isEmpty()) {
            return 0;
        }
        int units = trace.get(0).h().numCols;
        int best = 0;
        double bestRange = -1;
        for (int u = 0; u < units; u++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (CellStep s : trace) {
                double v = s instanceof LstmStep l ? l.c().data[u] : s.h().data[u];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo > bestRange) {
                bestRange = hi - lo;
                best = u;
            }
        }
        return best;
    }
}
