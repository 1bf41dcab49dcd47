package io.tinynets.experiment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.PictureText;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentAccessException;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * One experiment at its stable link {@code experiments/<id>}: curves, picture, final figures, settings, and "Open in
 * lab". Only its owner sees it; anyone else gets the same "does not exist" page as for a missing id.
 */
@jakarta.annotation.security.PermitAll
@Route("experiments/:id([0-9]{1,18})")
class ExperimentDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Paragraph problem = new Paragraph();
    final Div meta = new Div();
    final Paragraph notes = new Paragraph();
    final LineChart curves = new LineChart();
    final HeatMap picture = new HeatMap(240);
    final Pre config = new Pre();
    final Button openInLab = new Button();
    final Anchor exportJson = new Anchor();
    final Anchor link = new Anchor();
    final Div body = new Div();
    Experiment experiment;

    private final ExperimentService service;

    /** What each lab's saved picture measures, for its colour bar. */
    private final List<LivePicture> pictures;

    ExperimentDetailView(ExperimentService service, List<LivePicture> pictures) {
        this.service = service;
        this.pictures = pictures;
        setSizeFull();
        addClassName("lab-view");
        addClassName("experiment-detail");
        RouterLink back = new RouterLink(getTranslation("experiments.detail.back"), ExperimentsView.class);
        problem.addClassName("experiment-problem");
        problem.setVisible(false);
        openInLab.addClickListener(ev -> {
            if (experiment != null) {
                LabRoutes.open(UI.getCurrent(), experiment.lab(), experiment.id());
            }
        });
        add(back, title, problem, body);
    }

    @Override
    public String getPageTitle() {
        return (experiment == null ? getTranslation("experiments.title") : experiment.name()) + " · "
                + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            showProblem(getTranslation("experiments.error.notFound", "?"));
            return;
        }
        try {
            experiment = service.get(CurrentUser.experimentOwner(), id);
        } catch (ExperimentAccessException e) {
            // someone else's experiment looks exactly like a missing one: its existence is not revealed
            showProblem(getTranslation("experiments.error.notFound", String.valueOf(id)));
            return;
        }
        show(experiment);
    }

    private void showProblem(String text) {
        experiment = null;
        title.setText(getTranslation("experiments.title"));
        problem.setText(text);
        problem.setVisible(true);
        body.setVisible(false);
    }

    private void show(Experiment e) {
        title.setText(e.name()); // text, never HTML
        problem.setVisible(false);
        body.removeAll();
        body.setVisible(true);
        body.setWidthFull();

        meta.removeAll();
        meta.addClassName("experiment-meta");
        meta.add(field("experiments.detail.lab", LabRoutes.icon(UI.getCurrent(), e.lab()),
                new Span(LabRoutes.name(UI.getCurrent(), e.lab()))));
        meta.add(field("experiments.detail.seed", new Span(Long.toString(e.seed()))));
        meta.add(field("experiments.detail.configVersion", new Span(Integer.toString(e.configVersion()))));
        meta.add(field("experiments.detail.created", new Span(ExperimentTexts.date(e.createdAt(), getLocale()))));
        if (!e.updatedAt().equals(e.createdAt())) {
            meta.add(field("experiments.detail.updated", new Span(ExperimentTexts.date(e.updatedAt(), getLocale()))));
        }
        if (!e.tags().isEmpty()) {
            meta.add(field("experiments.detail.tags", new Span(String.join(", ", e.tags()))));
        }
        for (Map.Entry<String, Double> m : e.finalMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .toList()) {
            String value = ExperimentSummary.ACCURACY.equals(m.getKey())
                    ? ExperimentTexts.percent(m.getValue(), getLocale()) : ExperimentTexts.number(m.getValue());
            meta.add(labelled(m.getKey(), new Span(value)));
        }

        openInLab.setText(getTranslation("experiments.openInLab"));
        openInLab.setIcon(VaadinIcon.PLAY.create());
        openInLab.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        boolean available = LabRoutes.available(e.lab());
        openInLab.setEnabled(available);
        openInLab.setTooltipText(getTranslation(available ? "experiments.openInLab.tooltip"
                : "experiments.openInLab.unavailable"));

        exportJson.setText(getTranslation("experiments.export.json"));
        exportJson.setHref(DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = service.exportJson(CurrentUser.experimentOwner(), List.of(e.id()));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "experiment-" + e.id() + ".json",
                    "application/json", bytes.length);
        }));
        link.setHref("experiments/" + e.id());
        link.setText(getTranslation("experiments.detail.link") + ": /experiments/" + e.id());
        HorizontalLayout actions = new HorizontalLayout(openInLab, exportJson, link);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);

        notes.setText(e.notes().isBlank() ? getTranslation("experiments.detail.noNotes") : e.notes());
        notes.addClassName("experiment-notes");

        body.add(meta, actions, box("experiments.detail.notes", notes), curvesBox(e));
        if (e.picture() != null) {
            picture.setPicture(e.picture());
            // a saved picture's internals are gone: its lab names the usual quantity
            pictures.stream().filter(p -> p.lab().equals(e.lab())).findFirst()
                    .ifPresent(p -> picture.setValueLabel(getTranslation(p.valueKey(null))));
            body.add(box("experiments.detail.picture", picture));
        }
        config.setText(prettyJson(e.configJson()));
        config.addClassName("experiment-config");
        // the settings scroll sideways when long: a keyboard must reach them to scroll them
        config.getElement().setAttribute("tabindex", "0");
        Paragraph weights = new Paragraph(e.weightsJson() == null ? getTranslation("experiments.detail.weights.none")
                : getTranslation("experiments.detail.weights.size", e.weightsJson().length()));
        body.add(box("experiments.detail.config", config), box("experiments.detail.weights", weights));
    }

    private Div curvesBox(Experiment e) {
        Div box = box("experiments.detail.curves", curves);
        curves.setAxisLabels(getTranslation("experiments.axis.epoch"), getTranslation("experiments.axis.value"));
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < e.curves().size(); i++) {
            series.add(new LineChart.Series(e.curves().get(i).name(), Palette.colour(i)));
        }
        curves.setSeries(series);
        curves.setEmptyText(getTranslation("experiments.detail.noCurves"));
        for (int i = 0; i < e.curves().size(); i++) {
            Curve c = e.curves().get(i);
            curves.setPoints(i, c.x(), c.y());
            if (c.downsampled()) {
                box.add(new Paragraph(c.name() + ": " + getTranslation("experiments.detail.downsampled", c.size(),
                        c.recordedPoints())));
            }
        }
        return box;
    }

    private Div field(String key, com.vaadin.flow.component.Component... value) {
        return labelled(getTranslation(key), value);
    }

    private static Div labelled(String label, com.vaadin.flow.component.Component... value) {
        Span l = new Span(label);
        l.addClassName("experiment-meta-label");
        Div d = new Div(l);
        d.add(value);
        d.addClassName("experiment-meta-item");
        return d;
    }

    private Div box(String key, com.vaadin.flow.component.Component content) {
        PictureText.nameAll(getTranslation(key), content);
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        return box;
    }

    static String prettyJson(String json) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }
}
