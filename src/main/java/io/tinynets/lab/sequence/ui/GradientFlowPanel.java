package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.Component;
import io.tinynets.base.ui.LineChart;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.CellInternals;
import io.tinynets.lab.sequence.RelativeGradient;
import io.tinynets.lab.sequence.SequenceInternals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The "gradient flow back through time" chart: each cell's ‖∂L/∂h_t‖ relative to the answer step (log scale), the
 * LSTM's cell-state path dashed, and faint ghosts of the same curves after the run's first epoch, so the RNN's decay
 * and the gated cells' carried signal stay visible after training has changed the current curves.
 */
final class GradientFlowPanel {

    /** Series order: current h per cell (by {@link CellKind} ordinal), the LSTM's c, then the first-epoch ghosts. */
    static final int CELL_SERIES = CellKind.values().length;
    static final int GHOST_SERIES = CELL_SERIES + 1;
    /** Alpha (hex) of a ghost's colour: the first epoch fades behind the current curve. */
    private static final String GHOST_ALPHA = "59";
    private static final int PLOT_HEIGHT = 300;

    private GradientFlowPanel() {
    }

    static void configure(LineChart chart, Component words) {
        chart.setAxisLabels(words.getTranslation("sequence.axis.step"), words.getTranslation("sequence.axis.gradient"));
        chart.setLogY(true);
        // nine decades and a long axis name: taller than the other charts so both stay readable
        chart.setPlotHeight(PLOT_HEIGHT);
        List<LineChart.Series> series = new ArrayList<>();
        for (CellKind k : CellKind.values()) {
            series.add(new LineChart.Series(words.getTranslation("sequence.gradient.series.hidden", k.name()),
                    SequencePanels.COLOURS.get(k)));
        }
        series.add(new LineChart.Series(words.getTranslation("sequence.gradient.series.cell", CellKind.LSTM.name()),
                SequencePanels.COLOURS.get(CellKind.LSTM), true));
        for (CellKind k : CellKind.values()) {
            series.add(new LineChart.Series(words.getTranslation("sequence.gradient.series.first", k.name()),
                    SequencePanels.COLOURS.get(k) + GHOST_ALPHA));
        }
        chart.setSeries(series);
        chart.setEmptyText(words.getTranslation("sequence.empty"));
    }

    /** Draws the cells' relative curves and ghosts; returns about the bytes sent. */
    static int draw(LineChart chart, SequenceInternals in) {
        chart.reset();
        int bytes = 0;
        for (CellInternals c : in.cells()) {
            double[] hidden = c.gradientHidden();
            double[] t = IntStream.range(0, hidden.length).asDoubleStream().toArray();
            bytes += set(chart, c.kind().ordinal(), t, RelativeGradient.ofHidden(hidden));
            if (c.gradientCell().length > 0) {
                bytes += set(chart, CELL_SERIES, t, RelativeGradient.of(c.gradientCell(), hidden));
            }
            double[] first = c.firstGradientHidden();
            if (first.length == hidden.length) {
                bytes += set(chart, GHOST_SERIES + c.kind().ordinal(), t, RelativeGradient.ofHidden(first));
            }
        }
        return bytes;
    }

    private static int set(LineChart chart, int series, double[] t, double[] y) {
        if (y.length != t.length) {
            return 0;
        }
        chart.setPoints(series, t, SequencePanels.round(y));
        return t.length * 16;
    }
}
