package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
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
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.Provenance;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.ReopenedExperimentBar;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.lab.depth.DepthInternals;
import io.tinynets.lab.depth.DepthPicture;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.depth.NetworkInternals;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunSettings;
import io.tinynets.training.Snapshot;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Vanishing gradient lab: a deep narrow MLP, its per-layer gradient norms on a log axis, activation histograms and
 * dead units, at initialization and while training; two activations side by side with everything else equal.
 */
@PublicView
@Route("depth")
@Menu(title = "nav.depth", order = 3, icon = "vaadin:split-v")
class DepthView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String LAB_KEY = "depth";
    /** Saved per-network loss curves are named "loss 1 · sigmoid", "loss 2 · relu". */
    static final String NETWORK_LOSS = "loss ";

    static final double LOG_LR_MIN = Math.log10(DepthConfig.MIN_LEARNING_RATE);
    static final double LOG_LR_MAX = Math.log10(DepthConfig.MAX_LEARNING_RATE);

    /** The form's values, bound field by field. */
    static final class Form {
        private Integer depth = 10;
        private Integer width = 8;
        private Integer seed = 1;

        Integer getDepth() { return depth; }
        void setDepth(Integer v) { depth = v; }
        Integer getWidth() { return width; }
        void setWidth(Integer v) { width = v; }
        Integer getSeed() { return seed; }
        void setSeed(Integer v) { seed = v; }
    }

    final Select<DatasetKind> dataset = new Select<>();
    final IntegerField depth = new IntegerField();
    final IntegerField width = new IntegerField();
    final Select<Activation> activation = new Select<>();
    final Checkbox compare = new Checkbox();
    final Select<Activation> other = new Select<>();
    final Select<Initializer> initializer = new Select<>();
    final IntegerField seed = new IntegerField();
    final RangeSlider learningRate = new RangeSlider(LOG_LR_MIN, LOG_LR_MAX, 0.01, -1);
    final Span learningRateValue = new Span();
    final Binder<Form> binder = new Binder<>();
    final Form form = new Form();
    final LineChart lossChart = new LineChart();
    final List<NetworkColumn> columns = List.of(new NetworkColumn(0), new NetworkColumn(1));
    final LiveTraining<DepthInternals> training;
    final TrainingControls controls;
    final Button saveExperiment;
    final ReopenedExperimentBar reopened;
    final AssignmentBar assignment;
    private final ExperimentService experiments;
    /** The opened experiment's per-network loss curves, drawn dashed behind the live ones. */
    private List<Curve> ghosts = List.of();
    private boolean updating = true;
    private DepthConfig shown;
    private long lastEpoch = -1;
    /** What the current run was built from, and the latest internals it delivered (their epoch inside). */
    private DepthConfig runConfig;
    DepthInternals lastInternals;

    DepthView(TrainingService service, ExperimentService experiments, AssignmentService assignments) {
        this.experiments = experiments;
        training = new LiveTraining<>(this, service, LAB_KEY, this::apply);
        controls = new TrainingControls(training, this::ensureRun);
        saveExperiment = SaveExperimentDialog.button(experiments, this::draft);
        reopened = new ReopenedExperimentBar(LAB_KEY, experiments, this::restore);
        assignment = new AssignmentBar(LAB_KEY, assignments, experiments, this::restore, this::draft,
                this::applyLocks);
        setSizeFull();
        addClassName("lab-view");
        addClassName("depth-lab");
        add(new H2(getTranslation("depth.title")), new Paragraph(getTranslation("depth.intro")));

        configureFields();
        Div lr = new Div(new Div(label("depth.lr"), learningRateValue), learningRate);
        lr.setWidthFull();
        VerticalLayout controlColumn = new VerticalLayout(assignment, dataset, new Div(depth, width), activation, compare, other,
                initializer, lr, seed, controls, saveExperiment, reopened, LabText.explanation(this, "depth.explain", 4),
                LabText.tryThis(this, "depth.try", 4));

        HorizontalLayout pair = new HorizontalLayout(columns.get(0), columns.get(1));
        pair.setWidthFull();
        pair.addClassName("depth-pair");
        lossChart.setAxisLabels(getTranslation("depth.loss.axis"), getTranslation("depth.loss"));
        lossChart.setLogY(true);
        lossChart.setEmptyText(getTranslation("depth.empty"));
        Div lossBox = new Div(new H3(getTranslation("depth.chart.loss")), lossChart);
        lossBox.addClassName("chart-box");
        VerticalLayout charts = new VerticalLayout(pair, lossBox);

        HorizontalLayout body = LabLayout.body(controlColumn, charts);
        add(body);
        updating = false;
        configChanged();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("depth.title") + " · " + getTranslation("app.name");
    }

    private void configureFields() {
        dataset.setLabel(getTranslation("depth.dataset"));
        dataset.setItems(DepthConfig.DATASETS);
        dataset.setItemLabelGenerator(d -> getTranslation("depth.dataset." + d.key()));
        dataset.setValue(DatasetKind.XOR);
        dataset.setTooltipText(getTranslation("depth.dataset.tooltip"));

        depth.setLabel(getTranslation("depth.depth"));
        depth.setTooltipText(getTranslation("depth.depth.tooltip"));
        depth.setStepButtonsVisible(true);
        depth.setWidth("9rem");
        binder.forField(depth).asRequired(getTranslation("depth.depth.range"))
                .withValidator(v -> v >= DepthConfig.MIN_DEPTH && v <= DepthConfig.MAX_DEPTH,
                        getTranslation("depth.depth.range"))
                .bind(Form::getDepth, Form::setDepth);
        width.setLabel(getTranslation("depth.width"));
        width.setTooltipText(getTranslation("depth.width.tooltip"));
        width.setStepButtonsVisible(true);
        width.setWidth("9rem");
        binder.forField(width).asRequired(getTranslation("depth.width.range"))
                .withValidator(v -> v >= DepthConfig.MIN_WIDTH && v <= DepthConfig.MAX_WIDTH,
                        getTranslation("depth.width.range"))
                .bind(Form::getWidth, Form::setWidth);
        seed.setLabel(getTranslation("depth.seed"));
        seed.setTooltipText(getTranslation("depth.seed.tooltip"));
        binder.forField(seed).asRequired(getTranslation("depth.seed.required"))
                .withValidator(v -> v >= 0, getTranslation("depth.seed.required"))
                .bind(Form::getSeed, Form::setSeed);
        binder.setBean(form);

        activation.setLabel(getTranslation("depth.activation"));
        activation.setItems(DepthConfig.ACTIVATIONS);
        activation.setItemLabelGenerator(this::name);
        activation.setValue(Activation.SIGMOID);
        activation.setTooltipText(getTranslation("depth.activation.tooltip"));
        compare.setLabel(getTranslation("depth.compare"));
        compare.setValue(true);
        compare.setTooltipText(getTranslation("depth.compare.tooltip"));
        other.setLabel(getTranslation("depth.other"));
        other.setItems(DepthConfig.ACTIVATIONS);
        other.setItemLabelGenerator(this::name);
        other.setValue(Activation.RELU);
        initializer.setLabel(getTranslation("depth.init"));
        initializer.setItems(Initializer.values());
        initializer.setItemLabelGenerator(i -> getTranslation("depth.init." + i.key()));
        initializer.setValue(Initializer.XAVIER);
        initializer.setTooltipText(getTranslation("depth.init.tooltip"));

        learningRate.setWidthFull();
        learningRate.setAriaLabel(getTranslation("depth.lr"));
        learningRate.setTooltipText(getTranslation("depth.lr.tooltip"));
        learningRateValue.setText(NetworkColumn.format(lr()));
        learningRate.addValueChangeListener(e -> {
            learningRateValue.setText(NetworkColumn.format(lr()));
            if (training.hasRun()) {
                training.setLearningRate(lr());
                if (runConfig != null) {
                    // a saved experiment records the rate in effect now (and an assignment checks it)
                    runConfig = runConfig.withLearningRate(lr());
                }
            }
        });

        dataset.addValueChangeListener(e -> configChanged());
        depth.addValueChangeListener(e -> configChanged());
        width.addValueChangeListener(e -> configChanged());
        seed.addValueChangeListener(e -> configChanged());
        activation.addValueChangeListener(e -> configChanged());
        compare.addValueChangeListener(e -> configChanged());
        other.addValueChangeListener(e -> configChanged());
        initializer.addValueChangeListener(e -> configChanged());
    }

    /** The current form as a configuration, or null while a field is invalid. */
    DepthConfig config() {
        if (!binder.isValid()) {
            return null;
        }
        List<Activation> acts = new ArrayList<>();
        acts.add(activation.getValue());
        if (compare.getValue()) {
            acts.add(other.getValue());
        }
        try {
            return new DepthConfig(dataset.getValue(), form.getDepth(), form.getWidth(), acts,
                    initializer.getValue(), lr());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Forgets the run and shows the new networks at initialization (built here; it is cheap). */
    private void configChanged() {
        if (updating) {
            return;
        }
        training.discard();
        lastInternals = null;
        updateSaveButton();
        reopened.showChanged();
        controls.showReady();
        other.setEnabled(compare.getValue());
        assignment.lock("activations", other); // enabled again above: an assignment may still lock it
        DepthConfig config = config();
        controls.playButton().setEnabled(config != null);
        shown = config;
        lastEpoch = -1;
        if (config == null) {
            return;
        }
        DepthTrainer preview = new DepthTrainer(config, form.getSeed());
        double[][] points = preview.trainingPoints();
        columns.forEach(c -> c.setPoints(points));
        columns.get(1).setVisible(config.activations().size() == 2);
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < config.activations().size(); i++) {
            series.add(new LineChart.Series(name(config.activations().get(i)), Palette.colour(i)));
        }
        for (int i = 0; i < ghosts.size(); i++) {
            series.add(new LineChart.Series(getTranslation("depth.experiment.ghost",
                    ghosts.get(i).name().substring(NETWORK_LOSS.length())), "#999999", true));
        }
        lossChart.setSeries(series);
        drawGhosts();
        show(preview.captureInternals());
    }

    boolean ensureRun() {
        if (training.hasRun()) {
            return true;
        }
        DepthConfig config = config();
        if (config == null) {
            binder.validate();
            return false;
        }
        return createRun(config, form.getSeed(), null);
    }

    /** Where the current run's figures come from: trained here from the seed, or from weights it did not train. */
    private Provenance runProvenance = Provenance.MEASURED;

    /** A READY run from the config: fresh weights from the seed, or the saved weights (applied as it is built). */
    private boolean createRun(DepthConfig config, long runSeed, String savedWeights) {
        boolean created;
        try {
            // the service checks that the weights fit before it builds anything
            created = training.create(DepthTrainer.factory(config, savedWeights),
                    RunSettings.seeded(runSeed).withSpeed(controls.selectedSpeed()));
        } catch (IllegalArgumentException e) {
            LabExperimentSupport.error(getTranslation("depth.experiment.unreadable", "", e.getMessage()));
            return false;
        }
        runConfig = created ? config : null;
        runProvenance = Provenance.MEASURED;
        lastInternals = null;
        updateSaveButton();
        return created;
    }

    private void apply(Snapshot<DepthInternals> snapshot) {
        DepthInternals in = snapshot.internals();
        if (in == null || shown == null || in.networks().size() != shown.activations().size()) {
            return;
        }
        if (snapshot.fromStart()) {
            lossChart.reset();
            drawGhosts();
            lastEpoch = -1;
        }
        lastInternals = in;
        updateSaveButton();
        show(in);
    }

    // ---- experiments -----------------------------------------------------------------------------------------

    private void drawGhosts() {
        int first = lossChart.getSeries().size() - ghosts.size();
        for (int i = 0; i < ghosts.size() && first >= 0; i++) {
            lossChart.setPoints(first + i, ghosts.get(i).x(), positive(ghosts.get(i).y()));
        }
    }

    private static double[] positive(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = Math.max(y[i], 1e-12); // the axis is logarithmic
        }
        return out;
    }

    private boolean canSave() {
        return training.hasRun() && runConfig != null && lastInternals != null && lastInternals.epoch() >= 1;
    }

    private void updateSaveButton() {
        LabExperimentSupport.saveButtonState(saveExperiment, canSave(),
                getTranslation("depth.experiment.saveDisabled"));
        assignment.setCanSubmit(canSave());
    }

    /**
     * The run as an experiment, from the run's history (a synchronized copy) and the latest internals (an immutable
     * capture holding the weights): the live trainer is never touched. Curves stop at the internals' epoch.
     */
    ExperimentDraft draft() {
        TrainingRun<DepthInternals> run = training.run().orElse(null);
        if (run == null || !canSave()) {
            throw new IllegalStateException("nothing to save yet: train at least one epoch");
        }
        DepthInternals in = lastInternals;
        List<MetricPoint> history = run.history();
        List<Curve> curves = new ArrayList<>(LabExperimentSupport.curves(history, in.epoch()));
        Map<String, Double> metrics = new LinkedHashMap<>(LabExperimentSupport.finalMetrics(history, in.epoch()));
        for (int i = 0; i < in.networks().size(); i++) {
            NetworkInternals n = in.networks().get(i);
            String key = (i + 1) + " · " + n.activation().key();
            curves.add(Curve.of(NETWORK_LOSS + key, lossChart.xValues(i), lossChart.yValues(i)));
            if (Double.isFinite(n.loss())) {
                metrics.put("loss " + key, n.loss());
            }
            metrics.put("accuracy " + key, n.accuracy());
        }
        metrics.put("accuracy", in.networks().get(0).accuracy());
        String acts = String.join(" vs ", runConfig.activations().stream().map(this::name).toList());
        String name = getTranslation("depth.experiment.name", acts, String.valueOf(runConfig.depth()),
                String.valueOf(runConfig.width()), String.valueOf(in.epoch()));
        return new ExperimentDraft(LAB_KEY, name, "", List.of(), DepthConfigJson.write(runConfig),
                DepthConfigJson.VERSION, run.seed(), curves, metrics, DepthTrainer.weightsJson(runConfig, in),
                DepthPicture.boundary(in)).withProvenance(runProvenance);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!assignment.beforeEnter(event)) {
            reopened.beforeEnter(event);
        }
    }

    /**
     * Greys out what an open assignment locks, by the config field each control writes (see DepthConfigJson). The
     * compared activations are one field ("activations"): the first activation, the compare switch and the second.
     * The seed is the run's own, not a config field, so an assignment always fixes it: its run starts from the
     * teacher's seed.
     */
    void applyLocks() {
        assignment.lock("dataset", dataset);
        assignment.lock("depth", depth);
        assignment.lock("width", width);
        assignment.lock("activations", activation, compare, other);
        assignment.lock("initializer", initializer);
        assignment.lock("learningRate", learningRate);
        assignment.lock("seed", seed);
    }

    /** The saved config in the form, the saved curves dashed, and a READY run from the saved seed. */
    boolean restore(Experiment e, boolean continueTraining) {
        DepthConfig c;
        try {
            c = DepthConfigJson.read(e.configJson(), e.configVersion());
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("depth.experiment.unreadable", e.name(),
                    LabExperimentSupport.reason(this, ex)));
            return false;
        }
        if (e.seed() < 0 || e.seed() > Integer.MAX_VALUE) {
            LabExperimentSupport.error(getTranslation("depth.experiment.unreadable", e.name(),
                    getTranslation("depth.seed.required")));
            return false;
        }
        if (continueTraining && e.weightsJson() == null) {
            LabExperimentSupport.error(getTranslation("depth.experiment.noWeights", e.name()));
            return false;
        }
        double logLr = Math.log10(c.learningRate());
        if (logLr < learningRate.getMin() || logLr > learningRate.getMax()) {
            LabExperimentSupport.error(getTranslation("depth.experiment.unreadable", e.name(),
                    getTranslation("depth.experiment.outOfRange")));
            return false;
        }
        updating = true;
        dataset.setValue(c.dataset());
        depth.setValue(c.depth());
        width.setValue(c.width());
        activation.setValue(c.activations().get(0));
        compare.setValue(c.activations().size() == 2);
        if (c.activations().size() == 2) {
            other.setValue(c.activations().get(1));
        }
        initializer.setValue(c.initializer());
        learningRate.setValue(logLr);
        seed.setValue((int) e.seed());
        updating = false;
        ghosts = e.curves().stream().filter(curve -> curve.name().startsWith(NETWORK_LOSS)).toList();
        configChanged();
        DepthConfig config = config();
        if (config == null) {
            LabExperimentSupport.error(getTranslation("depth.experiment.unreadable", e.name(),
                    getTranslation("depth.experiment.outOfRange")));
            return false;
        }
        boolean created = createRun(config, e.seed(), continueTraining ? e.weightsJson() : null);
        if (created && continueTraining) {
            runProvenance = e.provenance().continued();
        }
        return created;
    }

    private void show(DepthInternals in) {
        for (int i = 0; i < in.networks().size(); i++) {
            NetworkInternals n = in.networks().get(i);
            columns.get(i).show(n, name(n.activation()), shown.width());
            if (in.epoch() > lastEpoch && in.epoch() > 0 && Double.isFinite(n.loss())) {
                lossChart.appendPoint(i, in.epoch(), Math.max(n.loss(), 1e-12));
            }
        }
        lastEpoch = Math.max(lastEpoch, in.epoch());
    }

    double lr() {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, learningRate.getValue())));
    }

    private Span label(String key) {
        Span s = new Span(getTranslation(key) + " η = ");
        s.addClassName("field-label");
        return s;
    }

    String name(Activation a) {
        return getTranslation("activation.name." + a.key());
    }
}
