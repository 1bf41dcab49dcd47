package io.tinynets.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.DashboardService;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.classroom.StudentRun;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunState;
import io.tinynets.training.RunStatus;
import io.tinynets.training.Snapshot;
import io.tinynets.training.Subscription;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The teacher's live dashboard of one class: every student's current run (lab, state, epoch, loss), refreshed every
 * second, and a button to project one run live: the lab's own picture of it (decision boundary, gates,
 * reconstructions… from the lab's {@link LivePicture}), its latest figures and its loss curve. Read-only: the teacher
 * cannot control a student's run.
 */
@Route("dashboard/:classId([0-9]{1,18})")
// the projection dialog is built on a click: its web components must come with this page's bundle chunk (a
// production bundle loads a route's components with the route), or the picture stays undefined and unpainted
@Uses(HeatMap.class)
@Uses(LineChart.class)
@RolesAllowed({"TEACHER", "ADMIN"})
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int REFRESH_MILLIS = 1000;
    /** A projected picture is redrawn at most this often while the run trains, to keep the bytes to the room low. */
    static final long PICTURE_MILLIS = 500;
    static final int PICTURE_PIXELS = 360;

    final H2 title = new H2();
    final Grid<StudentRun> grid = new Grid<>();
    /** The rows, one per student, identified by username so a row can be refreshed in place. */
    private final List<StudentRun> rowList = new ArrayList<>();
    final ListDataProvider<StudentRun> rows = new ListDataProvider<>(rowList) {
        @Override
        public Object getId(StudentRun row) {
            return row.username();
        }
    };
    final Span summary = new Span();
    /** The open projection, for tests. */
    Dialog projection;
    LineChart projectedCurve;
    Span projectedState;
    /** The lab's picture of the projected run, its caption, or the line saying there is none. */
    HeatMap projectedPicture;
    Span projectedCaption;
    Paragraph noPicture;
    /** Epoch, train loss, test loss and accuracy of the latest point. */
    Span projectedFigures;
    /** How many row buttons were made: rows refreshed in place make none (tests read it). */
    int projectButtonsMade;
    /** The internals the picture was last drawn from (tests read it too). */
    Object drawnInternals;

    private final DashboardService dashboard;
    private final ClassService classes;
    private final Map<String, LivePicture> pictures;
    private final String user = CurrentUser.experimentOwner();
    private long classId = -1;
    private Subscription projected;
    private com.vaadin.flow.shared.Registration polling;
    private LivePicture projectedLab;
    private Picture drawnPicture;
    private LivePicture.Overlay drawnOverlay;
    private long pictureDrawnNanos;

    DashboardView(DashboardService dashboard, ClassService classes, List<LivePicture> pictures) {
        this.dashboard = dashboard;
        this.classes = classes;
        this.pictures = pictures.stream().collect(Collectors.toUnmodifiableMap(LivePicture::lab,
                Function.identity()));
        addClassName("lab-view");
        addClassName("dashboard-view");
        grid.addColumn(StudentRun::displayName).setHeader(getTranslation("classroom.dashboard.student"))
                .setFlexGrow(2);
        grid.addColumn(this::labText).setHeader(getTranslation("classroom.dashboard.lab")).setFlexGrow(2);
        grid.addColumn(r -> r.run().map(s -> getTranslation(s.state().messageKey()))
                        .orElse(getTranslation("classroom.dashboard.notTraining")))
                .setHeader(getTranslation("classroom.dashboard.state"));
        grid.addColumn(r -> r.run().map(s -> Long.toString(s.epoch())).orElse(""))
                .setHeader(getTranslation("classroom.dashboard.epoch"));
        // the training loss: what a run reports every epoch (an assignment's goal is judged on the test loss)
        grid.addColumn(r -> r.run().map(s -> number(s.trainLoss())).orElse(""))
                .setHeader(getTranslation("classroom.dashboard.trainLoss"));
        // the same button stays in its row while the figures change (a click must not land on a replaced element)
        grid.addColumn(new ComponentRenderer<>(this::projectButton, (button, row) -> {
            showProjectable((Button) button, row);
            return button;
        })).setHeader("").setKey("project").setWidth("4.5rem").setFlexGrow(0);
        grid.setItems(rows);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("classroom.dashboard.empty"));
        grid.setAllRowsVisible(true);
        add(title, new Paragraph(getTranslation("classroom.dashboard.intro")), summary, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("classId").orElse(-1L);
        try {
            SchoolClass c = classes.get(user, id);
            classes.members(user, id); // teacher of this class or admin, else refused
            classId = id;
            title.setText(getTranslation("classroom.dashboard.title", c.name()));
            refresh();
        } catch (ClassroomException e) {
            Texts.error(this, e);
            event.forwardTo(ClassesView.class);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(REFRESH_MILLIS);
        // removed on detach: the UI outlives this view, and a teacher may come back to the dashboard many times
        polling = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
        stopProjection();
    }

    /**
     * Reads the class's runs again (the poll calls this every second) and updates the rows in place: a row whose
     * figures changed is refreshed, its buttons stay; only a change of the class's students rebuilds the table.
     */
    void refresh() {
        if (classId < 0) {
            return;
        }
        List<StudentRun> fresh = dashboard.liveRuns(user, classId);
        boolean sameStudents = fresh.size() == rowList.size();
        for (int i = 0; sameStudents && i < fresh.size(); i++) {
            sameStudents = fresh.get(i).username().equals(rowList.get(i).username());
        }
        if (sameStudents) {
            for (int i = 0; i < fresh.size(); i++) {
                if (!fresh.get(i).equals(rowList.get(i))) {
                    rowList.set(i, fresh.get(i));
                    rows.refreshItem(fresh.get(i));
                }
            }
        } else {
            rowList.clear();
            rowList.addAll(fresh);
            rows.refreshAll();
        }
        long training = fresh.stream().filter(r -> r.run().map(s -> s.state() == RunState.RUNNING).orElse(false))
                .count();
        summary.setText(getTranslation("classroom.dashboard.summary", fresh.size(), training));
    }

    /** The eye button of a row, made once per row and kept while the row's figures change. */
    private Button projectButton(StudentRun row) {
        projectButtonsMade++;
        Button open = new Button(VaadinIcon.EYE.create());
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.setAriaLabel(getTranslation("classroom.dashboard.project"));
        String username = row.username();
        // the row as it is when clicked, not as it was when the button was made
        open.addClickListener(e -> current(username).ifPresent(r -> r.run().filter(s -> r.onThisServer())
                .ifPresent(s -> project(r, s))));
        showProjectable(open, row);
        return open;
    }

    private void showProjectable(Button open, StudentRun row) {
        open.setVisible(row.run().isPresent());
        // a run training in another instance's memory: its figures come through the database, its pictures cannot
        open.setEnabled(row.onThisServer());
        open.setTooltipText(getTranslation(row.onThisServer() ? "classroom.dashboard.project"
                : "classroom.dashboard.elsewhere"));
    }

    private Optional<StudentRun> current(String username) {
        return rowList.stream().filter(r -> r.username().equals(username)).findFirst();
    }

    /** "Network playground", or "Network playground (+1 more open)" for a student with a second tab. */
    private String labText(StudentRun r) {
        return r.run().map(s -> r.otherRuns() == 0 ? labName(s.labKey())
                : getTranslation("classroom.dashboard.otherRuns", labName(s.labKey()), r.otherRuns())).orElse("");
    }

    void project(StudentRun row, RunStatus status) {
        stopProjection();
        projection = new Dialog();
        projection.setHeaderTitle(row.displayName() + " · " + labName(status.labKey()));
        projection.setWidth("min(72rem, 95vw)");
        projectedCurve = new LineChart(getTranslation("classroom.dashboard.epoch"),
                getTranslation("classroom.dashboard.trainLoss"));
        projectedCurve.setSeries(List.of(new LineChart.Series(getTranslation("classroom.dashboard.trainLoss"),
                Palette.colour(0))));
        projectedCurve.setLogY(true);
        projectedCurve.setPlotHeight(PICTURE_PIXELS);
        projectedState = new Span();
        projectedFigures = new Span();
        projectedFigures.addClassName("dashboard-figures");
        projectedLab = pictures.get(status.labKey());
        drawnInternals = null;
        drawnPicture = null;
        drawnOverlay = null;
        pictureDrawnNanos = 0;
        projectedPicture = new HeatMap(PICTURE_PIXELS);
        projectedPicture.setVisible(false);
        projectedCaption = new Span();
        projectedCaption.setVisible(false);
        noPicture = new Paragraph(getTranslation(projectedLab == null ? "classroom.dashboard.picture.none"
                : "classroom.dashboard.picture.waiting"));
        VerticalLayout picture = new VerticalLayout(projectedCaption, projectedPicture, noPicture);
        picture.setPadding(false);
        picture.setSpacing(false);
        picture.setWidth(PICTURE_PIXELS + "px");
        VerticalLayout curve = new VerticalLayout(projectedState, projectedFigures, projectedCurve);
        curve.setPadding(false);
        curve.setSpacing(false);
        FlexLayout body = new FlexLayout(picture, curve);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.setAlignItems(FlexComponent.Alignment.START);
        body.setFlexGrow(1, curve);
        body.getStyle().set("gap", "var(--lumo-space-m)");
        curve.getStyle().set("min-width", "18rem");
        projection.add(body);
        projection.getFooter().add(new Button(getTranslation("classroom.close"), e -> projection.close()));
        projection.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                stopProjection();
            }
        });
        UI ui = UI.getCurrent();
        try {
            projected = dashboard.<Object>project(user, classId, status.runId(),
                    snapshot -> ui.access(() -> show(snapshot)));
        } catch (ClassroomException e) {
            Texts.error(this, e);
            return;
        }
        projection.open();
    }

    private void show(Snapshot<Object> s) {
        if (projectedCurve == null) {
            return;
        }
        if (s.fromStart()) {
            projectedCurve.reset();
        }
        List<MetricPoint> points = s.newPoints();
        if (!points.isEmpty()) {
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i).epoch();
                y[i] = points.get(i).trainLoss();
            }
            projectedCurve.appendPoints(0, x, y);
        }
        projectedState.setText(getTranslation(s.state().messageKey()) + " · "
                + getTranslation("classroom.dashboard.epoch") + " " + s.epoch());
        if (!points.isEmpty()) {
            projectedFigures.setText(figures(points.get(points.size() - 1)));
        } else if (s.fromStart()) {
            projectedFigures.setText("");
        }
        showPicture(s.internals(), s.state() != RunState.RUNNING);
    }

    /**
     * Redraws the lab's picture from new internals, at most every {@link #PICTURE_MILLIS} while the run trains
     * (a paused or ended run's last internals are always drawn); the grid and the points only when they changed
     * (a descent surface never does, only the walks on it).
     */
    private void showPicture(Object internals, boolean settled) {
        if (projectedLab == null || internals == null || internals == drawnInternals) {
            return;
        }
        long now = System.nanoTime();
        if (!settled && drawnInternals != null && now - pictureDrawnNanos < PICTURE_MILLIS * 1_000_000) {
            return;
        }
        drawnInternals = internals;
        pictureDrawnNanos = now;
        Optional<Picture> picture = projectedLab.of(internals);
        projectedPicture.setVisible(picture.isPresent());
        projectedCaption.setVisible(picture.isPresent());
        noPicture.setVisible(picture.isEmpty());
        if (picture.isEmpty()) {
            noPicture.setText(getTranslation("classroom.dashboard.picture.waiting"));
            return;
        }
        Picture p = picture.get();
        projectedCaption.setText(getTranslation(projectedLab.captionKey(internals)));
        projectedPicture.setValueLabel(getTranslation(projectedLab.valueKey(internals)));
        if (!p.equals(drawnPicture)) {
            drawGrid(p, projectedLab.colours(internals));
        }
        LivePicture.Overlay overlay = projectedLab.overlay(internals).orElse(null);
        if (overlay != null && !overlay.equals(drawnOverlay)) {
            projectedPicture.setDomain(overlay.xMin(), overlay.xMax(), overlay.yMin(), overlay.yMax());
            projectedPicture.setPoints(overlay.x(), overlay.y(), overlay.classes(), overlay.hollow());
            drawnOverlay = overlay;
        }
    }

    /** Keeps the picture's proportions within a {@link #PICTURE_PIXELS} square (a gate trace is wide or tall). */
    private void drawGrid(Picture p, LivePicture.Colours colours) {
        double scale = (double) PICTURE_PIXELS / Math.max(p.cols(), p.rows());
        projectedPicture.setSize((int) Math.round(p.cols() * scale));
        projectedPicture.setDisplayHeight((int) Math.round(p.rows() * scale));
        projectedPicture.setColorMap(HeatMap.ColorMap.valueOf(colours.name()));
        projectedPicture.setPicture(p);
        drawnPicture = p;
    }

    /** "Epoch 12 · train loss 0.1234 · test loss 0.2345 · accuracy 97.5 %", without what the lab does not have. */
    private String figures(MetricPoint p) {
        List<String> parts = new ArrayList<>();
        parts.add(getTranslation("classroom.dashboard.figures.epoch", String.valueOf(p.epoch())));
        parts.add(getTranslation("classroom.dashboard.figures.trainLoss", number(OptionalDouble.of(p.trainLoss()))));
        p.testLoss().ifPresent(v -> parts.add(getTranslation("classroom.dashboard.figures.testLoss",
                number(OptionalDouble.of(v)))));
        p.accuracy().ifPresent(v -> parts.add(getTranslation("classroom.dashboard.figures.accuracy",
                String.format(locale(), "%.1f %%", 100 * v))));
        return String.join(" · ", parts);
    }

    private void stopProjection() {
        if (projected != null) {
            projected.close();
            projected = null;
        }
    }

    private String labName(String lab) {
        return MenuConfiguration.getMenuEntries().stream()
                .filter(e -> lab.equals(e.path()) || ("/" + lab).equals(e.path())).findFirst()
                .map(e -> getTranslation(e.title())).orElse(lab);
    }

    private String number(OptionalDouble v) {
        if (v.isEmpty()) {
            return "";
        }
        return String.format(locale(), "%.4g", v.getAsDouble());
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }

    @Override
    public String getPageTitle() {
        return title.getText() + " · " + getTranslation("app.name");
    }
}
