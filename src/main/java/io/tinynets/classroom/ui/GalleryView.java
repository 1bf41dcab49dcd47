package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.Dates;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.GalleryEntry;
import io.tinynets.classroom.GalleryService;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ui.LabRoutes;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The class gallery: experiments shared with one of my classes, newest first; open one to see its settings, picture,
 * curves and notes (read-only) and open a copy of it in the lab; share one of my own experiments with the class.
 */
@Route("gallery")
// the opened run's dialog is built on a click: its web components come with this page's bundle chunk
@Uses(HeatMap.class)
@Uses(LineChart.class)
@PermitAll
@Menu(title = "nav.gallery", order = 21, icon = "vaadin:picture")
public class GalleryView extends VerticalLayout implements HasDynamicTitle {

    static final int PICTURE_PIXELS = 260;

    final Select<SchoolClass> classSelect = new Select<>();
    final Grid<GalleryEntry> grid = new Grid<>();
    final ComboBox<ExperimentSummary> mine = new ComboBox<>();
    final Button share = new Button();
    /** The open experiment, for tests. */
    Dialog opened;
    LineChart openedCurves;
    HeatMap openedPicture;
    Grid<Map.Entry<String, String>> openedSettings;
    Paragraph openedFigures;
    Button openInLab;

    private final GalleryService gallery;
    private final ExperimentService experiments;
    private final String user = CurrentUser.experimentOwner();

    /** What each lab's saved picture measures, for its colour bar. */
    private final List<LivePicture> pictures;

    GalleryView(GalleryService gallery, ClassService classes, ExperimentService experiments,
                List<LivePicture> pictures) {
        this.gallery = gallery;
        this.experiments = experiments;
        this.pictures = pictures;
        addClassName("lab-view");
        addClassName("gallery-view");
        add(new H2(getTranslation("classroom.gallery.title")), new Paragraph(getTranslation("classroom.gallery.intro")));
        classSelect.setLabel(getTranslation("classroom.classes.name"));
        classSelect.setItemLabelGenerator(SchoolClass::name);
        classSelect.setEmptySelectionAllowed(false);
        List<SchoolClass> mineClasses = classes.classes(user);
        classSelect.setItems(mineClasses);
        classSelect.addValueChangeListener(e -> refresh());

        mine.setLabel(getTranslation("classroom.gallery.mine"));
        mine.setItemLabelGenerator(ExperimentSummary::name);
        mine.setItems(experiments.list(user, null));
        mine.setWidth("20rem");
        mine.addValueChangeListener(e -> share.setEnabled(e.getValue() != null && classSelect.getValue() != null));
        share.setText(getTranslation("classroom.gallery.share"));
        share.setIcon(VaadinIcon.SHARE.create());
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        share.setEnabled(false);
        share.addClickListener(e -> shareSelected());
        HorizontalLayout tools = new HorizontalLayout(classSelect, mine, share);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);

        grid.addColumn(GalleryEntry::name).setHeader(getTranslation("classroom.gallery.name")).setFlexGrow(2);
        grid.addColumn(g -> labName(g.lab())).setHeader(getTranslation("classroom.dashboard.lab"));
        grid.addColumn(GalleryEntry::ownerName).setHeader(getTranslation("classroom.gallery.by"));
        grid.addColumn(g -> Dates.dateTime(g.sharedAt(), getLocale())).setHeader(getTranslation("classroom.gallery.when"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation(mineClasses.isEmpty() ? "classroom.gallery.noClass"
                : "classroom.gallery.empty"));
        grid.addItemClickListener(e -> open(e.getItem()));
        add(tools, grid);
        if (!mineClasses.isEmpty()) {
            classSelect.setValue(mineClasses.get(0));
        }
    }

    void refresh() {
        SchoolClass c = classSelect.getValue();
        grid.setItems(c == null ? List.of() : gallery.gallery(user, c.id()));
        share.setEnabled(mine.getValue() != null && c != null);
    }

    void shareSelected() {
        SchoolClass c = classSelect.getValue();
        ExperimentSummary e = mine.getValue();
        if (c == null || e == null) {
            return;
        }
        try {
            gallery.share(user, e.id(), c.id());
            Texts.success(getTranslation("classroom.gallery.shared", e.name(), c.name()));
            mine.clear();
            refresh();
        } catch (ClassroomException ex) {
            Texts.error(this, ex);
        }
    }

    void open(GalleryEntry entry) {
        Experiment e;
        Map<String, String> settings;
        try {
            e = gallery.open(user, entry.experimentId());
            settings = gallery.settings(user, entry.experimentId());
        } catch (ClassroomException ex) {
            Texts.error(this, ex);
            return;
        }
        opened = new Dialog();
        opened.setHeaderTitle(e.name() + " · " + entry.ownerName());
        opened.setWidth("min(64rem, 95vw)");
        Paragraph about = new Paragraph(getTranslation("classroom.gallery.about", labName(e.lab()),
                entry.ownerName(), Dates.dateTime(entry.sharedAt(), getLocale())));
        openedFigures = new Paragraph(figures(e));
        openedCurves = new LineChart(getTranslation("classroom.dashboard.epoch"),
                getTranslation("experiments.axis.value"));
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < e.curves().size(); i++) {
            series.add(new LineChart.Series(e.curves().get(i).name(), Palette.colour(i)));
        }
        openedCurves.setSeries(series);
        for (int i = 0; i < e.curves().size(); i++) {
            Curve curve = e.curves().get(i);
            openedCurves.setPoints(i, curve.x(), curve.y());
        }
        openedCurves.setPlotHeight(260);
        Div curves = new Div(openedCurves);
        curves.getStyle().set("flex", "1 1 24rem").set("min-width", "18rem");
        FlexLayout pictureAndCurves = new FlexLayout();
        pictureAndCurves.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        pictureAndCurves.getStyle().set("gap", "var(--lumo-space-m)");
        openedPicture = null;
        if (e.picture() != null) {
            // the lab's picture of the result as it was saved (decision boundary, reconstructions…)
            openedPicture = new HeatMap(PICTURE_PIXELS);
            openedPicture.setPicture(e.picture());
            valueKey(pictures, e.lab()).ifPresent(key -> openedPicture.setValueLabel(getTranslation(key)));
            pictureAndCurves.add(openedPicture);
        }
        pictureAndCurves.add(curves);
        openedSettings = new Grid<>();
        openedSettings.addColumn(row -> ControlNames.label(this, row.getKey()))
                .setHeader(getTranslation("classroom.submission.setting")).setFlexGrow(2);
        openedSettings.addColumn(Map.Entry::getValue).setHeader(getTranslation("classroom.gallery.value"))
                .setFlexGrow(3);
        openedSettings.setItems(new ArrayList<>(settings.entrySet()));
        openedSettings.setAllRowsVisible(true);
        openedSettings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Paragraph notes = new Paragraph(e.notes().isBlank() ? getTranslation("classroom.gallery.noNotes") : e.notes());
        notes.getStyle().set("white-space", "pre-wrap");
        opened.add(about, openedFigures, pictureAndCurves, new H3(getTranslation("classroom.gallery.settings")),
                openedSettings, new H3(getTranslation("classroom.gallery.notes")), notes);
        openInLab = new Button(getTranslation("classroom.gallery.openInLab"), VaadinIcon.FLASK.create(),
                ev -> openInLab(entry));
        openInLab.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        openInLab.setTooltipText(getTranslation("classroom.gallery.openInLab.tooltip"));
        openInLab.setEnabled(LabRoutes.available(e.lab()));
        opened.getFooter().add(new Button(getTranslation("classroom.close"), ev -> opened.close()), openInLab);
        opened.open();
    }

    /** The viewer's own copy of the shared run, opened in its lab; the classmate's original stays as it is. */
    void openInLab(GalleryEntry entry) {
        try {
            long copy = gallery.copyForViewer(user, entry.experimentId());
            if (opened != null) {
                opened.close();
            }
            if (!entry.owner().equals(user)) {
                Texts.success(getTranslation("classroom.gallery.copied", entry.name()));
            }
            LabRoutes.open(UI.getCurrent(), entry.lab(), copy);
        } catch (ClassroomException ex) {
            Texts.error(this, ex);
        }
    }

    /** "Training loss 0.0123 · test loss 0.0456 · accuracy 98.5 %", from the saved final figures. */
    private String figures(Experiment e) {
        List<String> parts = new ArrayList<>();
        for (String metric : Goal.METRICS) {
            Double v = e.finalMetrics().get(metric);
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            String value = metric.equals("accuracy") ? String.format(getLocale(), "%.1f %%", 100 * v)
                    : String.format(getLocale(), "%.4g", v);
            parts.add(AssignmentBar.metricName(this, metric) + " " + value);
        }
        String text = String.join(" · ", parts);
        return text.isEmpty() ? "" : text.substring(0, 1).toUpperCase(getLocale()) + text.substring(1);
    }

    private String labName(String lab) {
        return MenuConfiguration.getMenuEntries().stream()
                .filter(m -> lab.equals(m.path()) || ("/" + lab).equals(m.path())).findFirst()
                .map(m -> getTranslation(m.title())).orElse(lab);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.gallery.title") + " · " + getTranslation("app.name");
    }

    /** The key naming what a saved picture of this lab measures (its internals are gone: the lab's usual quantity). */
    static Optional<String> valueKey(List<LivePicture> pictures, String lab) {
        return pictures.stream().filter(p -> p.lab().equals(lab)).findFirst().map(p -> p.valueKey(null));
    }
}
