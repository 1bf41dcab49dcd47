package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.tinynets.base.ui.EpochAxisChoice;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.frame.LabPanels;
import io.tinynets.base.ui.frame.SavedCurve;
import io.tinynets.base.ui.frame.SnapshotThrottle;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.CellInternals;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceInternals;
import io.tinynets.training.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The race's curves (loss and accuracy or eval loss per cell, with a reopened run's saved curves until the new run
 * draws its own) and the focused cell's inside ({@link CellPanels}).
 *
 * <p>Bandwidth: curves send only new points; the cell panels are paced by a {@link SnapshotThrottle} so their payload
 * stays within {@link #PANEL_BUDGET_BYTES_PER_SECOND}, and within what the curves leave of
 * {@link #TOTAL_BUDGET_BYTES_PER_SECOND}; the traffic read-out shows what was actually sent over the last seconds.
 */
class SequencePanels extends LabPanels<SequenceConfig, SequenceInternals> {

    /** Budget for the panels (gates, belt, gradient flow, diagram) while the curves send little. */
    static final int PANEL_BUDGET_BYTES_PER_SECOND = 20_000;
    /**
     * Budget for everything the view sends one browser (the lab's 30 KB/s, less a margin for the push framing this
     * count does not see, about a tenth: at 28 KB/s the browser measured up to 30.3 KB/s, at 25 up to 28.2): a fast
     * race sends its curves 100+ points a
     * second, about 10 KB/s, and the panels then get what is left, but never less than
     * {@link #MIN_PANEL_BUDGET_BYTES_PER_SECOND}.
     */
    static final int TOTAL_BUDGET_BYTES_PER_SECOND = 23_000;
    static final int MIN_PANEL_BUDGET_BYTES_PER_SECOND = 4_000;
    static final long MIN_PANEL_INTERVAL_MILLIS = 100;
    /** The traffic read-out's window. */
    static final long TRAFFIC_WINDOW_MILLIS = 5_000;
    /** Fixed colours per cell, on every chart: RNN vermillion, LSTM blue, GRU bluish green (Okabe–Ito). */
    static final Map<CellKind, String> COLOURS = Map.of(CellKind.RNN, "#D55E00", CellKind.LSTM, "#0072B2",
            CellKind.GRU, "#009E73");

    final Div parameterCounts = new Div();
    final LineChart lossChart = new LineChart();
    final LineChart metricChart = new LineChart();
    final EpochAxisChoice epochAxis = new EpochAxisChoice(lossChart, metricChart);
    final CellPanels cells;
    final Checkbox showPanels = new Checkbox();
    final Span traffic = new Span();
    private final SequenceForm form;
    private final LiveOptions options;
    private final SnapshotThrottle panelThrottle = new SnapshotThrottle(PANEL_BUDGET_BYTES_PER_SECOND,
            MIN_PANEL_INTERVAL_MILLIS);
    /** Curves are always sent; this only measures them (their share of the budget). */
    private final SnapshotThrottle curveMeter = new SnapshotThrottle(TOTAL_BUDGET_BYTES_PER_SECOND, 0);
    private List<SavedCurve> savedCurves;
    /** True while the charts show a reopened experiment's saved curves, until the new run draws its own. */
    private boolean showingSaved;
    private SequenceInternals latest;
    private long lastDrawnEpoch;

    SequencePanels(SequenceForm form, LiveOptions options) {
        this.form = form;
        this.options = options;
        cells = new CellPanels(this, options);
        add(curves(), cells);
        showPanels.setLabel(getTranslation("sequence.panels"));
        showPanels.setTooltipText(getTranslation("sequence.panels.tooltip"));
        showPanels.setValue(true);
        showPanels.addValueChangeListener(e -> {
            options.setPanelsVisible(e.getValue());
            cells.setVisible(e.getValue());
        });
        traffic.addClassName("sequence-traffic");
        form.cell.addValueChangeListener(e -> cellChanged(e.getValue()));
        form.task.addValueChangeListener(e -> showTextBox());
        cells.showGatePanels(CellKind.LSTM);
        showTextBox();
    }

    private Component curves() {
        List<LineChart.Series> series = new ArrayList<>();
        for (CellKind k : CellKind.values()) {
            series.add(new LineChart.Series(k.name(), COLOURS.get(k)));
        }
        lossChart.setAxisLabels(getTranslation("sequence.axis.epoch"), getTranslation("sequence.axis.loss"));
        lossChart.setLogY(true);
        lossChart.setSeries(series);
        lossChart.setEmptyText(getTranslation("sequence.empty"));
        metricChart.setAxisLabels(getTranslation("sequence.axis.epoch"), getTranslation("sequence.axis.accuracy"));
        metricChart.setSeries(series);
        metricChart.setEmptyText(getTranslation("sequence.empty"));
        parameterCounts.addClassName("sequence-params");
        HorizontalLayout row = new HorizontalLayout(cells.titled("sequence.chart.loss", lossChart),
                cells.titled("sequence.chart.accuracy", metricChart));
        row.setWidthFull();
        row.addClassName("chart-row");
        Div box = new Div(parameterCounts, row, epochAxis);
        box.setWidthFull();
        return box;
    }

    @Override
    public List<Component> besideControls() {
        return List.of(showPanels, traffic);
    }

    private void showTextBox() {
        cells.textBox.setVisible(form.task.getValue() != null && form.task.getValue().characters());
    }

    /** In a race the cell only picks which gates are shown: redraw them at once. */
    private void cellChanged(CellKind kind) {
        if (kind == null) {
            return;
        }
        if (cells.showGatePanels(kind)) {
            panelThrottle.force();
        }
        if (form.isRace() && latest != null) {
            drawCells(latest);
            panelThrottle.force();
        }
    }

    /** The charts stay as they are until a run starts, except for a reopened run's saved curves. */
    @Override
    public void configure(SequenceConfig config, long seed) {
        if (savedCurves == null || config == null) {
            return;
        }
        resetCharts();
        drawSavedCurves(savedCurves, config);
        savedCurves = null;
    }

    @Override
    public void setSavedCurves(List<SavedCurve> curves) {
        savedCurves = curves;
    }

    @Override
    public void runCreated() {
        if (!showingSaved) {
            resetCharts();
        }
    }

    /** The saved per-cell curves, drawn as the current ones until the new run trains. */
    private void drawSavedCurves(List<SavedCurve> curves, SequenceConfig config) {
        boolean any = false;
        for (SavedCurve c : curves) {
            for (CellKind k : CellKind.values()) {
                if (c.name().equals(SequenceLab.cellCurve("loss", k))) {
                    lossChart.setPoints(k.ordinal(), c.x(), round(c.y()));
                    any = true;
                } else if (c.name().equals(SequenceLab.cellCurve("accuracy", k))
                        || c.name().equals(SequenceLab.cellCurve("eval loss", k))) {
                    metricChart.setPoints(k.ordinal(), c.x(), round(c.y()));
                }
            }
        }
        if (!any) {
            curves.stream().filter(c -> c.name().equals("loss")).findFirst()
                    .ifPresent(c -> lossChart.setPoints(config.cell().ordinal(), c.x(), round(c.y())));
        }
        showingSaved = true;
    }

    private void resetCharts() {
        lossChart.reset();
        metricChart.reset();
        cells.gradientChart.reset();
        cells.beltChart.reset();
        lastDrawnEpoch = 0;
        latest = null;
        panelThrottle.force();
    }

    /** Every snapshot: the saved curves give way once the new run has points of its own. */
    @Override
    public boolean accepts(Snapshot<SequenceInternals> snapshot) {
        return true;
    }

    @Override
    public void restart() {
        // handled in show: a reopened run's curves stay until the new run has points of its own
    }

    @Override
    public void show(Snapshot<SequenceInternals> snapshot) {
        if (showingSaved && snapshot.epoch() > 0) {
            showingSaved = false;
            resetCharts();
        } else if (snapshot.fromStart() && !showingSaved) {
            resetCharts();
        }
        SequenceInternals in = snapshot.internals();
        if (in == null) {
            return;
        }
        appendCurves(in);
        latest = in;
        if (options.panelsVisible() && in.cells().stream().anyMatch(c -> !c.trace().isEmpty())) {
            // bigger grids update less often; the curves' share of the total leaves the panels the rest
            panelThrottle.setBytesPerSecond(Math.max(MIN_PANEL_BUDGET_BYTES_PER_SECOND, Math.min(
                    PANEL_BUDGET_BYTES_PER_SECOND, TOTAL_BUDGET_BYTES_PER_SECOND
                            - curveMeter.measuredBytesPerSecond(TRAFFIC_WINDOW_MILLIS))));
            if (panelThrottle.due()) {
                drawCells(in);
            }
        }
        traffic.setText(getTranslation("sequence.traffic", Math.round(bytesPerSecond() / 100.0) / 10.0));
    }

    private void appendCurves(SequenceInternals in) {
        int tail = in.tailLength();
        int from = (int) Math.max(0, lastDrawnEpoch + 1 - in.firstEpoch());
        if (from >= tail) {
            return;
        }
        int n = tail - from;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = in.firstEpoch() + from + i;
        }
        for (CellInternals c : in.cells()) {
            lossChart.appendPoints(c.kind().ordinal(), x, round(Arrays.copyOfRange(c.loss(), from, tail)));
            metricChart.appendPoints(c.kind().ordinal(), x, round(Arrays.copyOfRange(c.metric(), from, tail)));
            curveMeter.sent(2L * n * 16);
        }
        lastDrawnEpoch = in.firstEpoch() + tail - 1;
        if (parameterCounts.getChildren().count() == 0) {
            showParameterCounts(in);
        }
        metricChart.setAxisLabels(getTranslation("sequence.axis.epoch"),
                getTranslation(in.classification() ? "sequence.axis.accuracy" : "sequence.axis.evalLoss"));
    }

    private void showParameterCounts(SequenceInternals in) {
        parameterCounts.removeAll();
        for (CellInternals c : in.cells()) {
            Span s = new Span(getTranslation("sequence.params", c.kind().name(), c.cellParameters(),
                    c.totalParameters()));
            s.getStyle().set("border-left", "4px solid " + COLOURS.get(c.kind()));
            s.addClassName("param-count");
            parameterCounts.add(s);
        }
        in.cell(CellKind.LSTM).ifPresent(l -> in.cell(CellKind.GRU).ifPresent(g -> parameterCounts.add(
                new Span(getTranslation("sequence.params.ratio",
                        Math.round(100.0 * g.cellParameters() / l.cellParameters()))))));
    }

    /** The focused cell's panels: in a race the chosen one, otherwise the only one. */
    int drawCells(SequenceInternals in) {
        CellKind focus = form.isRace() ? form.focusCell() : in.cells().get(0).kind();
        CellInternals c = in.cell(focus).orElse(in.cells().get(0));
        int bytes = cells.draw(in, c);
        panelThrottle.sent(bytes);
        return bytes;
    }

    void redrawLatest() {
        if (latest != null) {
            drawCells(latest);
        }
    }

    /** Payload bytes per second the panels and curves sent over the last seconds, Vaadin's framing not included. */
    double bytesPerSecond() {
        return panelThrottle.measuredBytesPerSecond(TRAFFIC_WINDOW_MILLIS)
                + curveMeter.measuredBytesPerSecond(TRAFFIC_WINDOW_MILLIS);
    }

    SequenceInternals latest() {
        return latest;
    }

    CellKind shownKind() {
        return cells.shownKind();
    }

    /** Three significant digits are all a chart shows; fewer digits in the JSON. */
    static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double a = Math.abs(v[i]);
            if (a == 0 || !Double.isFinite(a)) {
                out[i] = v[i];
            } else {
                double scale = Math.pow(10, 2 - Math.floor(Math.log10(a)));
                out[i] = Math.round(v[i] * scale) / scale;
            }
        }
        return out;
    }
}
