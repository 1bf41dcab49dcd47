package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.engine.recurrent.GruStep;
import io.tinynets.engine.recurrent.LstmStep;
import io.tinynets.engine.recurrent.RnnStep;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * One gate or state a cell exposes, as the lab draws it: a message key, whether it is a sigmoid gate (0..1) or a
 * tanh value (−1..1), and how to read it from a step record.
 *
 * @param key     stable short name ("forget", "cell", …), also the message-key suffix
 * @param sigmoid true for gates in (0, 1), false for tanh-range values
 * @param read    the 1 × H values of one step
 */
public record GateSpec(String key, boolean sigmoid, Function<CellStep, DMatrixRMaj> read) {

    /** Gates and states of each cell in the order the lab shows them: gates first, then what they produce. */
    public static List<GateSpec> of(CellKind kind) {
        return switch (kind) {
            case LSTM -> List.of(
                    new GateSpec("forget", true, s -> ((LstmStep) s).f()),
                    new GateSpec("input", true, s -> ((LstmStep) s).i()),
                    new GateSpec("output", true, s -> ((LstmStep) s).o()),
                    new GateSpec("candidate", false, s -> ((LstmStep) s).g()),
                    new GateSpec("cell", false, s -> ((LstmStep) s).c()),
                    new GateSpec("hidden", false, CellStep::h));
            case GRU -> List.of(
                    new GateSpec("reset", true, s -> ((GruStep) s).r()),
                    new GateSpec("update", true, s -> ((GruStep) s).z()),
                    new GateSpec("candidate", false, s -> ((GruStep) s).n()),
                    new GateSpec("hidden", false, CellStep::h));
            case RNN -> List.of(new GateSpec("hidden", false, s -> ((RnnStep) s).h()));
        };
    }

    public double min() {
        return sigmoid ? 0 : -1;
    }

    public double max() {
        return 1;
    }

    /**
     * The trace as a units × steps grid, row-major with unit u in row u and step t in column t, ready for a heat map
     * whose time axis runs left to right.
     */
    public double[] grid(List<? extends CellStep> trace) {
        int steps = trace.size();
        int units = steps == 0 ? 0 : read.apply(trace.get(0)).numCols;
        double[] out = new double[steps * units];
        for (int t = 0; t < steps; t++) {
            double[] v = read.apply(trace.get(t)).data;
            for (int u = 0; u < units; u++) {
                out[u * steps + t] = v[u];
            }
        }
        return out;
    }
}
