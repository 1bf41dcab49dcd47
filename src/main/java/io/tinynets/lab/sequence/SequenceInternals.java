package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellKind;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a sequence-lab run for the view: the recent curve points of every cell (so a view appends every
 * epoch it has not drawn yet) and, while the live panels are shown, the gates, states and gradient flow of every
 * cell on one fixed example sequence.
 *
 * @param epoch          epochs trained
 * @param firstEpoch     the epoch of the first entry of every cell's loss/metric tail (epochs count from 1)
 * @param classification true when the metric is accuracy, false when it is the evaluation loss
 * @param timeLabels     the example's inputs as short labels (symbols, characters or values), one per step
 * @param cells          one entry per trained cell, in the order RNN, LSTM, GRU
 * @param epochsTrained  epochs of the whole run, those before a "continue training" included ({@code epoch} counts
 *                       this trainer's only), saved so a continued run can fast-forward its data stream
 */
public record SequenceInternals(long epoch, long firstEpoch, boolean classification, List<String> timeLabels,
                                List<CellInternals> cells, long epochsTrained) {

    public SequenceInternals {
        timeLabels = List.copyOf(timeLabels);
        cells = List.copyOf(cells);
    }

    public Optional<CellInternals> cell(CellKind kind) {
        return cells.stream().filter(c -> c.kind() == kind).findFirst();
    }

    /** Number of epochs in the curve tails. */
    public int tailLength() {
        return cells.isEmpty() ? 0 : cells.get(0).loss().length;
    }
}
