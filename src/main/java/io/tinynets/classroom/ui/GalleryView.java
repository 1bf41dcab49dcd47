package io.tinynets.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.GalleryEntry;
import io.tinynets.classroom.GalleryService;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The class gallery: experiments shared with one of my classes, newest first; open one to see its curves and notes
 * (read-only); share one of my own experiments with the class.
 */
@Route("gallery")
@PermitAll
@Menu(title = "nav.gallery", order = 21, icon = "vaadin:picture")
public class GalleryView extends VerticalLayout implements HasDynamicTitle {

    final Select<SchoolClass> classSelect = new Select<>();
    final Grid<GalleryEntry> grid = new Grid<>();
    final ComboBox<ExperimentSummary> mine = new ComboBox<>();
    final Button share = new Button();
    /** The open experiment, for tests. */
    Dialog opened;
    LineChart openedCurves;

    private final GalleryService gallery;
    private final ExperimentService experiments;
    private final String user = CurrentUser.experimentOwner();

    GalleryView(GalleryService gallery, ClassService classes, ExperimentService experiments) {
        this.gallery = gallery;
        this.experiments = experiments;
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

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.addColumn(GalleryEntry::name).setHeader(getTranslation("classroom.gallery.name")).setFlexGrow(2);
        grid.addColumn(g -> labName(g.lab())).setHeader(getTranslation("classroom.dashboard.lab"));
        grid.addColumn(GalleryEntry::ownerName).setHeader(getTranslation("classroom.gallery.by"));
        grid.addColumn(g -> when.format(g.sharedAt())).setHeader(getTranslation("classroom.gallery.when"));
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
        try {
            e = gallery.open(user, entry.experimentId());
        } catch (ClassroomException ex) {
            Texts.error(this, ex);
            return;
        }
        opened = new Dialog();
        opened.setHeaderTitle(e.name() + " · " + entry.ownerName());
        opened.setWidth("min(56rem, 95vw)");
        openedCurves = new LineChart(getTranslation("classroom.dashboard.epoch"), "");
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < e.curves().size(); i++) {
            series.add(new LineChart.Series(e.curves().get(i).name(), Palette.colour(i)));
        }
        openedCurves.setSeries(series);
        for (int i = 0; i < e.curves().size(); i++) {
            Curve curve = e.curves().get(i);
            openedCurves.setPoints(i, curve.x(), curve.y());
        }
        openedCurves.setPlotHeight(300);
        Paragraph notes = new Paragraph(e.notes().isBlank() ? getTranslation("classroom.gallery.noNotes") : e.notes());
        notes.getStyle().set("white-space", "pre-wrap");
        opened.add(new Paragraph(labName(e.lab())), openedCurves, notes);
        opened.getFooter().add(new Button(getTranslation("classroom.close"), ev -> opened.close()));
        opened.open();
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
}
