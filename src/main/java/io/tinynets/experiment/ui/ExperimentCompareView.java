package io.tinynets.experiment.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.PictureText;
import io.tinynets.experiment.Comparison;
import io.tinynets.experiment.ConfigDifference;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.training.TranslatableProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 2–8 experiments side by side ({@code experiments/compare?ids=3,7,9}): one curve of each overlaid in distinct
 * colours, and a table of only the settings that differ.
 */
@jakarta.annotation.security.PermitAll
@Route("experiments/compare")
class ExperimentCompareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final ComboBox<String> curvePicker = new ComboBox<>();
    final LineChart chart = new LineChart();
    final Grid<ConfigDifference> differences = new Grid<>();
    final Paragraph problem = new Paragraph();
    final Paragraph sameSettings = new Paragraph();
    final Div content = new Div();
    Comparison comparison;

    private final ExperimentService service;

    ExperimentCompareView(ExperimentService service) {
        this.service = service;
        setSizeFull();
        addClassName("lab-view");
        addClassName("experiment-compare");
        problem.setVisible(false);
        problem.addClassName("experiment-problem");
        curvePicker.setLabel(getTranslation("experiments.compare.curve"));
        curvePicker.addValueChangeListener(e -> drawCurve(e.getValue()));
        chart.setAxisLabels(getTranslation("experiments.axis.epoch"), "");
        differences.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        differences.setAllRowsVisible(true);
        sameSettings.setText(getTranslation("experiments.compare.noDifferences"));
        content.setWidthFull();
        content.add(curvePicker, box("experiments.compare.chart", chart),
                box("experiments.compare.config", differences, sameSettings));
        add(new RouterLink(getTranslation("experiments.detail.back"), ExperimentsView.class),
                new H2(getTranslation("experiments.compare.title")), problem, content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("experiments.compare.title") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<Long> ids = new ArrayList<>();
        try {
            event.getLocation().getQueryParameters().getSingleParameter("ids").ifPresent(v ->
                    Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).map(String::strip).map(Long::parseLong)
                            .forEach(ids::add));
        } catch (NumberFormatException e) {
            ids.clear();
        }
        if (ids.isEmpty()) {
            showProblem(getTranslation("experiments.compare.missing"));
            return;
        }
        try {
            show(service.compare(CurrentUser.experimentOwner(), ids));
        } catch (RuntimeException e) {
            if (e instanceof TranslatableProblem p) {
                showProblem(ExperimentTexts.problem(this, p));
                return;
            }
            throw e;
        }
    }

    private void showProblem(String text) {
        comparison = null;
        problem.setText(text);
        problem.setVisible(true);
        content.setVisible(false);
    }

    void show(Comparison c) {
        comparison = c;
        problem.setVisible(false);
        content.setVisible(true);
        List<String> names = c.curveNames();
        curvePicker.setItems(names);
        curvePicker.setVisible(!names.isEmpty());
        differences.removeAllColumns();
        differences.addColumn(ConfigDifference::field).setHeader(getTranslation("experiments.compare.field"))
                .setFlexGrow(2);
        for (int i = 0; i < c.experiments().size(); i++) {
            int index = i;
            // header as plain text: a name can never inject HTML
            differences.addColumn(d -> d.values().get(index)).setHeader(c.experiments().get(i).name());
        }
        differences.setItems(c.differences());
        differences.setVisible(!c.differences().isEmpty());
        sameSettings.setVisible(c.differences().isEmpty());
        if (names.isEmpty()) {
            drawCurve(null);
        } else {
            curvePicker.setValue(names.get(0));
        }
    }

    private void drawCurve(String name) {
        if (comparison == null) {
            return;
        }
        List<Experiment> experiments = comparison.experiments();
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            series.add(new LineChart.Series(experiments.get(i).name(), Palette.colour(i)));
        }
        chart.setSeries(series);
        chart.setAxisLabels(getTranslation("experiments.axis.epoch"), name == null ? "" : name);
        for (int i = 0; i < experiments.size(); i++) {
            for (Curve curve : experiments.get(i).curves()) {
                if (curve.name().equals(name)) {
                    chart.setPoints(i, curve.x(), curve.y());
                }
            }
        }
    }

    private Div box(String key, com.vaadin.flow.component.Component... content) {
        PictureText.nameAll(getTranslation(key), content);
        Div box = new Div(new H3(getTranslation(key)));
        box.add(content);
        box.addClassName("chart-box");
        return box;
    }
}
