package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
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
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.TrainingControls;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.model.AutoencoderSpec;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.Provenance;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.ReopenedExperimentBar;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.lab.autoencoder.AutoencoderPicture;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.autoencoder.LatentDecoder;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunSettings;
import io.tinynets.training.RunState;
import io.tinynets.training.Snapshot;
import io.tinynets.training.TrainingService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The autoencoder lab: an hourglass network squeezes digits, shapes or points on a bent surface through a small code
 * and rebuilds them. Live: inputs / noisy inputs / reconstructions, the loss next to PCA's line at the same k, and the
 * latent space coloured by class; the decoder explorer draws what the decoder makes of any point of the latent plane
 * and interpolates between two inputs.
 */
@Route("autoencoder")
@Menu(title = "nav.autoencoder", order = 6, icon = "vaadin:compress-square")
class AutoencoderView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String LAB_KEY = "autoencoder";
    static final int INTERPOLATION_STEPS = 8;
    /** Image bytes (base64) per second the sample grid may use while training; the latent plane gets the rest. */
    private static final double GRID_BYTES_PER_SECOND = 20_000;
    private static final long LATENT_INTERVAL_NANOS = 200_000_000L;
    /** Okabe–Ito plus two, so ten digit classes get ten colours. */
    static final List<String> CLASS_COLOURS;

    static {
        List<String> c = new ArrayList<>(Palette.COLOURS);
        c.add("#000000");
        c.add("#882255");
        CLASS_COLOURS = List.copyOf(c);
    }

    /** The form's values, bound field by field with explicit rules. */
    static final class Form {
        ImageSetKind data = ImageSetKind.DIGITS_8;
        String hidden = "32, 16";
        Integer bottleneck = 2;
        Activation activation = Activation.TANH;
        boolean tied;
        boolean linearCode = true;
        AutoencoderLoss loss = AutoencoderLoss.MSE;
        AutoencoderNoise.Kind noise = AutoencoderNoise.Kind.NONE;
        OptimizerKind optimizer = OptimizerKind.ADAM;
        Double learningRate = 0.01;
        Integer seed = (int) AutoencoderConfig.DEFAULT_SEED;
        /**
         * The sample count of a restored config and the data set it belongs to: the form has no control for it (it
         * follows the data set), but a reopened or assigned config keeps its own count until the data set changes.
         */
        ImageSetKind samplesData;
        int samples;
    }

    final Select<ImageSetKind> dataKind = new Select<>();
    final TextField hidden = new TextField();
    final IntegerField bottleneck = new IntegerField();
    final Select<Activation> activation = new Select<>();
    final Checkbox tied = new Checkbox();
    final Checkbox linearCode = new Checkbox();
    final Select<AutoencoderLoss> loss = new Select<>();
    final Select<AutoencoderNoise.Kind> noiseKind = new Select<>();
    final RangeSlider noiseLevel = new RangeSlider(0, AutoencoderConfig.MAX_NOISE_LEVEL, 0.05, 0.3);
    final Span noiseLevelValue = new Span();
    final Select<OptimizerKind> optimizer = new Select<>();
    final NumberField learningRate = new NumberField();
    final IntegerField seed = new IntegerField();
    final Binder<Form> binder = new Binder<>();
    final Form form = new Form();

    final Div hourglass = new Div();
    final Span compression = new Span();
    final LineChart lossChart = new LineChart();
    final Span errorReadout = new Span();
    final ImageGrid samplesGrid = new ImageGrid(34);
    final Paragraph samplesEmpty = new Paragraph();
    final LatentPlane latentPlane = new LatentPlane(300);
    final Span latentCaption = new Span();
    final ImageGrid decodedImage = new ImageGrid(96);
    final Span decodedText = new Span();
    final Select<Integer> from = new Select<>();
    final Select<Integer> to = new Select<>();
    final Button interpolate = new Button();
    final ImageGrid interpolation = new ImageGrid(40);

    final LiveTraining<AutoencoderInternals> live;
    final TrainingControls controls;
    final Button save;
    final ReopenedExperimentBar reopened;
    final AssignmentBar assignment;
    AutoencoderConfig runConfig;
    AutoencoderInternals lastInternals;
    /** The epoch {@link #lastInternals} belong to. */
    private long lastInternalsEpoch;
    /** True while the loss chart shows a reopened experiment's saved curve, until the new run draws its own. */
    private boolean showingSaved;
    private long lastGridNanos;
    private long lastLatentNanos;
    private List<String> shownClasses = List.of();

    AutoencoderView(TrainingService service, ExperimentService experiments, AssignmentService assignments) {
        // first: the form locks its controls through it as they are built and re-enabled
        assignment = new AssignmentBar(LAB_KEY, assignments, experiments, this::restore, this::draft,
                this::applyLocks);
        // before the form too: any structural change tells it the settings are no longer the experiment's
        reopened = new ReopenedExperimentBar(LAB_KEY, experiments, this::restore);
        setSizeFull();
        addClassName("lab-view");
        addClassName("autoencoder-lab");
        add(new H2(getTranslation("autoencoder.title")), new Paragraph(getTranslation("autoencoder.intro")));
        live = new LiveTraining<>(this, service, "autoencoder", this::apply);
        controls = new TrainingControls(live, this::ensureRun);
        save = SaveExperimentDialog.button(experiments, this::draft);
        live.addSnapshotListener(s -> updateSave());

        VerticalLayout controlsColumn = new VerticalLayout(assignment, configureForm(), controls,
                configureExperiment(),
                LabText.explanation(this, "autoencoder.explain", 4), LabText.tryThis(this, "autoencoder.try", 4));

        HorizontalLayout top = new HorizontalLayout(configureArchitecture(), configureLoss());
        top.setWidthFull();
        top.addClassName("chart-row");
        HorizontalLayout bottom = new HorizontalLayout(configureLatent(), configureExplorer());
        bottom.setWidthFull();
        bottom.addClassName("chart-row");
        VerticalLayout charts = new VerticalLayout(top, configureSamples(), bottom);

        HorizontalLayout body = LabLayout.body(controlsColumn, charts);
        add(body);
        configurationChanged();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("autoencoder.title") + " · " + getTranslation("app.name");
    }

    // ---- controls ---------------------------------------------------------------------------------------------

    private VerticalLayout configureForm() {
        dataKind.setLabel(getTranslation("autoencoder.data"));
        dataKind.setItems(ImageSetKind.values());
        dataKind.setItemLabelGenerator(k -> getTranslation("autoencoder.data." + k.key()));
        dataKind.setTooltipText(getTranslation("autoencoder.data.tooltip"));

        hidden.setLabel(getTranslation("autoencoder.hidden"));
        hidden.setHelperText(getTranslation("autoencoder.hidden.helper"));
        hidden.setTooltipText(getTranslation("autoencoder.hidden.tooltip"));
        hidden.setClearButtonVisible(true);

        bottleneck.setLabel(getTranslation("autoencoder.bottleneck"));
        // no setMin/setMax: the field's own range check would show an empty message before ours
        bottleneck.setStepButtonsVisible(true);
        bottleneck.setTooltipText(getTranslation("autoencoder.bottleneck.tooltip"));

        activation.setLabel(getTranslation("autoencoder.activation"));
        activation.setItems(Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU,
                Activation.ELU, Activation.LINEAR);
        activation.setItemLabelGenerator(a -> getTranslation("autoencoder.activation." + a.key()));
        activation.setTooltipText(getTranslation("autoencoder.activation.tooltip"));

        tied.setLabel(getTranslation("autoencoder.tied"));
        tied.setTooltipText(getTranslation("autoencoder.tied.tooltip"));
        linearCode.setLabel(getTranslation("autoencoder.linearCode"));
        linearCode.setTooltipText(getTranslation("autoencoder.linearCode.tooltip"));

        loss.setLabel(getTranslation("autoencoder.loss"));
        loss.setItems(AutoencoderLoss.values());
        loss.setItemLabelGenerator(l -> getTranslation("autoencoder.loss." + l.key()));
        loss.setTooltipText(getTranslation("autoencoder.loss.tooltip"));

        noiseKind.setLabel(getTranslation("autoencoder.noise"));
        noiseKind.setItems(AutoencoderNoise.Kind.values());
        noiseKind.setItemLabelGenerator(k -> getTranslation("autoencoder.noise." + k.key()));
        noiseKind.setTooltipText(getTranslation("autoencoder.noise.tooltip"));
        noiseLevel.setWidthFull();
        noiseLevel.setAriaLabel(getTranslation("autoencoder.noiseLevel"));
        noiseLevel.setTooltipText(getTranslation("autoencoder.noiseLevel.tooltip"));

        optimizer.setLabel(getTranslation("autoencoder.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(k -> getTranslation("autoencoder.optimizer." + k.key()));
        learningRate.setLabel(getTranslation("autoencoder.learningRate"));
        learningRate.setTooltipText(getTranslation("autoencoder.learningRate.tooltip"));
        seed.setLabel(getTranslation("autoencoder.seed"));
        seed.setTooltipText(getTranslation("autoencoder.seed.tooltip"));
        seed.setStepButtonsVisible(true);

        binder.forField(dataKind).asRequired(getTranslation("autoencoder.required"))
                .bind(f -> f.data, (f, v) -> f.data = v);
        binder.forField(hidden).withValidator(this::hiddenValid, getTranslation("autoencoder.hidden.invalid",
                        AutoencoderConfig.MAX_HIDDEN_LAYERS, AutoencoderConfig.MAX_HIDDEN_SIZE))
                .bind(f -> f.hidden, (f, v) -> f.hidden = v);
        binder.forField(bottleneck).asRequired(getTranslation("autoencoder.bottleneck.invalid"))
                .withValidator(v -> v >= 1 && v <= AutoencoderSpec.MAX_BOTTLENECK,
                        getTranslation("autoencoder.bottleneck.invalid"))
                .bind(f -> f.bottleneck, (f, v) -> f.bottleneck = v);
        binder.forField(activation).asRequired(getTranslation("autoencoder.required"))
                .bind(f -> f.activation, (f, v) -> f.activation = v);
        binder.forField(tied).bind(f -> f.tied, (f, v) -> f.tied = v);
        binder.forField(linearCode).bind(f -> f.linearCode, (f, v) -> f.linearCode = v);
        binder.forField(loss).asRequired(getTranslation("autoencoder.required"))
                .withValidator(l -> l != AutoencoderLoss.BINARY_CROSS_ENTROPY || dataKind.getValue() == null
                        || dataKind.getValue().isImage(), getTranslation("autoencoder.loss.pointsNeedMse"))
                .bind(f -> f.loss, (f, v) -> f.loss = v);
        binder.forField(noiseKind).asRequired(getTranslation("autoencoder.required"))
                .bind(f -> f.noise, (f, v) -> f.noise = v);
        binder.forField(optimizer).asRequired(getTranslation("autoencoder.required"))
                .bind(f -> f.optimizer, (f, v) -> f.optimizer = v);
        binder.forField(learningRate).asRequired(getTranslation("autoencoder.learningRate.invalid"))
                .withValidator(v -> v > 0 && v <= AutoencoderConfig.MAX_LEARNING_RATE,
                        getTranslation("autoencoder.learningRate.invalid"))
                .bind(f -> f.learningRate, (f, v) -> f.learningRate = v);
        binder.forField(seed).asRequired(getTranslation("autoencoder.seed.invalid", AutoencoderConfig.MAX_SEED))
                .withValidator(v -> v >= 0 && v <= AutoencoderConfig.MAX_SEED,
                        getTranslation("autoencoder.seed.invalid", AutoencoderConfig.MAX_SEED))
                .bind(f -> f.seed, (f, v) -> f.seed = v);
        binder.setBean(form);

        dataKind.addValueChangeListener(e -> {
            // points need MSE; a loss the assignment locks stays, and the form says why it does not fit
            if (e.getValue() != null && !e.getValue().isImage() && !assignment.locked("loss")) {
                loss.setValue(AutoencoderLoss.MSE);
            }
            binder.validate();
        });
        List<com.vaadin.flow.component.HasValue<?, ?>> structural = List.of(dataKind, hidden, bottleneck, activation,
                tied, linearCode, loss, noiseKind, optimizer, seed);
        for (com.vaadin.flow.component.HasValue<?, ?> field : structural) {
            field.addValueChangeListener(e -> configurationChanged());
        }
        learningRate.addValueChangeListener(e -> {
            if (e.isFromClient() && binder.isValid() && live.hasRun()) {
                live.setLearningRate(e.getValue());
                runConfig = runConfig.withLearningRate(e.getValue());
            } else if (!binder.isValid()) {
                updateValidity();
            }
        });
        noiseLevel.addValueChangeListener(e -> {
            showNoiseLevel();
            if (live.hasRun() && runConfig != null && runConfig.noise().kind() != AutoencoderNoise.Kind.NONE) {
                live.setHyperparameter(AutoencoderLabTrainer.NOISE_LEVEL, e.getValue());
                runConfig = runConfig.withNoise(new AutoencoderNoise(runConfig.noise().kind(), e.getValue()));
            }
        });
        binder.addStatusChangeListener(e -> updateValidity());
        showNoiseLevel();

        Span levelLabel = new Span(getTranslation("autoencoder.noiseLevel") + " = ");
        levelLabel.addClassName("field-label");
        Div level = new Div(new Div(levelLabel, noiseLevelValue), noiseLevel);
        level.setWidthFull();
        HorizontalLayout opt = new HorizontalLayout(optimizer, learningRate);
        opt.setWidthFull();
        VerticalLayout box = new VerticalLayout(dataKind, hidden, bottleneck, activation, linearCode, tied, loss,
                noiseKind, level, opt, seed);
        box.setPadding(false);
        box.setSpacing(false);
        box.addClassName("ae-form");
        List<com.vaadin.flow.component.HasSize> wide = List.of(dataKind, hidden, bottleneck, activation, loss,
                noiseKind, seed);
        wide.forEach(com.vaadin.flow.component.HasSize::setWidthFull);
        return box;
    }

    private boolean hiddenValid(String text) {
        try {
            AutoencoderConfig.parseHidden(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void showNoiseLevel() {
        noiseLevelValue.setText(String.format(Locale.ROOT, "%.2f", noiseLevel.getValue()));
        noiseLevel.setEnabled(noiseKind.getValue() != AutoencoderNoise.Kind.NONE);
        assignment.lock("noiseLevel", noiseLevel); // enabled again just above
    }

    private void updateValidity() {
        controls.playButton().setEnabled(binder.isValid());
    }

    /** The current form as a config, or null while a field is invalid. */
    AutoencoderConfig currentConfig() {
        if (!binder.isValid()) {
            return null;
        }
        try {
            ImageSetKind kind = form.data;
            int samples = kind == form.samplesData ? form.samples : defaultSamples(kind);
            AutoencoderNoise noise = form.noise == AutoencoderNoise.Kind.NONE ? AutoencoderNoise.NONE
                    : new AutoencoderNoise(form.noise, noiseLevel.getValue());
            return new AutoencoderConfig(kind, samples, AutoencoderConfig.parseHidden(form.hidden), form.bottleneck,
                    form.activation, form.tied, form.loss, noise, form.optimizer, form.learningRate, form.seed,
                    form.linearCode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The samples the lab draws of a data set: fewer of the larger images, so an epoch stays short. */
    static int defaultSamples(ImageSetKind kind) {
        return kind.isImage() && kind != ImageSetKind.DIGITS_8 ? 600 : 1000;
    }

    /** A structural change: the old run no longer matches, so it goes and the charts start empty. */
    void configurationChanged() {
        showNoiseLevel();
        if (live.hasRun()) {
            live.discard();
        }
        runConfig = null;
        lastInternals = null;
        showingSaved = false;
        controls.showReady();
        lossChart.reset();
        errorReadout.setText(getTranslation("autoencoder.loss.empty"));
        latentPlane.setPoints(-1, 1, -1, 1, new double[0], new double[0], new int[0]);
        latentPlane.setPath(new double[0]);
        drawArchitecture();
        updateValidity();
        if (save != null) {
            updateSave();
        }
        reopened.showChanged();
    }

    boolean ensureRun() {
        if (live.hasRun() && runConfig != null) {
            return true;
        }
        AutoencoderConfig config = currentConfig();
        if (config == null) {
            binder.validate();
            return false;
        }
        if (live.create(AutoencoderLabTrainer.factory(config),
                RunSettings.seeded(config.seed()).withSpeed(controls.selectedSpeed()))) {
            runConfig = config;
            runProvenance = Provenance.MEASURED;
            return true;
        }
        return false;
    }

    // ---- experiments: save and reopen -------------------------------------------------------------------------

    private Div configureExperiment() {
        Div box = new Div(save, reopened);
        box.setWidthFull();
        updateSave();
        return box;
    }

    private boolean draftAvailable() {
        return live.hasRun() && runConfig != null && lastInternals != null && lastInternalsEpoch >= 1
                && !showingSaved;
    }

    /** Save is possible once the run has trained an epoch; the tooltip says why it is not yet. */
    private void updateSave() {
        boolean ready = draftAvailable();
        save.setEnabled(ready);
        save.setTooltipText(getTranslation(ready ? "experiments.saveDialog.open.tooltip"
                : "autoencoder.save.disabled"));
        assignment.setCanSubmit(ready);
    }

    /** Where the current run's figures come from: trained here from the seed, or from weights it did not train. */
    private Provenance runProvenance = Provenance.MEASURED;

    /**
     * The run as an experiment, built on the UI thread from the latest internals (whose frozen model copy gives the
     * weights) and the run's history up to the same epoch; null when nothing has trained yet.
     */
    ExperimentDraft draft() {
        AutoencoderInternals in = lastInternals;
        long epoch = lastInternalsEpoch;
        var run = live.run().orElse(null);
        if (!draftAvailable() || run == null) {
            return null;
        }
        List<MetricPoint> history = run.history().stream().filter(p -> p.epoch() <= epoch).toList();
        double[] x = history.stream().mapToDouble(MetricPoint::epoch).toArray();
        List<Curve> curves = List.of(Curve.of("loss", x, history.stream().mapToDouble(MetricPoint::trainLoss)
                .toArray()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!history.isEmpty()) {
            metrics.put("loss", history.get(history.size() - 1).trainLoss());
        }
        metrics.put("reconstruction error", in.reconstructionError());
        metrics.put("pca error", in.pcaError());
        String name = getTranslation("autoencoder.save.name", getTranslation("autoencoder.data." + runConfig.data()
                .key()), runConfig.bottleneck(), epoch);
        return new ExperimentDraft(LAB_KEY, name, "", List.of(), AutoencoderConfigJson.write(runConfig),
                AutoencoderConfigJson.VERSION, run.seed(), curves, metrics, in.decoder().weightsJson(),
                AutoencoderPicture.reconstructions(in).orElse(null)).withProvenance(runProvenance);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!assignment.beforeEnter(event)) {
            reopened.beforeEnter(event); // an assignment's configuration comes first, not a saved experiment's
        }
    }

    /**
     * Puts an experiment (or an assignment's configuration) into the lab: the form with the seed, the saved loss
     * curve, and a READY run that replays it from its seed or, with {@code fromWeights}, continues from its saved
     * weights and optimizer state. The form writes the same config back when nothing is changed (an assignment
     * compares them). False (with a message) when the configuration cannot be read or shown, or the run cannot be
     * built.
     */
    boolean restore(Experiment e, boolean fromWeights) {
        AutoencoderConfig config;
        try {
            config = AutoencoderConfigJson.read(e.configJson(), e.configVersion());
            if (e.seed() != config.seed()) {
                config = config.withSeed(e.seed()); // validated again: out of range is refused here
            }
            if (config.noise().level() > noiseLevel.getMax()) {
                // a config made elsewhere; the slider could not show it, and the form would write another level
                throw new IllegalArgumentException("noise level must be in [0, " + noiseLevel.getMax() + "], was "
                        + config.noise().level());
            }
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("autoencoder.experiment.unreadable", e.name(),
                    LabExperimentSupport.reason(this, ex)));
            return false;
        }
        if (fromWeights && e.weightsJson() == null) {
            LabExperimentSupport.error(getTranslation("autoencoder.experiment.noWeights", e.name()));
            return false;
        }
        form.data = config.data();
        form.samplesData = config.data();
        form.samples = config.samples();
        form.hidden = String.join(", ", java.util.Arrays.stream(config.hidden()).mapToObj(Integer::toString)
                .toList());
        form.bottleneck = config.bottleneck();
        form.activation = config.activation();
        form.tied = config.tied();
        form.linearCode = config.linearCode();
        form.loss = config.loss();
        form.noise = config.noise().kind();
        form.optimizer = config.optimizer();
        form.learningRate = config.learningRate();
        form.seed = (int) config.seed();
        if (config.noise().kind() != AutoencoderNoise.Kind.NONE) {
            noiseLevel.setValue(config.noise().level());
        }
        binder.refreshFields();
        configurationChanged();
        drawSavedCurve(e);
        boolean created = fromWeights ? continueFrom(e.weightsJson()) : ensureRun();
        if (created && fromWeights) {
            runProvenance = e.provenance().continued();
        }
        updateSave();
        return created;
    }

    private void drawSavedCurve(Experiment e) {
        lossChart.reset();
        e.curves().stream().filter(c -> c.name().equals("loss")).findFirst()
                .ifPresent(c -> lossChart.setPoints(0, c.x(), c.y()));
        showingSaved = true;
    }

    /**
     * A run whose model starts from the saved weights and optimizer state (data and batch order resume where the
     * saved run stood); false, with a message, when the weights do not fit the form's settings.
     */
    private boolean continueFrom(String weightsJson) {
        AutoencoderConfig config = currentConfig();
        if (config == null) {
            binder.validate();
            return false;
        }
        try {
            if (live.create(AutoencoderLabTrainer.factory(config, weightsJson),
                    RunSettings.seeded(config.seed()).withSpeed(controls.selectedSpeed()))) {
                runConfig = config;
                return true;
            }
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("autoencoder.experiment.continueFailed", ex.getMessage()));
        }
        return false;
    }

    /**
     * Greys out what an open assignment locks, by the config field each control writes (see AutoencoderConfigJson).
     * Some controls write two fields: the data set also picks the sample count, and the noise kind also the level
     * ("none" writes 0), so they are free only when both fields are unlocked. The noise slider is locked again
     * whenever the noise kind re-enables it.
     */
    void applyLocks() {
        assignment.lock("data", dataKind);
        assignment.lock("samples", dataKind);
        assignment.lock("hidden", hidden);
        assignment.lock("bottleneck", bottleneck);
        assignment.lock("activation", activation);
        assignment.lock("tied", tied);
        assignment.lock("linearCode", linearCode);
        assignment.lock("loss", loss);
        assignment.lock("noise", noiseKind);
        assignment.lock("noiseLevel", noiseKind, noiseLevel);
        assignment.lock("optimizer", optimizer);
        assignment.lock("learningRate", learningRate);
        assignment.lock("seed", seed);
    }

    // ---- panels -----------------------------------------------------------------------------------------------

    private Div configureArchitecture() {
        hourglass.addClassName("ae-hourglass");
        compression.addClassName("ae-compression");
        Div box = titled("autoencoder.chart.architecture", hourglass);
        box.add(new Paragraph(compression));
        return box;
    }

    private void drawArchitecture() {
        hourglass.removeAll();
        AutoencoderConfig config = currentConfig();
        if (config == null) {
            hourglass.add(new Span(getTranslation("autoencoder.architecture.invalid")));
            compression.setText("");
            return;
        }
        int inputs = config.data().isImage()
                ? (config.data() == ImageSetKind.DIGITS_8 ? 64 : 256) : 3;
        AutoencoderSpec spec = config.spec(inputs);
        int[] sizes = spec.layerSizes();
        int max = IntStream.of(sizes).max().orElse(1);
        int middle = sizes.length / 2;
        for (int i = 0; i < sizes.length; i++) {
            Div bar = new Div();
            bar.addClassName("ae-layer-bar");
            bar.addClassName(i < middle ? "encoder" : i == middle ? "code" : "decoder");
            bar.setHeight((int) Math.round(14 + 110 * Math.sqrt((double) sizes[i] / max)) + "px");
            Span size = new Span(Integer.toString(sizes[i]));
            Div layer = new Div(bar, size);
            layer.addClassName("ae-layer");
            hourglass.add(layer);
        }
        compression.setText(getTranslation("autoencoder.compression", inputs, spec.bottleneck(),
                format(spec.compressionRatio())));
    }

    private Div configureLoss() {
        lossChart.setAxisLabels(getTranslation("autoencoder.axis.epoch"), getTranslation("autoencoder.axis.loss"));
        lossChart.setLogY(true);
        lossChart.setEmptyText(getTranslation("autoencoder.loss.empty"));
        lossChart.setSeries(List.of(new LineChart.Series(getTranslation("autoencoder.series.train"), Palette.colour(0)),
                new LineChart.Series(getTranslation("autoencoder.series.pca"), Palette.colour(4), true)));
        errorReadout.addClassName("ae-error-readout");
        Div box = titled("autoencoder.chart.loss", lossChart);
        box.add(new Paragraph(errorReadout));
        return box;
    }

    private Div configureSamples() {
        samplesGrid.setRowLabels(List.of(getTranslation("autoencoder.row.input"),
                getTranslation("autoencoder.row.noisy"), getTranslation("autoencoder.row.reconstruction")));
        samplesEmpty.setText(getTranslation("autoencoder.samples.empty"));
        return titled("autoencoder.chart.samples", samplesGrid, samplesEmpty);
    }

    private Div configureLatent() {
        latentPlane.addPickListener(e -> pick(e.getX(), e.getY()));
        latentCaption.setText(getTranslation("autoencoder.latent.empty"));
        Div box = titled("autoencoder.chart.latent", latentPlane);
        box.add(new Paragraph(latentCaption));
        return box;
    }

    private Div configureExplorer() {
        decodedText.addClassName("ae-decoded-text");
        decodedText.setText(getTranslation("autoencoder.explorer.empty"));
        from.setLabel(getTranslation("autoencoder.interpolate.from"));
        to.setLabel(getTranslation("autoencoder.interpolate.to"));
        for (Select<Integer> s : List.of(from, to)) {
            s.setItems(IntStream.range(0, AutoencoderLabTrainer.SHOWN).boxed().toList());
            s.setItemLabelGenerator(i -> "#" + (i + 1));
            s.setWidth("7em");
        }
        from.setValue(0);
        to.setValue(1);
        interpolate.setText(getTranslation("autoencoder.interpolate"));
        interpolate.setTooltipText(getTranslation("autoencoder.interpolate.tooltip"));
        interpolate.addClickListener(e -> interpolate());
        interpolate.setEnabled(false);
        HorizontalLayout pickers = new HorizontalLayout(from, to, interpolate);
        pickers.setAlignItems(FlexComponent.Alignment.BASELINE);
        pickers.setWrap(true);
        Div box = titled("autoencoder.chart.explorer", decodedImage, decodedText, pickers, interpolation);
        box.add(new Paragraph(getTranslation("autoencoder.explorer.caption")));
        return box;
    }

    private Div titled(String key, com.vaadin.flow.component.Component... content) {
        Div box = new Div(new H3(getTranslation(key)));
        box.add(content);
        box.addClassName("chart-box");
        return box;
    }

    // ---- live updates -----------------------------------------------------------------------------------------

    void apply(Snapshot<AutoencoderInternals> snapshot) {
        // a reopened experiment's curve stays until the new run has points of its own to draw
        if (showingSaved && snapshot.epoch() > 0) {
            showingSaved = false;
            lossChart.reset();
        } else if (snapshot.fromStart() && !showingSaved) {
            lossChart.reset();
        }
        AutoencoderInternals in = snapshot.internals();
        if (in != null) {
            lastInternalsEpoch = snapshot.epoch();
        }
        List<MetricPoint> points = snapshot.newPoints();
        if (!points.isEmpty()) {
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i).epoch();
                y[i] = points.get(i).trainLoss();
            }
            lossChart.appendPoints(0, x, y);
            if (in != null) {
                double[] pca = new double[x.length];
                java.util.Arrays.fill(pca, Math.max(in.pcaError(), 1e-12));
                lossChart.appendPoints(1, x, pca);
            }
        }
        if (in != null) {
            showInternals(in, snapshot.state() != RunState.RUNNING || snapshot.fromStart());
        }
    }

    private void showInternals(AutoencoderInternals in, boolean force) {
        lastInternals = in;
        interpolate.setEnabled(true);
        errorReadout.setText(getTranslation("autoencoder.error", format(in.reconstructionError()), in.bottleneck(),
                format(in.pcaError())));
        long now = System.nanoTime();
        // 8×8 grids fit every snapshot; 16×16 ones are sent about twice a second to stay within the bandwidth budget
        long gridInterval = (long) (in.grid().length * 4.0 / 3.0 / GRID_BYTES_PER_SECOND * 1e9);
        if (in.image() && (force || now - lastGridNanos > gridInterval)) {
            lastGridNanos = now;
            samplesGrid.setImages(in.width(), in.height(), 3 * in.shown(), in.shown(), in.grid());
        }
        samplesGrid.setVisible(in.image());
        samplesEmpty.setVisible(!in.image());
        if (!in.image()) {
            samplesEmpty.setText(getTranslation("autoencoder.samples.points"));
        }
        if (force || now - lastLatentNanos > LATENT_INTERVAL_NANOS) {
            lastLatentNanos = now;
            showLatent(in);
        }
    }

    private void showLatent(AutoencoderInternals in) {
        double[] x = in.latentX();
        double[] y = in.latentY();
        double[] xr = range(x);
        double[] yr = in.bottleneck() == 1 ? new double[]{-1, 1} : range(y);
        List<String> names = in.classNames().stream().map(this::className).toList();
        if (!names.equals(shownClasses)) {
            shownClasses = names;
            latentPlane.setClasses(names, CLASS_COLOURS);
        }
        latentPlane.setPoints(xr[0], xr[1], yr[0], yr[1], x, y, in.latentLabels());
        latentCaption.setText(getTranslation(in.bottleneck() == 1 ? "autoencoder.latent.one"
                : in.bottleneck() == 2 ? "autoencoder.latent.two" : "autoencoder.latent.pca", in.bottleneck())
                + " " + NeighboursText.of(in, this));
        NeighboursText.nameAxes(latentPlane, in, this);
    }

    /** min − 10%, max + 10% of the spread, never empty. */
    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (!(hi >= lo)) {
            return new double[]{-1, 1};
        }
        double pad = Math.max((hi - lo) * 0.1, 1e-3);
        return new double[]{lo - pad, hi + pad};
    }

    /** The decoder explorer: what the decoder draws at plane point (x, y). */
    void pick(double x, double y) {
        AutoencoderInternals in = lastInternals;
        if (in == null) {
            decodedText.setText(getTranslation("autoencoder.explorer.empty"));
            return;
        }
        double[] out = in.decoder().decodeAt(x, y);
        if (in.image()) {
            decodedImage.setImages(in.width(), in.height(), 1, 1, quantize(out));
            decodedText.setText(getTranslation("autoencoder.explorer.at", format(x), format(y)));
        } else {
            decodedText.setText(getTranslation("autoencoder.explorer.point", format(x), format(y), format(out[0]),
                    format(out[1]), format(out[2])));
        }
    }

    /** Decodes {@link #INTERPOLATION_STEPS} codes on the straight line between the two chosen inputs' codes. */
    void interpolate() {
        AutoencoderInternals in = lastInternals;
        if (in == null || from.getValue() == null || to.getValue() == null) {
            return;
        }
        double[] a = in.shownSample(from.getValue());
        double[] b = in.shownSample(to.getValue());
        LatentDecoder decoder = in.decoder();
        double[][] steps = decoder.interpolate(a, b, INTERPOLATION_STEPS);
        if (in.image()) {
            byte[] bytes = new byte[steps.length * in.features()];
            for (int s = 0; s < steps.length; s++) {
                System.arraycopy(quantize(steps[s]), 0, bytes, s * in.features(), in.features());
            }
            interpolation.setImages(in.width(), in.height(), steps.length, steps.length, bytes);
        }
        double[] pa = decoder.planeOf(a);
        double[] pb = decoder.planeOf(b);
        latentPlane.setPath(new double[]{pa[0], pa[1], pb[0], pb[1]});
    }

    private static byte[] quantize(double[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = AutoencoderInternals.quantize(values[i]);
        }
        return b;
    }

    private String className(String key) {
        return key.chars().allMatch(Character::isDigit) ? key : getTranslation("autoencoder.class." + key);
    }

    private String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 0.01 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2e", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
