package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
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
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.TrainingControls;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.Provenance;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.ReopenedExperimentBar;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.engine.recurrent.GruStep;
import io.tinynets.engine.recurrent.LstmStep;
import io.tinynets.lab.sequence.CellInternals;
import io.tinynets.lab.sequence.ConveyorBelt;
import io.tinynets.lab.sequence.GateSpec;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.lab.sequence.SequenceInternals;
import io.tinynets.lab.sequence.SequencePicture;
import io.tinynets.lab.sequence.SequenceTaskKind;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.lab.sequence.SequenceWeights;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunSettings;
import io.tinynets.training.Snapshot;
import io.tinynets.training.TrainingService;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Sequence lab: RNN, LSTM and GRU race on the same data while their gates, states, carried "conveyor belt" and
 * gradient flow are drawn live, with a step-through cell diagram and, for text, next-character sampling.
 *
 * <p>Bandwidth: curves send only new points; the gate heat maps (bytes, base64) and the per-step charts are paced
 * so their payload stays within {@link #PANEL_BUDGET_BYTES_PER_SECOND}, and within what the curves leave of
 * {@link #TOTAL_BUDGET_BYTES_PER_SECOND}; {@link #bytesPerSecond()} reports what the view actually sent over the last
 * seconds.
 */
@Route("sequence")
@Menu(title = "nav.sequence", order = 5, icon = "vaadin:connect")
class SequenceLabView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String LAB_KEY = "sequence";
    /** Budget for the panels (gates, belt, gradient flow, diagram) while the curves send little. */
    static final int PANEL_BUDGET_BYTES_PER_SECOND = 20_000;
    /**
     * Budget for everything the view sends one browser (the lab's 30 KB/s, less a margin): a fast race sends its curves
     * 100+ points a second, about 10 KB/s, and the panels then get what is left, but never less than
     * {@link #MIN_PANEL_BUDGET_BYTES_PER_SECOND}.
     */
    static final int TOTAL_BUDGET_BYTES_PER_SECOND = 28_000;
    static final int MIN_PANEL_BUDGET_BYTES_PER_SECOND = 4_000;
    static final long MIN_PANEL_INTERVAL_NANOS = 100_000_000L;
    /** Fixed colours per cell, on every chart: RNN vermillion, LSTM blue, GRU bluish green (Okabe–Ito). */
    static final Map<CellKind, String> COLOURS = Map.of(CellKind.RNN, "#D55E00", CellKind.LSTM, "#0072B2",
            CellKind.GRU, "#009E73");

    final LiveOptions options = new LiveOptions();
    final LiveTraining<SequenceInternals> training;
    final TrainingControls controls;
    final Binder<SequenceForm> binder = new Binder<>();
    final SequenceForm form = new SequenceForm();

    final Select<SequenceTaskKind> task = new Select<>();
    final IntegerField delay = new IntegerField();
    final RangeSlider delaySlider = new RangeSlider(SequenceConfig.MIN_DELAY, SequenceConfig.MAX_DELAY, 1, 20);
    final IntegerField length = new IntegerField();
    final TextArea customText = new TextArea();
    final Checkbox race = new Checkbox();
    final RadioButtonGroup<CellKind> cell = new RadioButtonGroup<>();
    final IntegerField hidden = new IntegerField();
    final Select<OptimizerKind> optimizer = new Select<>();
    final NumberField learningRate = new NumberField();
    final NumberField clipping = new NumberField();
    final Checkbox carryGate = new Checkbox();
    final IntegerField seed = new IntegerField();
    final Checkbox panels = new Checkbox();

    final Div parameterCounts = new Div();
    final LineChart lossChart = new LineChart();
    final LineChart metricChart = new LineChart();
    final Div gatePanels = new Div();
    final Map<String, HeatMap> gateMaps = new java.util.LinkedHashMap<>();
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
    final Span traffic = new Span();
    final Div panelArea = new Div();
    final Div textBox = new Div();
    final Button save;
    final ReopenedExperimentBar reopened;
    final AssignmentBar assignment;

    /** True while the charts show a reopened experiment's saved curves, until the new run draws its own. */
    private boolean showingSaved;

    private CellKind shownKind;
    private SequenceInternals latest;
    private long lastDrawnEpoch;
    private long nextPanelNanos;
    // about 40 sends a second (three cells' curves and the panels, ten times a second): 256 cover the 5 s window
    private final long[] sentBytes = new long[256];
    private final long[] sentAt = new long[256];
    private final boolean[] sentCurve = new boolean[256];
    private int sentCount;

    SequenceLabView(TrainingService service, ExperimentService experiments, AssignmentService assignments) {
        assignment = new AssignmentBar(LAB_KEY, assignments, experiments, this::restore, this::draft,
                this::applyLocks);
        setSizeFull();
        addClassName("lab-view");
        addClassName("sequence-lab");
        training = new LiveTraining<>(this, service, LAB_KEY, this::apply);
        controls = new TrainingControls(training, this::ensureRun);
        save = SaveExperimentDialog.button(experiments, this::draft);
        reopened = new ReopenedExperimentBar(LAB_KEY, experiments, this::restore);
        training.addSnapshotListener(s -> updateSave());
        add(new H2(getTranslation("sequence.title")), new Paragraph(getTranslation("sequence.intro")));

        VerticalLayout side = new VerticalLayout(assignment, controls, configureExperiment(), configureForm(),
                LabText.explanation(this, "sequence.explain", 4), LabText.tryThis(this, "sequence.try", 4));

        VerticalLayout charts = new VerticalLayout(configureCurves(), configurePanels());

        HorizontalLayout body = LabLayout.body(side, charts);
        add(body);
        showGatePanels(CellKind.LSTM);
        updateTaskFields();
        updateSave();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sequence.title") + " · " + getTranslation("app.name");
    }

    // ---- form ----

    private Component configureForm() {
        SequenceConfig d = SequenceConfig.defaults();
        task.setLabel(getTranslation("sequence.task"));
        task.setItems(SequenceTaskKind.values());
        task.setItemLabelGenerator(k -> getTranslation("sequence.task." + k.key()));
        task.setTooltipText(getTranslation("sequence.task.tooltip"));
        binder.forField(task).asRequired(getTranslation("sequence.required"))
                .bind(SequenceForm::getTask, SequenceForm::setTask);

        delay.setLabel(getTranslation("sequence.delay"));
        delay.setHelperText(getTranslation("sequence.delay.helper"));
        delay.setStepButtonsVisible(true);
        delay.setTooltipText(getTranslation("sequence.delay.tooltip"));
        binder.forField(delay).asRequired(getTranslation("sequence.required"))
                .withValidator(v -> !form.delayMatters() || v >= SequenceConfig.MIN_DELAY && v <= SequenceConfig.MAX_DELAY,
                        getTranslation("sequence.delay.range", SequenceConfig.MIN_DELAY, SequenceConfig.MAX_DELAY))
                .bind(SequenceForm::getDelay, SequenceForm::setDelay);
        delaySlider.setWidthFull();
        delaySlider.setAriaLabel(getTranslation("sequence.delay"));
        delaySlider.setTooltipText(getTranslation("sequence.delay.tooltip"));
        delaySlider.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                delay.setValue(e.getValue().intValue());
            }
        });
        delay.addValueChangeListener(e -> {
            Integer v = e.getValue();
            if (v != null && v >= SequenceConfig.MIN_DELAY && v <= SequenceConfig.MAX_DELAY) {
                delaySlider.setValue(v.doubleValue());
            }
        });

        length.setLabel(getTranslation("sequence.length"));
        length.setStepButtonsVisible(true);
        length.setTooltipText(getTranslation("sequence.length.tooltip"));
        binder.forField(length).asRequired(getTranslation("sequence.required"))
                .withValidator(v -> form.delayMatters() || v >= SequenceConfig.MIN_LENGTH && v <= SequenceConfig.MAX_LENGTH,
                        getTranslation("sequence.length.range", SequenceConfig.MIN_LENGTH, SequenceConfig.MAX_LENGTH))
                .bind(SequenceForm::getLength, SequenceForm::setLength);

        customText.setLabel(getTranslation("sequence.text"));
        customText.setPlaceholder(getTranslation("sequence.text.placeholder"));
        customText.setMaxLength(NextCharacterTask.MAX_TEXT_LENGTH);
        customText.setWidthFull();
        customText.setMaxHeight("10rem");
        binder.forField(customText).withValidator(this::customTextError, getTranslation("sequence.text.invalid"))
                .bind(SequenceForm::getText, SequenceForm::setText);

        race.setLabel(getTranslation("sequence.race"));
        race.setTooltipText(getTranslation("sequence.race.tooltip"));
        binder.forField(race).bind(SequenceForm::isRace, SequenceForm::setRace);

        cell.setLabel(getTranslation("sequence.cell"));
        cell.setItems(CellKind.values());
        cell.setItemLabelGenerator(k -> k.name());
        cell.setTooltipText(getTranslation("sequence.cell.tooltip"));
        binder.forField(cell).asRequired(getTranslation("sequence.required"))
                .bind(SequenceForm::getCell, SequenceForm::setCell);

        hidden.setLabel(getTranslation("sequence.hidden"));
        hidden.setStepButtonsVisible(true);
        hidden.setTooltipText(getTranslation("sequence.hidden.tooltip"));
        binder.forField(hidden).asRequired(getTranslation("sequence.required"))
                .withValidator(v -> v >= SequenceConfig.MIN_HIDDEN && v <= SequenceConfig.MAX_HIDDEN,
                        getTranslation("sequence.hidden.range", SequenceConfig.MIN_HIDDEN, SequenceConfig.MAX_HIDDEN))
                .bind(SequenceForm::getHidden, SequenceForm::setHidden);

        optimizer.setLabel(getTranslation("sequence.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(k -> getTranslation("sequence.optimizer." + k.key()));
        binder.forField(optimizer).asRequired(getTranslation("sequence.required"))
                .bind(SequenceForm::getOptimizer, SequenceForm::setOptimizer);

        learningRate.setLabel(getTranslation("sequence.lr"));
        learningRate.setStep(0.001);
        learningRate.setTooltipText(getTranslation("sequence.lr.tooltip"));
        binder.forField(learningRate).asRequired(getTranslation("sequence.required"))
                .withValidator(v -> v > 0 && v <= SequenceConfig.MAX_LEARNING_RATE,
                        getTranslation("sequence.lr.range", SequenceConfig.MAX_LEARNING_RATE))
                .bind(SequenceForm::getLearningRate, SequenceForm::setLearningRate);

        clipping.setLabel(getTranslation("sequence.clipping"));
        clipping.setTooltipText(getTranslation("sequence.clipping.tooltip"));
        binder.forField(clipping).asRequired(getTranslation("sequence.required"))
                .withValidator(v -> v >= 0 && v <= SequenceConfig.MAX_CLIPPING,
                        getTranslation("sequence.clipping.range", SequenceConfig.MAX_CLIPPING))
                .bind(SequenceForm::getClipping, SequenceForm::setClipping);

        carryGate.setLabel(getTranslation("sequence.carry"));
        carryGate.setTooltipText(getTranslation("sequence.carry.tooltip"));
        binder.forField(carryGate).bind(SequenceForm::isCarryGate, SequenceForm::setCarryGate);

        seed.setLabel(getTranslation("sequence.seed"));
        seed.setTooltipText(getTranslation("sequence.seed.tooltip"));
        binder.forField(seed).asRequired(getTranslation("sequence.required"))
                .withValidator(v -> v >= 0, getTranslation("sequence.seed.range"))
                .bind(SequenceForm::getSeed, SequenceForm::setSeed);

        form.load(d);
        binder.setBean(form);
        binder.addStatusChangeListener(e -> updateEnabled());
        // Any change of the configuration starts a fresh run on the next Play; a cell switch during a race only
        // changes which gates are shown; the learning rate changes live.
        List<com.vaadin.flow.component.HasValue<?, ?>> configFields = List.of(task, delay, length, customText, race,
                hidden, optimizer, clipping, carryGate, seed);
        configFields.forEach(f -> f.addValueChangeListener(e -> configChanged()));
        task.addValueChangeListener(e -> updateTaskFields());
        cell.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            options.setFocus(e.getValue());
            showGatePanels(e.getValue());
            if (!form.isRace()) {
                configChanged();
            } else if (latest != null) {
                nextPanelNanos = 0;
                drawPanels(latest);
            }
        });
        learningRate.addValueChangeListener(e -> {
            Double v = e.getValue();
            if (v != null && v > 0 && v <= SequenceConfig.MAX_LEARNING_RATE && training.hasRun()) {
                training.setLearningRate(v);
            }
        });

        panels.setLabel(getTranslation("sequence.panels"));
        panels.setTooltipText(getTranslation("sequence.panels.tooltip"));
        panels.setValue(true);
        panels.addValueChangeListener(e -> {
            options.setPanelsVisible(e.getValue());
            panelArea.setVisible(e.getValue());
        });

        Div delayBox = new Div(delay, delaySlider);
        delayBox.setWidthFull();
        delay.setWidthFull();
        VerticalLayout box = new VerticalLayout(task, delayBox, length, customText, race, cell, hidden, optimizer,
                learningRate, clipping, carryGate, seed, panels, traffic);
        box.setPadding(false);
        box.setSpacing(false);
        box.addClassName("sequence-form");
        traffic.addClassName("sequence-traffic");
        updateEnabled();
        return box;
    }

    /** True when the custom text is acceptable (or not used); the message comes from the task's own validation. */
    private boolean customTextError(String text) {
        if (form.getTask() != SequenceTaskKind.CUSTOM_TEXT) {
            return true;
        }
        Integer len = length.getValue();
        try {
            NextCharacterTask.fromText(text, len == null || len < 2 || len > 200 ? 20 : len);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void updateTaskFields() {
        SequenceTaskKind k = task.getValue();
        boolean usesDelay = k != null && k.usesDelay();
        delay.getParent().ifPresent(p -> p.setVisible(usesDelay));
        length.setVisible(!usesDelay);
        customText.setVisible(k == SequenceTaskKind.CUSTOM_TEXT);
        textBox.setVisible(k != null && k.characters());
        binder.validate();
    }

    private void updateEnabled() {
        boolean valid = binder.isValid();
        controls.playButton().setEnabled(valid || training.isRunning());
    }

    private void configChanged() {
        if (training.hasRun()) {
            training.discard();
            controls.showReady();
        }
        updateEnabled();
        updateSave();
        reopened.showChanged();
    }

    /** Builds the run from the form when none exists; false (with field messages) while the form is invalid. */
    boolean ensureRun() {
        if (training.hasRun()) {
            return true;
        }
        if (!binder.validate().isOk()) {
            return false;
        }
        SequenceConfig config = form.toConfig();
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            customText.setInvalid(true);
            customText.setErrorMessage(e.getMessage());
            return false;
        }
        if (!showingSaved) {
            resetCharts();
        }
        boolean created = training.create(SequenceTrainer.factory(config, options),
                RunSettings.seeded(form.getSeed()).withSpeed(controls.selectedSpeed()));
        if (created) {
            runProvenance = Provenance.MEASURED;
        }
        return created;
    }

    // ---- experiments: save and reopen ----

    private Component configureExperiment() {
        Div box = new Div(save, reopened);
        box.setWidthFull();
        return box;
    }

    /** Save is possible once the run has trained an epoch; the tooltip says why it is not yet. */
    private void updateSave() {
        boolean ready = draftAvailable();
        save.setEnabled(ready);
        save.setTooltipText(getTranslation(ready ? "experiments.saveDialog.open.tooltip" : "sequence.save.disabled"));
        assignment.setCanSubmit(ready);
    }

    private boolean draftAvailable() {
        return training.hasRun() && latest != null && latest.epoch() >= 1 && !showingSaved;
    }

    /** Where the current run's figures come from: trained here from the seed, or from weights it did not train. */
    private Provenance runProvenance = Provenance.MEASURED;

    /**
     * The run as an experiment, built on the UI thread from the latest internals (weights copied by the trainer at
     * the same epoch as the curves) and the run's metric history up to that epoch; null when nothing has trained.
     */
    ExperimentDraft draft() {
        SequenceInternals in = latest;
        var run = training.run().orElse(null);
        if (!draftAvailable() || run == null) {
            return null;
        }
        SequenceConfig config = form.toConfig();
        List<MetricPoint> history = run.history().stream().filter(p -> p.epoch() <= in.epoch()).toList();
        List<Curve> curves = new ArrayList<>();
        double[] x = history.stream().mapToDouble(MetricPoint::epoch).toArray();
        curves.add(Curve.of("loss", x, history.stream().mapToDouble(MetricPoint::trainLoss).toArray()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!history.isEmpty()) {
            metrics.put("loss", history.get(history.size() - 1).trainLoss());
        }
        if (!history.isEmpty() && history.get(0).accuracy().isPresent()) {
            curves.add(Curve.of("accuracy", x, history.stream().mapToDouble(p -> p.accuracy().orElse(Double.NaN))
                    .toArray()));
            history.get(history.size() - 1).accuracy().ifPresent(a -> metrics.put("accuracy", a));
        }
        double[] cellX = IntStream.range(0, in.tailLength()).mapToDouble(i -> in.firstEpoch() + i).toArray();
        for (CellInternals c : in.cells()) {
            curves.add(Curve.of(cellCurve("loss", c.kind()), cellX, c.loss()));
            curves.add(Curve.of(cellCurve(in.classification() ? "accuracy" : "eval loss", c.kind()), cellX,
                    c.metric()));
        }
        String name = getTranslation("sequence.save.name", getTranslation("sequence.task." + config.task().key()),
                config.race() ? getTranslation("sequence.race") : config.cell().name(), in.epoch());
        return new ExperimentDraft(LAB_KEY, name, "", List.of(), SequenceConfigJson.write(config),
                SequenceConfigJson.VERSION, run.seed(), curves, metrics, SequenceWeights.write(config, in),
                SequencePicture.gates(in, shownKind).orElse(null)).withProvenance(runProvenance);
    }

    private static String cellCurve(String metric, CellKind kind) {
        return metric + " " + kind.name();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!assignment.beforeEnter(event)) {
            reopened.beforeEnter(event); // an assignment's configuration comes first, not a saved experiment's
        }
    }

    /**
     * Puts an experiment (or an assignment's configuration) into the lab: the form and seed, the saved curves, and a
     * READY run that replays it from its seed or, with {@code fromWeights}, continues from its saved weights and
     * optimizer state. False (with a message) when its configuration cannot be read or the run cannot be built.
     */
    boolean restore(Experiment e, boolean fromWeights) {
        SequenceConfig config;
        try {
            config = SequenceConfigJson.read(e.configJson(), e.configVersion());
            if (e.seed() < 0 || e.seed() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("seed must be in 0.." + Integer.MAX_VALUE + ", was " + e.seed());
            }
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("sequence.experiment.unreadable", e.name(),
                    LabExperimentSupport.reason(this, ex)));
            return false;
        }
        if (fromWeights && e.weightsJson() == null) {
            LabExperimentSupport.error(getTranslation("sequence.experiment.noWeights", e.name()));
            return false;
        }
        training.discard();
        form.load(config);
        form.setSeed((int) e.seed());
        binder.refreshFields();
        updateTaskFields();
        resetCharts();
        drawSavedCurves(e, config);
        boolean created = fromWeights ? continueFrom(e.weightsJson()) : ensureRun();
        if (created && fromWeights) {
            runProvenance = e.provenance().continued();
        }
        controls.showReady();
        updateSave();
        return created;
    }

    /** The saved per-cell curves, drawn as the current ones until the new run trains. */
    private void drawSavedCurves(Experiment e, SequenceConfig config) {
        boolean any = false;
        for (Curve c : e.curves()) {
            for (CellKind k : CellKind.values()) {
                if (c.name().equals(cellCurve("loss", k))) {
                    lossChart.setPoints(k.ordinal(), c.x(), round(c.y()));
                    any = true;
                } else if (c.name().equals(cellCurve("accuracy", k)) || c.name().equals(cellCurve("eval loss", k))) {
                    metricChart.setPoints(k.ordinal(), c.x(), round(c.y()));
                }
            }
        }
        if (!any) {
            e.curves().stream().filter(c -> c.name().equals("loss")).findFirst()
                    .ifPresent(c -> lossChart.setPoints(config.cell().ordinal(), c.x(), round(c.y())));
        }
        showingSaved = true;
    }

    /**
     * A run whose models start from the saved weights and optimizer state (the data stream resumes where the saved
     * run stood); false, with a message, when the weights do not fit the form's settings.
     */
    private boolean continueFrom(String weightsJson) {
        if (!binder.validate().isOk()) {
            return false;
        }
        try {
            return training.create(SequenceTrainer.factory(form.toConfig(), options, weightsJson),
                    RunSettings.seeded(form.getSeed()).withSpeed(controls.selectedSpeed()));
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("sequence.experiment.continueFailed", ex.getMessage()));
            return false;
        }
    }

    /**
     * Greys out what an open assignment locks, by the config field each control writes (see SequenceConfigJson). The
     * form has no control that changes another's field, and none is re-enabled later, so locking once is enough.
     */
    void applyLocks() {
        assignment.lock("task", task);
        assignment.lock("delay", delay, delaySlider);
        assignment.lock("length", length);
        assignment.lock("customText", customText);
        assignment.lock("race", race);
        // in a race the cell only picks the gates shown, but the saved config records it: locked with the rest
        assignment.lock("cell", cell);
        assignment.lock("hidden", hidden);
        assignment.lock("optimizer", optimizer);
        assignment.lock("learningRate", learningRate);
        assignment.lock("clipping", clipping);
        assignment.lock("carryGateOpen", carryGate);
        // the seed is kept by the experiment, not the config, so no assignment unlocks it: the run starts from the
        // teacher's seed, as the assignment promises
        assignment.lock("seed", seed);
    }

    // ---- charts ----

    private Component configureCurves() {
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
        HorizontalLayout row = new HorizontalLayout(titled("sequence.chart.loss", lossChart),
                titled("sequence.chart.accuracy", metricChart));
        row.setWidthFull();
        row.addClassName("chart-row");
        Div box = new Div(parameterCounts, row);
        box.setWidthFull();
        return box;
    }

    private Component configurePanels() {
        gatePanels.addClassName("sequence-gates");
        Div gates = titled("sequence.chart.gates", gatePanels);
        gates.add(new Paragraph(getTranslation("sequence.gates.caption")));

        beltChart.setAxisLabels(getTranslation("sequence.axis.step"), getTranslation("sequence.axis.value"));
        unit.setLabel(getTranslation("sequence.unit"));
        unit.setTooltipText(getTranslation("sequence.unit.tooltip"));
        unit.setItemLabelGenerator(u -> u < 0 ? getTranslation("sequence.unit.auto") : String.valueOf(u + 1));
        unit.setItems(-1);
        unit.setValue(-1);
        unit.addValueChangeListener(e -> redrawLatest());
        Div belt = titled("sequence.chart.belt", beltChart);
        belt.add(beltNote, unit);

        GradientFlowPanel.configure(gradientChart, this);
        Div gradient = titled("sequence.chart.gradient", gradientChart);
        gradient.add(new Paragraph(getTranslation("sequence.gradient.caption")));

        timeSlider.setWidthFull();
        timeSlider.setAriaLabel(getTranslation("sequence.time"));
        timeSlider.setTooltipText(getTranslation("sequence.time.tooltip"));
        timeSlider.addValueChangeListener(e -> drawDiagram());
        Div step = titled("sequence.chart.step", diagram);
        step.add(timeSlider, new Paragraph(getTranslation("sequence.step.caption")));

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

        HorizontalLayout row = new HorizontalLayout(belt, gradient);
        row.setWidthFull();
        row.addClassName("chart-row");
        panelArea.add(gates, row, step, textBox);
        panelArea.setWidthFull();
        return panelArea;
    }

    private Div titled(String key, Component content) {
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        box.setMinWidth("18rem");
        return box;
    }

    /** Replaces the gate panels by those of {@code kind}: one heat map per gate or state, with its caption. */
    void showGatePanels(CellKind kind) {
        if (kind == shownKind) {
            return;
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
            Span title = new Span(getTranslation("sequence.gate." + spec.key()));
            title.addClassName("gate-title");
            Span caption = new Span(getTranslation("sequence.gate." + spec.key() + ".caption"));
            caption.addClassName("gate-caption");
            Div panel = new Div(title, map, caption);
            panel.addClassName("gate-panel");
            gatePanels.add(panel);
        }
        nextPanelNanos = 0;
    }

    private void resetCharts() {
        lossChart.reset();
        metricChart.reset();
        gradientChart.reset();
        beltChart.reset();
        lastDrawnEpoch = 0;
        latest = null;
        nextPanelNanos = 0;
    }

    // ---- live updates ----

    private void apply(Snapshot<SequenceInternals> snapshot) {
        // a reopened experiment's curves stay until the new run has points of its own to draw
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
        long now = System.nanoTime();
        if (options.panelsVisible() && now >= nextPanelNanos && hasTraces(in)) {
            int bytes = drawPanels(in);
            // pace the panels so their bytes stay within the budget: bigger grids update less often
            long budget = Math.max(MIN_PANEL_BUDGET_BYTES_PER_SECOND, Math.min(PANEL_BUDGET_BYTES_PER_SECOND,
                    TOTAL_BUDGET_BYTES_PER_SECOND - Math.round(curveBytesPerSecond())));
            long interval = Math.max(MIN_PANEL_INTERVAL_NANOS, bytes * 1_000_000_000L / budget);
            nextPanelNanos = now + interval;
        }
        traffic.setText(getTranslation("sequence.traffic", Math.round(bytesPerSecond() / 100.0) / 10.0));
    }

    private static boolean hasTraces(SequenceInternals in) {
        return in.cells().stream().anyMatch(c -> !c.trace().isEmpty());
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
            double[] loss = java.util.Arrays.copyOfRange(c.loss(), from, tail);
            double[] metric = java.util.Arrays.copyOfRange(c.metric(), from, tail);
            lossChart.appendPoints(c.kind().ordinal(), x, round(loss));
            metricChart.appendPoints(c.kind().ordinal(), x, round(metric));
            count(2L * n * 16, true);
        }
        lastDrawnEpoch = in.firstEpoch() + tail - 1;
        if (lastDrawnEpoch == in.firstEpoch() + tail - 1 && parameterCounts.getChildren().count() == 0) {
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

    private void redrawLatest() {
        if (latest != null) {
            drawPanels(latest);
        }
    }

    /** Draws the gates, belt, gradient flow, diagram and prediction; returns the bytes it sent. */
    int drawPanels(SequenceInternals in) {
        CellKind focus = form.isRace() ? form.getCell() : in.cells().get(0).kind();
        CellInternals c = in.cell(focus).orElse(in.cells().get(0));
        showGatePanels(c.kind());
        int bytes = 0;
        List<? extends CellStep> trace = c.trace();
        if (trace.isEmpty()) {
            return 0;
        }
        int steps = trace.size();
        int units = trace.get(0).h().numCols;
        List<String> rows = IntStream.rangeClosed(1, units).mapToObj(u -> getTranslation("sequence.unit.n", u))
                .toList();
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
        count(bytes, false);
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
        String colour = COLOURS.get(c.kind());
        beltChart.setSeries(List.of(new LineChart.Series(getTranslation(prefix + ".state"), colour),
                new LineChart.Series(getTranslation(prefix + ".kept"), "#999999", true),
                new LineChart.Series(getTranslation(prefix + ".written"), "#E69F00", true)));
        double[] t = IntStream.range(0, trace.size()).asDoubleStream().toArray();
        beltChart.setPoints(0, t, round(belt.state()));
        beltChart.setPoints(1, t, round(belt.kept()));
        beltChart.setPoints(2, t, round(belt.written()));
        return 200 + trace.size() * 3 * 14;
    }

    private int drawGradient(SequenceInternals in) {
        return GradientFlowPanel.draw(gradientChart, in);
    }

    /** The diagram at the slider's step for the belt's unit; also used while paused (scrubbing). */
    int drawDiagram() {
        if (latest == null) {
            return 0;
        }
        CellKind focus = shownKind;
        CellInternals c = latest.cell(focus).orElse(null);
        if (c == null || c.trace().isEmpty()) {
            return 0;
        }
        List<? extends CellStep> trace = c.trace();
        int t = (int) Math.min(trace.size() - 1, Math.round(timeSlider.getValue()));
        int u = selectedUnit(trace);
        CellStep s = trace.get(t);
        double hPrev = t == 0 ? 0 : trace.get(t - 1).h().data[u];
        double[] values;
        if (s instanceof LstmStep l) {
            double cPrev = t == 0 ? 0 : ((LstmStep) trace.get(t - 1)).c().data[u];
            values = new double[] {l.f().data[u], l.i().data[u], l.g().data[u], l.o().data[u], cPrev,
                l.c().data[u], hPrev, l.h().data[u]};
        } else if (s instanceof GruStep g) {
            values = new double[] {g.r().data[u], g.z().data[u], g.n().data[u], hPrev, g.h().data[u]};
        } else {
            values = new double[] {hPrev, s.h().data[u]};
        }
        String label = t < latest.timeLabels().size() ? latest.timeLabels().get(t) : "";
        diagram.setStep(c.kind().key(), getTranslation("sequence.step.label", t, label, u + 1), values);
        return diagram.payloadBytes();
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

    // ---- bandwidth meter ----

    private void count(long bytes, boolean curve) {
        int i = sentCount++ % sentBytes.length;
        sentBytes[i] = bytes;
        sentAt[i] = System.nanoTime();
        sentCurve[i] = curve;
    }

    /** Payload bytes per second the view sent over the last (up to) 5 seconds, Vaadin's framing not included. */
    double bytesPerSecond() {
        return bytesPerSecond(false);
    }

    /** The curves' share of {@link #bytesPerSecond()}. */
    double curveBytesPerSecond() {
        return bytesPerSecond(true);
    }

    private double bytesPerSecond(boolean curvesOnly) {
        long now = System.nanoTime();
        long window = 5_000_000_000L;
        long sum = 0;
        long oldest = now;
        for (int i = 0; i < Math.min(sentCount, sentBytes.length); i++) {
            if (now - sentAt[i] <= window) {
                if (!curvesOnly || sentCurve[i]) {
                    sum += sentBytes[i];
                }
                oldest = Math.min(oldest, sentAt[i]);
            }
        }
        double seconds = Math.max(1.0, (now - oldest) / 1e9);
        return sum / seconds;
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

    SequenceInternals latest() {
        return latest;
    }

    CellKind shownKind() {
        return shownKind;
    }
}
