package io.tinynets.lab.activation.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.Numbers;
import io.tinynets.base.ui.LabLayout;
import io.tinynets.base.ui.LabText;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.PublicView;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.PictureText;
import io.tinynets.base.ui.TryThisList;
import io.tinynets.engine.Activation;
import io.tinynets.lab.activation.ActivationAnalysis;
import io.tinynets.lab.activation.ActivationFacts;
import io.tinynets.lab.activation.ActivationSuggestions;
import io.tinynets.training.lab.Suggestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The Activation explorer: f(x) and f'(x) of every activation the engine has, an x probe, facts measured from the
 * functions, and the best-case gradient factor after N layers that explains vanishing gradients.
 */
@PublicView
@Route("activation")
@Menu(title = "nav.activation", order = 1, icon = "vaadin:chart-line")
class ActivationExplorerView extends VerticalLayout implements HasDynamicTitle {

    static final double X_MIN = -6;
    static final double X_MAX = 6;
    static final int CURVE_POINTS = 241;
    static final int MAX_DEPTH = 30;
    private static final Set<Activation> DEFAULT_SELECTION = Set.of(Activation.SIGMOID, Activation.TANH,
            Activation.RELU);

    final Map<Activation, ActivationFacts> facts = new EnumMap<>(Activation.class);
    final CheckboxGroup<Activation> functions = new CheckboxGroup<>();
    final RangeSlider xSlider = new RangeSlider(X_MIN, X_MAX, 0.05, 0.0);
    final Span xValue = new Span();
    final Grid<Activation> readout = new Grid<>();
    final LineChart valueChart = new LineChart("x", "f(x)");
    final LineChart derivativeChart = new LineChart("x", "f′(x)");
    final LineChart depthChart = new LineChart();
    final Grid<ActivationFacts> factsGrid = new Grid<>();
    final TryThisList tryThis = LabText.tryThis(this);

    ActivationExplorerView() {
        for (Activation a : Activation.values()) {
            facts.put(a, ActivationAnalysis.analyse(a));
        }
        setSizeFull();
        addClassName("lab-view");
        add(new H2(getTranslation("activation.title")), new Paragraph(getTranslation("activation.intro")));

        VerticalLayout controls = new VerticalLayout(configureFunctions(), configureSlider(), configureReadout(),
                LabText.explanation(this, "activation.explain", 4), configureTryThis());

        VerticalLayout charts = new VerticalLayout(configureCurveCharts(), configureDepthChart(), configureFacts());

        HorizontalLayout body = LabLayout.body(controls, charts);
        add(body);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("activation.title") + " · " + getTranslation("app.name");
    }

    /** "Try this", each suggestion with a button that sets the functions and the probe it names. */
    private TryThisList configureTryThis() {
        for (Suggestion<ActivationSuggestions.Probe> s : ActivationSuggestions.ALL) {
            tryThis.add(s.key(), () -> apply(s.apply(probe())));
        }
        return tryThis;
    }

    /** What the controls show. */
    ActivationSuggestions.Probe probe() {
        return new ActivationSuggestions.Probe(functions.getValue(), xSlider.getValue());
    }

    private void apply(ActivationSuggestions.Probe p) {
        functions.setValue(p.functions());
        xSlider.setValue(p.x());
    }

    private CheckboxGroup<Activation> configureFunctions() {
        functions.setLabel(getTranslation("activation.functions"));
        functions.setItems(Activation.values());
        functions.setItemLabelGenerator(this::name);
        functions.setValue(DEFAULT_SELECTION);
        functions.addClassName("function-picker");
        functions.addValueChangeListener(e -> refresh());
        return functions;
    }

    private Div configureSlider() {
        xSlider.setWidthFull();
        xSlider.setAriaLabel(getTranslation("activation.x"));
        xSlider.setTooltipText(getTranslation("activation.x.tooltip"));
        xSlider.addValueChangeListener(e -> updateProbe());
        Span label = new Span(getTranslation("activation.x") + " = ");
        label.addClassName("field-label");
        Div box = new Div(new Div(label, xValue), xSlider);
        box.setWidthFull();
        return box;
    }

    private Grid<Activation> configureReadout() {
        readout.addColumn(this::name).setHeader(getTranslation("activation.function")).setFlexGrow(2);
        readout.addColumn(a -> format(a.apply(xSlider.getValue()))).setHeader("f(x)");
        readout.addColumn(a -> format(a.derivative(xSlider.getValue()))).setHeader("f′(x)");
        readout.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        readout.setAllRowsVisible(true);
        readout.setEmptyStateText(getTranslation("activation.pickOne"));
        return readout;
    }

    private HorizontalLayout configureCurveCharts() {
        valueChart.setEmptyText(getTranslation("activation.pickOne"));
        derivativeChart.setEmptyText(getTranslation("activation.pickOne"));
        Div left = titled("activation.chart.value", valueChart);
        Div right = titled("activation.chart.derivative", derivativeChart);
        HorizontalLayout row = new HorizontalLayout(left, right);
        row.setWidthFull();
        row.addClassName("chart-row");
        return row;
    }

    private Div configureDepthChart() {
        depthChart.setAxisLabels(getTranslation("activation.depth.axis"), getTranslation("activation.depth.factor"));
        depthChart.setLogY(true);
        depthChart.setEmptyText(getTranslation("activation.pickOne"));
        Div box = titled("activation.chart.depth", depthChart);
        box.add(new Paragraph(getTranslation("activation.depth.caption")));
        return box;
    }

    private Div configureFacts() {
        factsGrid.addColumn(f -> name(f.activation())).setHeader(getTranslation("activation.function"))
                .setFlexGrow(2);
        factsGrid.addColumn(f -> format(f.peakDerivative()) + " (" + peakWhere(f) + ")")
                .setHeader(getTranslation("activation.fact.peak")).setFlexGrow(2);
        factsGrid.addColumn(f -> format(f.derivativeAtZero())).setHeader("f′(0)");
        factsGrid.addColumn(f -> f.range().format()).setHeader(getTranslation("activation.fact.range"))
                .setFlexGrow(2);
        factsGrid.addColumn(f -> getTranslation(f.zeroCentred() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("activation.fact.zeroCentred"));
        factsGrid.addColumn(f -> getTranslation("activation.saturation." + f.saturation().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("activation.fact.saturation")).setFlexGrow(2);
        factsGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        factsGrid.setAllRowsVisible(true);
        factsGrid.setEmptyStateText(getTranslation("activation.pickOne"));
        return titled("activation.facts", factsGrid);
    }

    private Div titled(String key, com.vaadin.flow.component.Component content) {
        PictureText.nameAll(getTranslation(key), content);
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        box.setMinWidth("18rem");
        return box;
    }

    /** Redraws everything for the current selection. */
    private void refresh() {
        List<Activation> selected = selected();
        List<LineChart.Series> series = new ArrayList<>();
        for (Activation a : selected) {
            series.add(new LineChart.Series(name(a), colour(a)));
        }
        valueChart.setSeries(series);
        derivativeChart.setSeries(series);
        depthChart.setSeries(series);
        double[] layers = IntStream.rangeClosed(1, MAX_DEPTH).asDoubleStream().toArray();
        for (int i = 0; i < selected.size(); i++) {
            double[][] curve = ActivationAnalysis.sample(selected.get(i), X_MIN, X_MAX, CURVE_POINTS);
            valueChart.setPoints(i, curve[0], curve[1]);
            derivativeChart.setPoints(i, curve[0], curve[2]);
            ActivationFacts f = facts.get(selected.get(i));
            double[] factor = Arrays.stream(layers).map(n -> ActivationAnalysis.bestCaseGradientFactor(f, (int) n))
                    .toArray();
            depthChart.setPoints(i, layers, factor);
        }
        readout.setItems(selected);
        factsGrid.setItems(selected.stream().map(facts::get).toList());
        updateProbe();
    }

    private void updateProbe() {
        double x = xSlider.getValue();
        xValue.setText(format(x));
        valueChart.setMarker(x);
        derivativeChart.setMarker(x);
        readout.getDataProvider().refreshAll();
    }

    /** The selection in the enum's order, so colours and rows never jump around. */
    List<Activation> selected() {
        Set<Activation> chosen = new LinkedHashSet<>(functions.getValue());
        return Arrays.stream(Activation.values()).filter(chosen::contains).toList();
    }

    private String peakWhere(ActivationFacts f) {
        return switch (f.peakShape()) {
            case POINT -> "x = " + format(f.peakAt());
            case PLATEAU_RIGHT -> "x > " + format(f.peakAt());
            case EVERYWHERE -> getTranslation("activation.peak.everywhere");
            case AT_INFINITY -> "x → ∞";
        };
    }

    String name(Activation a) {
        return getTranslation("activation.name." + a.key());
    }

    static String colour(Activation a) {
        return Palette.colour(a.ordinal());
    }

    static String format(double v) {
        return Numbers.compact(v);
    }
}
