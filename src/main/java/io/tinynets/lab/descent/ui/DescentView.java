package io.tinynets.lab.descent.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.LabLayout;
import io.tinynets.base.ui.LabText;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.PublicView;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.TrainingControls;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.Provenance;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.ReopenedExperimentBar;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.DescentInternals;
import io.tinynets.lab.descent.DescentPicture;
import io.tinynets.lab.descent.DescentTrainer;
import io.tinynets.lab.descent.LineFitSurface;
import io.tinynets.lab.descent.RacerSnapshot;
import io.tinynets.lab.descent.RacerStatus;
import io.tinynets.lab.descent.Surface;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.lab.descent.SurfaceMap;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunSettings;
import io.tinynets.training.Snapshot;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import io.tinynets.training.picture.Picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Gradient descent lab: a surface as a heat map, optimizers racing from a clicked start with their paths and
 * arrows drawn live, the loss gap on a log axis, and plain words when a rate is too large or too small.
 */
@PublicView
@Route("descent")
@Menu(title = "nav.descent", order = 2, icon = "vaadin:trending-down")
class DescentView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String LAB_KEY = "descent";
    /** Saved per-racer curves of f along the walk are named "f · sgd", "f · adam"… */
    static final String RACER_LOSS = "f · ";

    static final int MAP_PIXELS = 360;
    static final int GRID = SurfaceMap.GRID;
    /** At most this many new path points per racer per update: a long fast walk stays a light update. */
    static final int MAX_NEW_PATH_POINTS = 40;
    static final int MAX_NEW_LOSS_POINTS = 120;
    static final double LOG_LR_MIN = Math.log10(DescentConfig.MIN_LEARNING_RATE);
    static final double LOG_LR_MAX = Math.log10(DescentConfig.MAX_LEARNING_RATE);
    static final double DEFAULT_LR = 0.05;
    static final double FLOOR = 1e-16;

    /** The form's values, bound field by field with validation. */
    static final class Form {
        private Double momentum = 0.9;
        private Double beta1 = 0.9;
        private Double beta2 = 0.999;
        private Double rho = 0.9;
        private Double startX;
        private Double startY;

        Double getMomentum() { return momentum; }
        void setMomentum(Double v) { momentum = v; }
        Double getBeta1() { return beta1; }
        void setBeta1(Double v) { beta1 = v; }
        Double getBeta2() { return beta2; }
        void setBeta2(Double v) { beta2 = v; }
        Double getRho() { return rho; }
        void setRho(Double v) { rho = v; }
        Double getStartX() { return startX; }
        void setStartX(Double v) { startX = v; }
        Double getStartY() { return startY; }
        void setStartY(Double v) { startY = v; }
    }

    final Select<SurfaceKind> surface = new Select<>();
    final CheckboxGroup<OptimizerKind> optimizers = new CheckboxGroup<>();
    final RangeSlider learningRate = new RangeSlider(LOG_LR_MIN, LOG_LR_MAX, 0.01, Math.log10(DEFAULT_LR));
    final Span learningRateValue = new Span();
    final NumberField momentum = new NumberField();
    final NumberField beta1 = new NumberField();
    final NumberField beta2 = new NumberField();
    final NumberField rho = new NumberField();
    final NumberField startX = new NumberField();
    final NumberField startY = new NumberField();
    final Binder<Form> binder = new Binder<>();
    final Form form = new Form();
    final Div statuses = new Div();
    final Div rules = new Div();
    final HeatMap map = new HeatMap(MAP_PIXELS);
    final PathOverlay overlay = new PathOverlay(MAP_PIXELS);
    final HeatMap fitMap = new HeatMap(MAP_PIXELS);
    final PathOverlay fitLines = new PathOverlay(MAP_PIXELS);
    final Div fitBox;
    final LineChart lossChart = new LineChart();
    final LiveTraining<DescentInternals> training;
    final TrainingControls controls;

    private Surface current;
    private List<OptimizerKind> racing = List.of();
    private int[] pathSent = new int[0];
    private int[] lossSent = new int[0];
    /** Set while the form is filled from code, so listeners do not treat it as the student's change. */
    private boolean updating = true; // until the constructor has built everything
    final Button saveExperiment;
    final ReopenedExperimentBar reopened;
    final AssignmentBar assignment;
    private final ExperimentService experiments;
    /** The opened experiment's per-racer curves, drawn dashed behind the live ones. */
    private List<Curve> ghosts = List.of();
    /** The surface as drawn, the race's config and the latest internals: what a saved experiment holds. */
    private Picture surfacePicture;
    private DescentConfig runConfig;
    DescentInternals lastInternals;

    DescentView(TrainingService service, ExperimentService experiments, AssignmentService assignments) {
        this.experiments = experiments;
        training = new LiveTraining<>(this, service, LAB_KEY, this::apply);
        controls = new TrainingControls(training, this::ensureRun);
        saveExperiment = SaveExperimentDialog.button(experiments, this::draft);
        reopened = new ReopenedExperimentBar(LAB_KEY, experiments, this::restore);
        assignment = new AssignmentBar(LAB_KEY, assignments, experiments, this::restore, this::draft,
                this::applyLocks);
        setSizeFull();
        addClassName("lab-view");
        addClassName("descent-lab");
        add(new H2(getTranslation("descent.title")), new Paragraph(getTranslation("descent.intro")));

        VerticalLayout controlColumn = new VerticalLayout(assignment, configureSurface(), configureOptimizers(),
                configureLearningRate(), configureHyperparameters(), configureStart(), controls, saveExperiment, reopened,
                statuses, rules,
                LabText.explanation(this, "descent.explain", 4), LabText.tryThis(this, "descent.try", 4));
        statuses.addClassName("descent-statuses");
        rules.addClassName("descent-rules");

        fitBox = titled("descent.chart.fit", plot(fitMap, fitLines));
        fitBox.add(new Paragraph(getTranslation("descent.fit.caption")));
        Div mapBox = titled("descent.chart.surface", plot(map, overlay));
        mapBox.add(new Paragraph(getTranslation("descent.surface.caption")));
        HorizontalLayout row = new HorizontalLayout(mapBox, fitBox);
        row.setWidthFull();
        row.addClassName("chart-row");
        row.getStyle().set("flex-wrap", "wrap");
        lossChart.setAxisLabels(getTranslation("descent.loss.axis"), getTranslation("descent.loss.gap"));
        lossChart.setLogY(true);
        lossChart.setEmptyText(getTranslation("descent.loss.empty"));
        Div lossBox = titled("descent.chart.loss", lossChart);
        VerticalLayout charts = new VerticalLayout(row, lossBox);

        HorizontalLayout body = LabLayout.body(controlColumn, charts);
        add(body);
        map.addGridClickListener(e -> setStart(e.getX(), e.getY()));
        updating = false;
        showSurface(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("descent.title") + " · " + getTranslation("app.name");
    }

    private Select<SurfaceKind> configureSurface() {
        surface.setLabel(getTranslation("descent.surface"));
        surface.setItems(SurfaceKind.values());
        surface.setItemLabelGenerator(k -> getTranslation("descent.surface." + k.key()));
        surface.setValue(SurfaceKind.RAVINE);
        surface.setTooltipText(getTranslation("descent.surface.tooltip"));
        surface.setWidthFull();
        surface.addValueChangeListener(e -> {
            if (!updating) {
                showSurface(true);
            }
        });
        return surface;
    }

    private CheckboxGroup<OptimizerKind> configureOptimizers() {
        optimizers.setLabel(getTranslation("descent.optimizers"));
        optimizers.setItems(OptimizerKind.values());
        optimizers.setItemLabelGenerator(this::name);
        optimizers.setValue(Set.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAM));
        optimizers.setTooltipText(getTranslation("descent.optimizers.tooltip"));
        optimizers.addValueChangeListener(e -> {
            optimizers.setInvalid(e.getValue().isEmpty());
            optimizers.setErrorMessage(getTranslation("descent.optimizers.required"));
            if (!updating) {
                showSurface(false);
            }
        });
        return optimizers;
    }

    private Div configureLearningRate() {
        learningRate.setWidthFull();
        learningRate.setAriaLabel(getTranslation("descent.lr"));
        learningRate.setTooltipText(getTranslation("descent.lr.tooltip"));
        learningRate.addValueChangeListener(e -> {
            learningRateValue.setText(format(lr()));
            if (training.hasRun()) {
                training.setLearningRate(lr()); // live: velocities and moments are kept
                if (runConfig != null) {
                    // a saved experiment records the rate in effect now (and an assignment checks it)
                    runConfig = runConfig.withLearningRate(lr());
                }
            }
        });
        learningRateValue.setText(format(lr()));
        Span label = new Span(getTranslation("descent.lr") + " η = ");
        label.addClassName("field-label");
        Div box = new Div(new Div(label, learningRateValue), learningRate);
        box.setWidthFull();
        return box;
    }

    private Div configureHyperparameters() {
        bindDecay(momentum, "descent.momentum", "μ", Form::getMomentum, Form::setMomentum);
        bindDecay(beta1, "descent.beta1", "β₁", Form::getBeta1, Form::setBeta1);
        bindDecay(beta2, "descent.beta2", "β₂", Form::getBeta2, Form::setBeta2);
        bindDecay(rho, "descent.rho", "ρ", Form::getRho, Form::setRho);
        Div box = new Div(momentum, beta1, beta2, rho);
        box.addClassName("descent-hyper");
        return box;
    }

    private void bindDecay(NumberField field, String key, String symbol,
                           com.vaadin.flow.function.ValueProvider<Form, Double> getter,
                           com.vaadin.flow.data.binder.Setter<Form, Double> setter) {
        field.setLabel(symbol);
        field.setTooltipText(getTranslation(key + ".tooltip"));
        field.setWidth("5.5rem");
        binder.forField(field).asRequired(getTranslation("descent.decay.required"))
                .withValidator(v -> v >= 0 && v < 1, getTranslation("descent.decay.range"))
                .bind(getter, setter);
        field.addValueChangeListener(e -> {
            if (!updating) {
                showSurface(false);
            }
        });
    }

    private Div configureStart() {
        startX.setLabel(getTranslation("descent.start.x"));
        startY.setLabel(getTranslation("descent.start.y"));
        startX.setTooltipText(getTranslation("descent.start.tooltip"));
        startY.setTooltipText(getTranslation("descent.start.tooltip"));
        startX.setWidth("7.5rem");
        startY.setWidth("7.5rem");
        binder.forField(startX).asRequired(getTranslation("descent.start.required"))
                .withValidator(v -> current == null || v >= current.domain().xMin() && v <= current.domain().xMax(),
                        getTranslation("descent.start.outside"))
                .bind(Form::getStartX, Form::setStartX);
        binder.forField(startY).asRequired(getTranslation("descent.start.required"))
                .withValidator(v -> current == null || current.dimensions() == 1
                                || v >= current.domain().yMin() && v <= current.domain().yMax(),
                        getTranslation("descent.start.outside"))
                .bind(Form::getStartY, Form::setStartY);
        startX.addValueChangeListener(e -> startChanged());
        startY.addValueChangeListener(e -> startChanged());
        binder.setBean(form);
        binder.addStatusChangeListener(e -> updateValidity());
        Div box = new Div(startX, startY);
        box.addClassName("descent-start");
        return box;
    }

    private void startChanged() {
        if (!updating) {
            showSurface(false);
        }
    }

    /** A click on the map: the new start of every racer. */
    void setStart(double x, double y) {
        if (assignment.locked("start")) {
            // the assignment fixes where the race starts: a click would make the run differ from it
            LabExperimentSupport.error(getTranslation("classroom.assignmentBar.locked"));
            return;
        }
        Surface.Domain d = current.domain();
        updating = true;
        startX.setValue(round(clamp(x, d.xMin(), d.xMax())));
        if (current.dimensions() == 2) {
            startY.setValue(round(clamp(y, d.yMin(), d.yMax())));
        }
        updating = false;
        showSurface(false);
    }

    /** Redraws the surface and forgets the run: the next play starts a new race from the current form. */
    private void showSurface(boolean newSurface) {
        if (newSurface) {
            ghosts = List.of(); // an opened experiment's walks belong to its surface
        }
        training.discard();
        runConfig = null;
        lastInternals = null;
        updateSaveButton();
        if (reopened != null) {
            reopened.showChanged();
        }
        controls.showReady();
        current = surface.getValue().create();
        if (newSurface) {
            updating = true;
            double[] start = current.defaultStart();
            startX.setValue(start[0]);
            startY.setValue(current.dimensions() == 2 ? start[1] : 0.0);
            updating = false;
        }
        startY.setVisible(current.dimensions() == 2);
        startX.setLabel(getTranslation(current instanceof LineFitSurface ? "descent.start.w" : "descent.start.x"));
        startY.setLabel(getTranslation(current instanceof LineFitSurface ? "descent.start.b" : "descent.start.y"));
        racing = selected();
        SurfaceMap surfaceMap = SurfaceMap.of(current);
        double[] view = surfaceMap.rect();
        map.setColorMap(HeatMap.ColorMap.valueOf(DescentPicture.colours(current).name()));
        map.setLegendVisible(false); // the caption says darker is lower; values matter less than shape
        map.setGrid(GRID, GRID, surfaceMap.grid(), surfaceMap.min(), surfaceMap.max());
        surfacePicture = surfaceMap.picture();
        map.setDomain(view[0], view[1], view[2], view[3]);
        overlay.setDomain(view[0], view[1], view[2], view[3]);
        List<String> colours = new ArrayList<>(racing.stream().map(DescentView::colour).toList());
        if (current.dimensions() == 1) {
            colours.add("#555555"); // the curve itself, drawn as the last path
        }
        overlay.setPaths(colours);
        overlay.setMinima(current.dimensions() == 2 ? current.knownMinima()
                : current.knownMinima().stream().map(m -> new double[] {m[0], current.value(m)}).toList());
        if (current.dimensions() == 1) {
            List<double[][]> curve = new ArrayList<>();
            racing.forEach(k -> curve.add(null));
            curve.add(SurfaceMap.curveSamples(current));
            overlay.appendPaths(curve);
        }
        List<LineChart.Series> series = new ArrayList<>(racing.stream()
                .map(k -> new LineChart.Series(name(k), colour(k))).toList());
        for (Curve g : ghosts) {
            series.add(new LineChart.Series(getTranslation("descent.experiment.ghost",
                    OptimizerKind.fromKey(g.name().substring(RACER_LOSS.length())).map(this::name)
                            .orElse(g.name())), "#999999", true));
        }
        lossChart.setSeries(series);
        drawGhosts();
        fitBox.setVisible(current instanceof LineFitSurface);
        if (current instanceof LineFitSurface fit) {
            showScatter(fit);
        }
        showStartPoints();
        pathSent = new int[racing.size()];
        lossSent = new int[racing.size()];
        showRules();
        statuses.removeAll();
        updateValidity();
    }

    /** The start point as each racer's first path point, before any run exists. */
    private void showStartPoints() {
        if (!binder.isValid() || racing.isEmpty()) {
            return;
        }
        double[] s = startPoint();
        double[] p = current.dimensions() == 2 ? s : new double[] {s[0], current.value(s)};
        List<double[][]> first = new ArrayList<>();
        racing.forEach(k -> first.add(new double[][] {p}));
        overlay.appendPaths(first);
        if (current instanceof LineFitSurface) {
            fitLines.replacePaths(racing.stream().map(k -> fittedLine(s)).toList());
        }
    }

    private void showScatter(LineFitSurface fit) {
        double[] xs = fit.xs();
        double[] ys = fit.ys();
        double[] rect = fitRect(xs, ys);
        fitMap.setColorMap(HeatMap.ColorMap.DIVERGING);
        fitMap.setLegendVisible(false);
        fitMap.setGrid(1, 1, new double[] {0}, -1, 1);
        fitMap.setDomain(rect[0], rect[1], rect[2], rect[3]);
        fitMap.setPoints(xs, ys, new int[xs.length], null);
        fitLines.setDomain(rect[0], rect[1], rect[2], rect[3]);
        fitLines.setPaths(racing.stream().map(DescentView::colour).toList());
    }

    /** Builds the run from the form when none exists; false (and field messages) while the form is invalid. */
    boolean ensureRun() {
        if (training.hasRun()) {
            return true;
        }
        if (!binder.validate().isOk() || racing.isEmpty()) {
            optimizers.setInvalid(racing.isEmpty());
            return false;
        }
        DescentConfig config;
        try {
            config = formConfig();
        } catch (IllegalArgumentException e) {
            statuses.removeAll();
            statuses.add(new Paragraph(e.getMessage()));
            return false;
        }
        return createRun(config, 0, null);
    }

    private DescentConfig formConfig() {
        return new DescentConfig(surface.getValue(), racing, lr(), form.getMomentum(), form.getBeta1(),
                form.getBeta2(), form.getRho(), startPoint());
    }

    /** Where the current run's figures come from: trained here from the seed, or from weights it did not train. */
    private Provenance runProvenance = Provenance.MEASURED;

    /** A READY race: every racer at the start, or each at its saved position (applied as the trainer is built). */
    private boolean createRun(DescentConfig config, long seed, String savedPositions) {
        boolean created;
        try {
            // the service checks that the positions fit before it builds anything
            created = training.create(DescentTrainer.factory(config, savedPositions),
                    RunSettings.seeded(seed).withSpeed(controls.selectedSpeed()));
        } catch (IllegalArgumentException e) {
            LabExperimentSupport.error(getTranslation("descent.experiment.unreadable", "", e.getMessage()));
            return false;
        }
        runConfig = created ? config : null;
        runProvenance = Provenance.MEASURED;
        lastInternals = null;
        updateSaveButton();
        return created;
    }

    private void apply(Snapshot<DescentInternals> snapshot) {
        DescentInternals in = snapshot.internals();
        if (in == null || in.racers().size() != racing.size()) {
            return;
        }
        if (snapshot.fromStart()) {
            overlay.setPaths(overlay.colours());
            if (current.dimensions() == 1) {
                List<double[][]> curve = new ArrayList<>();
                racing.forEach(k -> curve.add(null));
                curve.add(SurfaceMap.curveSamples(current));
                overlay.appendPaths(curve);
            }
            lossChart.reset();
            drawGhosts();
            pathSent = new int[racing.size()];
            lossSent = new int[racing.size()];
        }
        lastInternals = in;
        updateSaveButton();
        List<double[][]> newPoints = new ArrayList<>();
        List<double[]> arrows = new ArrayList<>();
        double[] rect = viewRect();
        double arrowScale = (rect[1] - rect[0]) / 10;
        for (int i = 0; i < racing.size(); i++) {
            RacerSnapshot r = in.racers().get(i);
            newPoints.add(pathTail(r, i));
            appendLoss(r, i);
            arrows.add(arrow(r, arrowScale));
        }
        overlay.appendPaths(newPoints);
        overlay.setArrows(arrows);
        if (current instanceof LineFitSurface) {
            fitLines.replacePaths(in.racers().stream().map(r -> fittedLine(r.position())).toList());
        }
        showStatuses(in);
    }

    // ---- experiments -----------------------------------------------------------------------------------------

    private void drawGhosts() {
        int first = lossChart.getSeries().size() - ghosts.size();
        double minimum = current.minimumValue();
        for (int i = 0; i < ghosts.size() && first >= 0; i++) {
            double[] y = ghosts.get(i).y().clone();
            for (int k = 0; k < y.length; k++) {
                double gap = y[k] - minimum;
                y[k] = Double.isFinite(gap) ? Math.max(gap, FLOOR) : gap;
            }
            lossChart.setPoints(first + i, ghosts.get(i).x(), y);
        }
    }

    private boolean canSave() {
        return training.hasRun() && runConfig != null && lastInternals != null && lastInternals.steps() >= 1;
    }

    private void updateSaveButton() {
        if (saveExperiment != null) {
            LabExperimentSupport.saveButtonState(saveExperiment, canSave(),
                    getTranslation("descent.experiment.saveDisabled"));
        }
        if (assignment != null) {
            assignment.setCanSubmit(canSave());
        }
    }

    /**
     * The race as an experiment, from the run's history (a synchronized copy) and the latest internals (immutable,
     * with every racer's whole walk): the live trainer is never touched. The "weights" are the racers' positions.
     */
    ExperimentDraft draft() {
        TrainingRun<DescentInternals> run = training.run().orElse(null);
        if (run == null || !canSave()) {
            throw new IllegalStateException("nothing to save yet: take at least one step");
        }
        DescentInternals in = lastInternals;
        List<MetricPoint> history = run.history();
        List<Curve> curves = new ArrayList<>(LabExperimentSupport.curves(history, in.steps()));
        Map<String, Double> metrics = new LinkedHashMap<>(LabExperimentSupport.finalMetrics(history, in.steps()));
        for (RacerSnapshot r : in.racers()) {
            int n = r.losses().length();
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = k;
            }
            curves.add(Curve.of(RACER_LOSS + r.kind().key(), x, r.losses().tail(0)));
            if (Double.isFinite(r.loss()) && r.status() != RacerStatus.DIVERGED) {
                metrics.put(RACER_LOSS + r.kind().key(), r.loss());
            }
        }
        String name = getTranslation("descent.experiment.name",
                getTranslation("descent.surface." + runConfig.surface().key()), format(runConfig.learningRate()),
                String.valueOf(in.steps()));
        return new ExperimentDraft(LAB_KEY, name, "", List.of(), DescentConfigJson.write(runConfig),
                DescentConfigJson.VERSION, run.seed(), curves, metrics, DescentTrainer.positionsJson(in),
                surfacePicture).withProvenance(runProvenance);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!assignment.beforeEnter(event)) {
            reopened.beforeEnter(event);
        }
    }

    /**
     * Greys out what an open assignment locks, by the config field each control writes (see DescentConfigJson).
     * Picking another surface also moves the start to that surface's default, so the surface is locked whenever the
     * start is: otherwise a student could only hand in a race the server refuses. A click on the map that would move
     * a locked start is refused in {@link #setStart}.
     */
    void applyLocks() {
        assignment.lock("surface", surface);
        assignment.lock("start", startX, startY, surface);
        assignment.lock("optimizers", optimizers);
        assignment.lock("learningRate", learningRate);
        assignment.lock("momentum", momentum);
        assignment.lock("beta1", beta1);
        assignment.lock("beta2", beta2);
        assignment.lock("rho", rho);
    }

    /** The saved config in the form, the saved walks' curves dashed, and a READY race (from the start or saved points). */
    boolean restore(Experiment e, boolean continueTraining) {
        DescentConfig c;
        try {
            c = DescentConfigJson.read(e.configJson(), e.configVersion());
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("descent.experiment.unreadable", e.name(),
                    LabExperimentSupport.reason(this, ex)));
            return false;
        }
        if (continueTraining && e.weightsJson() == null) {
            LabExperimentSupport.error(getTranslation("descent.experiment.noWeights", e.name()));
            return false;
        }
        double logLr = Math.log10(c.learningRate());
        if (logLr < learningRate.getMin() || logLr > learningRate.getMax()) {
            LabExperimentSupport.error(getTranslation("descent.experiment.unreadable", e.name(),
                    getTranslation("descent.experiment.outOfRange")));
            return false;
        }
        updating = true;
        surface.setValue(c.surface());
        optimizers.setValue(new LinkedHashSet<>(c.optimizers()));
        learningRate.setValue(logLr);
        momentum.setValue(c.momentum());
        beta1.setValue(c.beta1());
        beta2.setValue(c.beta2());
        rho.setValue(c.rho());
        double[] start = c.start();
        startX.setValue(start[0]);
        startY.setValue(start.length == 2 ? start[1] : 0.0);
        updating = false;
        ghosts = e.curves().stream().filter(curve -> curve.name().startsWith(RACER_LOSS)).toList();
        showSurface(false);
        DescentConfig config;
        try {
            if (!binder.validate().isOk() || racing.isEmpty()) {
                throw new IllegalArgumentException(getTranslation("descent.experiment.outOfRange"));
            }
            config = formConfig();
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("descent.experiment.unreadable", e.name(), ex.getMessage()));
            return false;
        }
        boolean created = createRun(config, e.seed(), continueTraining ? e.weightsJson() : null);
        if (created && continueTraining) {
            runProvenance = e.provenance().continued();
        }
        return created;
    }

    /** New path points since the last update, thinned evenly to at most MAX_NEW_PATH_POINTS (the last one kept). */
    private double[][] pathTail(RacerSnapshot r, int i) {
        int n = r.xs().length();
        int from = pathSent[i];
        pathSent[i] = n;
        int count = n - from;
        if (count <= 0) {
            return null;
        }
        int take = Math.min(count, MAX_NEW_PATH_POINTS);
        double[][] out = new double[take][];
        for (int k = 0; k < take; k++) {
            int idx = from + (int) Math.round((k + 1) * (double) count / take) - 1;
            out[k] = new double[] {r.xs().get(idx), r.ys().get(idx)};
        }
        return out;
    }

    private void appendLoss(RacerSnapshot r, int i) {
        int n = r.losses().length();
        int from = lossSent[i];
        lossSent[i] = n;
        int count = n - from;
        if (count <= 0) {
            return;
        }
        int take = Math.min(count, MAX_NEW_LOSS_POINTS);
        double[] x = new double[take];
        double[] y = new double[take];
        for (int k = 0; k < take; k++) {
            int idx = from + (int) Math.round((k + 1) * (double) count / take) - 1;
            x[k] = idx;
            double gap = r.losses().get(idx) - r.minimum();
            y[k] = Double.isFinite(gap) ? Math.max(gap, FLOOR) : gap;
        }
        lossChart.appendPoints(i, x, y);
    }

    /** −∇f (and −v) at the current point; on a 1D surface the arrow lies along x, on the curve. */
    private double[] arrow(RacerSnapshot r, double scale) {
        if (r.status() == RacerStatus.DIVERGED) {
            return null;
        }
        double[] p = r.position();
        double[] g = r.gradient();
        double[] v = r.velocity() == null ? new double[g.length] : r.velocity();
        if (current.dimensions() == 1) {
            return new double[] {p[0], r.loss(), -Math.signum(g[0]) * scale, 0, -Math.signum(v[0]) * scale, 0};
        }
        double gn = Math.hypot(g[0], g[1]);
        double vn = Math.hypot(v[0], v[1]);
        return new double[] {p[0], p[1], gn > 0 ? -g[0] / gn * scale : 0, gn > 0 ? -g[1] / gn * scale : 0,
                vn > 0 ? -v[0] / vn * scale : 0, vn > 0 ? -v[1] / vn * scale : 0};
    }

    private void showStatuses(DescentInternals in) {
        statuses.removeAll();
        String lrText = format(lr());
        for (int i = 0; i < racing.size(); i++) {
            RacerSnapshot r = in.racers().get(i);
            String suggestion = switch (r.status()) {
                case DIVERGED, OVERSHOOTING, OSCILLATING -> format(lr() / 10);
                case CRAWLING -> format(Math.min(lr() * 10, Math.pow(10, LOG_LR_MAX)));
                default -> lrText;
            };
            Span dot = new Span("●");
            dot.getStyle().set("color", colour(r.kind()));
            Paragraph line = new Paragraph(dot, new Span(" " + getTranslation(r.status().messageKey(),
                    name(r.kind()), lrText, suggestion, format(r.loss()))));
            line.addClassName("descent-status");
            line.getElement().setAttribute("data-status", r.status().name().toLowerCase(Locale.ROOT));
            statuses.add(line);
        }
    }

    private void showRules() {
        rules.removeAll();
        if (racing.isEmpty()) {
            rules.add(new Paragraph(getTranslation("descent.optimizers.required")));
            return;
        }
        rules.add(new H3(getTranslation("descent.rules")));
        for (OptimizerKind k : racing) {
            Paragraph p = new Paragraph(getTranslation("descent.rule." + k.key()));
            p.getStyle().set("border-left", "4px solid " + colour(k));
            p.addClassName("descent-rule");
            rules.add(p);
        }
    }

    private void updateValidity() {
        boolean ok = binder.isValid() && !selected().isEmpty();
        controls.playButton().setEnabled(ok || training.hasRun());
    }

    /** The drawn rectangle: the domain, or for a 1D surface x by the range of f(x). */
    double[] viewRect() {
        return SurfaceMap.viewRect(current);
    }

    private double[][] fittedLine(double[] wb) {
        LineFitSurface fit = (LineFitSurface) current;
        double[] rect = fitRect(fit.xs(), fit.ys());
        return new double[][] {{rect[0], wb[0] * rect[0] + wb[1]}, {rect[1], wb[0] * rect[1] + wb[1]}};
    }

    private static double[] fitRect(double[] xs, double[] ys) {
        double lo = Arrays.stream(ys).min().orElse(0);
        double hi = Arrays.stream(ys).max().orElse(1);
        return new double[] {-0.5, 3.5, lo - 2, hi + 2};
    }

    double[] startPoint() {
        return current.dimensions() == 2 ? new double[] {form.getStartX(), form.getStartY()}
                : new double[] {form.getStartX()};
    }

    double lr() {
        // two significant digits: the slider moves in decades, the student reads a round number
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, learningRate.getValue())));
    }

    List<OptimizerKind> selected() {
        Set<OptimizerKind> chosen = new LinkedHashSet<>(optimizers.getValue());
        return Arrays.stream(OptimizerKind.values()).filter(chosen::contains).toList();
    }

    Surface currentSurface() {
        return current;
    }

    private Div plot(HeatMap heat, PathOverlay paths) {
        Div plot = new Div(heat, paths);
        plot.addClassName("descent-plot");
        return plot;
    }

    private Div titled(String key, Component content) {
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        return box;
    }

    String name(OptimizerKind k) {
        return getTranslation("descent.optimizer." + k.key());
    }

    static String colour(OptimizerKind k) {
        return Palette.colour(k.ordinal());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }
}
