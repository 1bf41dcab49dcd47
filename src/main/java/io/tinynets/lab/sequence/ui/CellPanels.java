package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.PictureText;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.engine.recurrent.GruStep;
import io.tinynets.engine.recurrent.LstmStep;
import io.tinynets.lab.sequence.CellInternals;
import io.tinynets.lab.sequence.ConveyorBelt;
import io.tinynets.lab.sequence.GateSpec;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceInternals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One cell's inside, drawn from the latest internals: a heat map per gate or state over the steps, the carried
 * "conveyor belt" of one unit, the gradient flow back through time of every cell, the step-through cell diagram and,
 * for text, the next-character prediction. {@link #draw} returns the payload it sent, for the pacing.
 */
class CellPanels extends Div {

    final Div gatePanels = new Div();
    final Map<String, HeatMap> gateMaps = new LinkedHashMap<>();
    final LineChart beltChart = new LineChart();
    final Select<Integer> unit = new Select<>();
    final Paragraph beltNote = new Paragraph();
    final LineChart gradientChart = new LineChart();
    final CellDiagram diagram = new CellDiagram();
    final RangeSlider timeSlider = new RangeSlider(0, SequenceConfig.MAX_LENGTH, 1, 0);
    final Div prediction = new Div();
    final Paragraph sample = new Paragraph();
    final RangeSlider temperature = new RangeSlider(LiveOptions.MIN_TEMPERATURE, LiveOptions.MAX_TEMPERATURE, 0.1,
            0.7);
    final Div textBox = new Div();
    private final SequencePanels owner;
    private CellKind shownKind;

    CellPanels(SequencePanels owner, LiveOptions options) {
        this.owner = owner;
        gatePanels.addClassName("sequence-gates");
        Div gates = titled("sequence.chart.gates", gatePanels);
        gates.add(new Paragraph(getTranslation("sequence.gates.caption")));
        timeSlider.setWidthFull();
        timeSlider.setAriaLabel(getTranslation("sequence.time"));
        timeSlider.setTooltipText(getTranslation("sequence.time.tooltip"));
        timeSlider.addValueChangeListener(e -> drawDiagram());
        Div step = titled("sequence.chart.step", diagram);
        step.add(timeSlider, new Paragraph(getTranslation("sequence.step.caption")));
        configureText(options);
        HorizontalLayout row = new HorizontalLayout(beltBox(), gradientBox());
        row.setWidthFull();
        row.addClassName("chart-row");
        add(gates, row, step, textBox);
        setWidthFull();
    }

    private Div beltBox() {
        beltChart.setAxisLabels(getTranslation("sequence.axis.step"), getTranslation("sequence.axis.value"));
        unit.setLabel(getTranslation("sequence.unit"));
        unit.setTooltipText(getTranslation("sequence.unit.tooltip"));
        unit.setItemLabelGenerator(u -> u < 0 ? getTranslation("sequence.unit.auto") : String.valueOf(u + 1));
        unit.setItems(-1);
        unit.setValue(-1);
        unit.addValueChangeListener(e -> owner.redrawLatest());
        Div belt = titled("sequence.chart.belt", beltChart);
        belt.add(beltNote, unit);
        return belt;
    }

    private Div gradientBox() {
        GradientFlowPanel.configure(gradientChart, this);
        Div gradient = titled("sequence.chart.gradient", gradientChart);
        gradient.add(new Paragraph(getTranslation("sequence.gradient.caption")));
        return gradient;
    }

    private void configureText(LiveOptions options) {
        temperature.setWidthFull();
        temperature.setAriaLabel(getTranslation("sequence.temperature"));
        temperature.setTooltipText(getTranslation("sequence.temperature.tooltip"));
        temperature.addValueChangeListener(e -> options.setTemperature(e.getValue()));
        prediction.addClassName("sequence-prediction");
        sample.addClassName("sequence-sample");
        Span tLabel = new Span(getTranslation("sequence.temperature"));
        tLabel.addClassName("field-label");
        textBox.add(new H3(getTranslation("sequence.chart.text")), prediction, sample, tLabel, temperature,
                new Paragraph(getTranslation("sequence.text.caption")));
        textBox.addClassName("chart-box");
    }

    Div titled(String key, Component content) {
        PictureText.nameAll(getTranslation(key), content);
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        box.setMinWidth("18rem");
        return box;
    }

    /** Replaces the gate panels by those of {@code kind}: one heat map per gate or state, with its caption. */
    boolean showGatePanels(CellKind kind) {
        if (kind == shownKind) {
            return false;
        }
        shownKind = kind;
        gatePanels.removeAll();
        gateMaps.clear();
        for (GateSpec spec : GateSpec.of(kind)) {
            HeatMap map = new HeatMap(360);
            map.setColorMap(spec.sigmoid() ? HeatMap.ColorMap.SEQUENTIAL : HeatMap.ColorMap.DIVERGING);
            map.setDisplayHeight(96);
            map.setValueLabel(getTranslation("sequence.gate." + spec.key() + ".value"));
            gateMaps.put(spec.key(), map);
            map.pictureText().name(getTranslation("sequence.gate." + spec.key()));
            Span title = new Span(getTranslation("sequence.gate." + spec.key()));
            title.addClassName("gate-title");
            Span caption = new Span(getTranslation("sequence.gate." + spec.key() + ".caption"));
            caption.addClassName("gate-caption");
            Div panel = new Div(title, map, caption);
            panel.addClassName("gate-panel");
            gatePanels.add(panel);
        }
        return true;
    }

    CellKind shownKind() {
        return shownKind;
    }

    /** Draws the gates, belt, gradient flow, diagram and prediction of {@code c}; returns the bytes it sent. */
    int draw(SequenceInternals in, CellInternals c) {
        showGatePanels(c.kind());
        List<? extends CellStep> trace = c.trace();
        if (trace.isEmpty()) {
            return 0;
        }
        int steps = trace.size();
        int units = trace.get(0).h().numCols;
        List<String> rows = IntStream.rangeClosed(1, units).mapToObj(u -> getTranslation("sequence.unit.n", u))
                .toList();
        int bytes = 0;
        for (GateSpec spec : GateSpec.of(c.kind())) {
            HeatMap map = gateMaps.get(spec.key());
            boolean newShape = map.getCols() != steps || map.getRows() != units;
            map.setDisplayHeight(Math.max(48, Math.min(160, units * 8)));
            map.setGrid(steps, units, spec.grid(trace), spec.min(), spec.max());
            bytes += (steps * units * 4) / 3 + 60;
            if (newShape) {
                map.setLabels(in.timeLabels(), rows);
                bytes += in.timeLabels().size() * 6 + units * 10;
            }
        }
        bytes += drawBelt(c);
        bytes += drawGradient(in);
        // the slider's server-side bounds cover the longest sequence; the browser's follow this one
        timeSlider.getElement().setAttribute("max", String.valueOf(Math.max(1, steps - 1)));
        bytes += drawDiagram();
        bytes += drawPrediction(c);
        return bytes;
    }

    private int selectedUnit(List<? extends CellStep> trace) {
        Integer u = unit.getValue();
        int units = trace.get(0).h().numCols;
        if (unit.getListDataView().getItemCount() != units + 1) {
            List<Integer> items = new ArrayList<>();
            items.add(-1);
            IntStream.range(0, units).forEach(items::add);
            unit.setItems(items);
            unit.setValue(u != null && u < units ? u : -1);
            u = unit.getValue();
        }
        return u == null || u < 0 || u >= units ? ConveyorBelt.liveliestUnit(trace) : u;
    }

    private int drawBelt(CellInternals c) {
        List<? extends CellStep> trace = c.trace();
        ConveyorBelt belt = ConveyorBelt.of(trace, selectedUnit(trace));
        String prefix = "sequence.belt." + c.kind().key();
        beltNote.setText(getTranslation(prefix + ".note"));
        if (belt == null) {
            beltChart.setSeries(List.of());
            return 100;
        }
        String colour = SequencePanels.COLOURS.get(c.kind());
        beltChart.setSeries(List.of(new LineChart.Series(getTranslation(prefix + ".state"), colour),
                new LineChart.Series(getTranslation(prefix + ".kept"), "#999999", true),
                new LineChart.Series(getTranslation(prefix + ".written"), "#E69F00", true)));
        double[] t = IntStream.range(0, trace.size()).asDoubleStream().toArray();
        beltChart.setPoints(0, t, SequencePanels.round(belt.state()));
        beltChart.setPoints(1, t, SequencePanels.round(belt.kept()));
        beltChart.setPoints(2, t, SequencePanels.round(belt.written()));
        return 200 + trace.size() * 3 * 14;
    }

    private int drawGradient(SequenceInternals in) {
        return GradientFlowPanel.draw(gradientChart, in);
    }

    /** The diagram at the slider's step for the belt's unit; also used while paused (scrubbing). */
    int drawDiagram() {
        SequenceInternals latest = owner.latest();
        if (latest == null) {
            return 0;
        }
        CellInternals c = latest.cell(shownKind).orElse(null);
        if (c == null || c.trace().isEmpty()) {
            return 0;
        }
        List<? extends CellStep> trace = c.trace();
        int t = (int) Math.min(trace.size() - 1, Math.round(timeSlider.getValue()));
        int u = selectedUnit(trace);
        String label = t < latest.timeLabels().size() ? latest.timeLabels().get(t) : "";
        diagram.setStep(c.kind().key(), getTranslation("sequence.step.label", t, label, u + 1),
                stepValues(trace, t, u));
        return diagram.payloadBytes();
    }

    /** The gate and state values of unit {@code u} at step {@code t}, in the diagram's order for the cell. */
    private static double[] stepValues(List<? extends CellStep> trace, int t, int u) {
        CellStep s = trace.get(t);
        double hPrev = t == 0 ? 0 : trace.get(t - 1).h().data[u];
        if (s instanceof LstmStep l) {
            double cPrev = t == 0 ? 0 : ((LstmStep) trace.get(t - 1)).c().data[u];
            return new double[] {l.f().data[u], l.i().data[u], l.g().data[u], l.o().data[u], cPrev,
                l.c().data[u], hPrev, l.h().data[u]};
        } else if (s instanceof GruStep g) {
            return new double[] {g.r().data[u], g.z().data[u], g.n().data[u], hPrev, g.h().data[u]};
        }
        return new double[] {hPrev, s.h().data[u]};
    }

    private int drawPrediction(CellInternals c) {
        prediction.removeAll();
        CellInternals.Prediction p = c.prediction();
        if (p == null) {
            sample.setText("");
            return 0;
        }
        for (int i = 0; i < p.characters().size(); i++) {
            String ch = p.characters().get(i);
            ch = " ".equals(ch) ? "␣" : "\n".equals(ch) ? "⏎" : ch;
            Div bar = new Div();
            bar.addClassName("bar");
            bar.setWidth(Math.round(p.probabilities()[i] * 100) + "%");
            Div row = new Div(new Span(ch), bar, new Span(String.format(Locale.ROOT, "%.2f", p.probabilities()[i])));
            row.addClassName("prediction-row");
            prediction.add(row);
        }
        sample.setText("… " + p.continuation());
        return 600 + p.continuation().length() * 3;
    }
}
