package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.BoundedUpload;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.LabLayout;
import io.tinynets.base.ui.LabText;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.TrainingControls;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.data.CsvDatasetReader;
import io.tinynets.data.CsvFormatException;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.data.Point2D;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.Provenance;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.ReopenedExperimentBar;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.LivePicture;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundPicture;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.playground.WeightEdit;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunSettings;
import io.tinynets.training.RunState;
import io.tinynets.training.Snapshot;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The Network Playground: TensorFlow Playground's lab on our engine. Pick data (or upload or draw your own), the
 * features, layers and training settings, and watch the decision boundary, every unit's own picture, the weights
 * and the loss curves change as it trains. Live sends stay within a byte budget per browser.
 */
@Route("playground")
@Menu(title = "nav.playground", order = 4, icon = "vaadin:cluster")
class PlaygroundView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String LAB_KEY = "playground";
    /** Bytes per second the boundary and the diagram may use while training (charts and points come on top). */
    static final double BOUNDARY_BYTES_PER_SECOND = 12_000;
    static final double DIAGRAM_BYTES_PER_SECOND = 12_000;

    /** The form's values, bound with field-level rules. */
    static final class Form {
        Integer noise = 0;
        Integer trainPercent = 50;
        Integer batchSize = 10;
        Integer points = 200;
        Integer seed = 1;
        Set<Feature> features = EnumSet.of(Feature.X1, Feature.X2);
        Double learningRate = 0.03;
        Double regularizationRate = 0.0;
    }

    final Form form = new Form();
    final Binder<Form> binder = new Binder<>();

    final RadioButtonGroup<DatasetKind> dataset = new RadioButtonGroup<>();
    final IntegerField noise = new IntegerField();
    final IntegerField trainPercent = new IntegerField();
    final IntegerField batchSize = new IntegerField();
    final IntegerField points = new IntegerField();
    final IntegerField seed = new IntegerField();
    final Button regenerate = new Button();
    /** The student's CSV: at most {@link CsvDatasetReader#MAX_BYTES}, counted on the server as it streams in. */
    final Upload upload = BoundedUpload.control(CsvDatasetReader.MAX_BYTES,
            bytes -> loadCsv(new ByteArrayInputStream(bytes)),
            () -> showUploadError(getTranslation("upload.tooLarge", BoundedUpload.size(CsvDatasetReader.MAX_BYTES))));
    final Span uploadStatus = new Span();
    final Select<Integer> clickClass = new Select<>();

    final CheckboxGroup<Feature> features = new CheckboxGroup<>();
    final List<Integer> hidden = new ArrayList<>(List.of(4, 2));
    final List<Activation> activations = new ArrayList<>(List.of(Activation.TANH, Activation.TANH));
    final Button addLayer = new Button(VaadinIcon.PLUS.create());
    final Button removeLayer = new Button(VaadinIcon.MINUS.create());
    final Span layerCount = new Span();
    final Div layerRows = new Div();
    final Select<OutputLoss> outputLoss = new Select<>();
    final Select<Initializer> initializer = new Select<>();
    final Select<OptimizerKind> optimizer = new Select<>();
    final RangeSlider learningRateSlider = new RangeSlider(-5, 1, 0.1, Math.log10(0.03));
    final NumberField learningRate = new NumberField();
    final Select<RegularizationKind> regularization = new Select<>();
    final NumberField regularizationRate = new NumberField();

    final HeatMap boundary = new HeatMap(360);
    final NetworkDiagram diagram = new NetworkDiagram();
    final Span editStatus = new Span();
    final LineChart lossChart = new LineChart();
    final LineChart accuracyChart = new LineChart();
    final Span readout = new Span();

    final LiveTraining<PlaygroundInternals> training;
    final TrainingControls controls;
    final ByteBudget boundaryBudget = new ByteBudget(BOUNDARY_BYTES_PER_SECOND, 100);
    final ByteBudget diagramBudget = new ByteBudget(DIAGRAM_BYTES_PER_SECOND, 250);
    /** The trainer of the current run, for weight edits (the runtime may rebuild it on reset). */
    final AtomicReference<PlaygroundTrainer> currentTrainer = new AtomicReference<>();
    final Button saveExperiment;
    final ReopenedExperimentBar reopened;
    final AssignmentBar assignment;
    private final ExperimentService experiments;
    /** What the current run was built from, and the latest internals (with their epoch) it delivered. */
    private PlaygroundConfig runConfig;
    private Dataset2D runData;
    private boolean runCustomData;
    private PlaygroundInternals lastInternals;
    long lastInternalsEpoch;
    /** Where the current run's figures come from: trained here from the seed, or from weights it did not train. */
    private Provenance runProvenance = Provenance.MEASURED;

    Dataset2D data;
    boolean customData;
    /** True when the controls changed since the run was built: the next play builds a new run. */
    boolean dirty = true;
    private double[] ghostX = new double[0];
    private double[] ghostY = new double[0];
    private PlaygroundInternals lastBoundary;
    private PlaygroundInternals lastDiagram;
    private boolean building;
    private boolean previewPending;
    private int shownClasses = -1;

    PlaygroundView(TrainingService service, ExperimentService experiments, AssignmentService assignments) {
        this.experiments = experiments;
        training = new LiveTraining<>(this, service, LAB_KEY, this::onSnapshot);
        controls = new TrainingControls(training, this::ensureRun);
        saveExperiment = SaveExperimentDialog.button(experiments, this::draft);
        reopened = new ReopenedExperimentBar(LAB_KEY, experiments, this::restore);
        assignment = new AssignmentBar(LAB_KEY, assignments, experiments, this::restore, this::draft,
                this::applyLocks);
        updateSaveButton();
        building = true;
        setSizeFull();
        addClassName("lab-view");
        addClassName("playground");
        add(new H2(getTranslation("playground.title")), new Paragraph(getTranslation("playground.intro")));

        VerticalLayout side = new VerticalLayout(assignment, controls, saveExperiment, reopened, configureData(),
                configureFeatures(), configureNetwork(),
                configureTraining(), LabText.explanation(this, "playground.explain", 4),
                LabText.tryThis(this, "playground.try", 5));

        VerticalLayout charts = new VerticalLayout(configureLive(), configureCurves());

        HorizontalLayout body = LabLayout.body(side, charts);
        add(body);
        configureBinder();
        building = false;
        regenerateData();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("playground.title") + " · " + getTranslation("app.name");
    }

    // ---- controls --------------------------------------------------------------------------------------------

    private Component configureData() {
        dataset.setLabel(getTranslation("playground.data"));
        dataset.setItems(DatasetKind.values());
        dataset.setRenderer(new ComponentRenderer<>(kind -> {
            Span s = new Span(new Html(DatasetThumbnails.svg(kind)), new Span(getTranslation("playground.dataset."
                    + kind.key())));
            s.addClassName("dataset-choice");
            return s;
        }));
        dataset.setValue(DatasetKind.CIRCLE);
        dataset.addClassName("dataset-picker");
        dataset.setTooltipText(getTranslation("playground.data.tooltip"));
        dataset.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                regenerateData();
            }
        });
        integer(noise, "playground.noise", 0, 50);
        integer(trainPercent, "playground.trainPercent", 10, 90);
        integer(batchSize, "playground.batchSize", PlaygroundConfig.MIN_BATCH, PlaygroundConfig.MAX_BATCH);
        integer(points, "playground.points", PlaygroundConfig.MIN_POINTS, PlaygroundConfig.MAX_POINTS);
        integer(seed, "playground.seed", (int) PlaygroundConfig.MIN_SEED, (int) PlaygroundConfig.MAX_SEED);
        regenerate.setText(getTranslation("playground.regenerate"));
        regenerate.setIcon(VaadinIcon.REFRESH.create());
        regenerate.setTooltipText(getTranslation("playground.regenerate.tooltip"));
        regenerate.addClickListener(e -> {
            if (seed.getValue() != null && seed.getValue() < 999_999) {
                seed.setValue(seed.getValue() + 1);
            } else {
                regenerateData();
            }
        });
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setDropLabel(new Span(getTranslation("playground.upload.drop")));
        upload.setUploadButton(new Button(getTranslation("playground.upload"), VaadinIcon.UPLOAD.create()));
        upload.getElement().setAttribute("title", getTranslation("playground.upload.tooltip"));
        upload.addFileRejectedListener(e -> showUploadError(e.getErrorMessage()));
        uploadStatus.addClassName("upload-status");
        clickClass.setLabel(getTranslation("playground.clickClass"));
        clickClass.setTooltipText(getTranslation("playground.clickClass.tooltip"));
        Div box = section("playground.section.data", dataset, row(noise, trainPercent), row(batchSize, points),
                row(seed, regenerate), upload, uploadStatus, clickClass);
        return box;
    }

    private Component configureFeatures() {
        features.setLabel(getTranslation("playground.features"));
        features.setItems(Feature.values());
        features.setItemLabelGenerator(PlaygroundView::featureLabel);
        features.setTooltipText(getTranslation("playground.features.tooltip"));
        features.addClassName("feature-picker");
        features.addValueChangeListener(e -> configChanged());
        return section("playground.section.features", features);
    }

    private Component configureNetwork() {
        addLayer.setTooltipText(getTranslation("playground.layers.add"));
        removeLayer.setTooltipText(getTranslation("playground.layers.remove"));
        addLayer.setAriaLabel(getTranslation("playground.layers.add"));
        removeLayer.setAriaLabel(getTranslation("playground.layers.remove"));
        addLayer.addClickListener(e -> {
            if (hidden.size() < PlaygroundConfig.MAX_LAYERS) {
                hidden.add(hidden.isEmpty() ? 4 : hidden.get(hidden.size() - 1));
                activations.add(activations.isEmpty() ? Activation.TANH : activations.get(activations.size() - 1));
                layersChanged();
            }
        });
        removeLayer.addClickListener(e -> {
            if (!hidden.isEmpty()) {
                hidden.remove(hidden.size() - 1);
                activations.remove(activations.size() - 1);
                layersChanged();
            }
        });
        HorizontalLayout layers = new HorizontalLayout(removeLayer, layerCount, addLayer);
        layers.setAlignItems(FlexComponent.Alignment.CENTER);
        layerRows.addClassName("layer-rows");

        outputLoss.setLabel(getTranslation("playground.outputLoss"));
        outputLoss.setItemLabelGenerator(o -> getTranslation("playground.outputLoss." + o.key()));
        outputLoss.setTooltipText(getTranslation("playground.outputLoss.tooltip"));
        outputLoss.setWidthFull();
        outputLoss.addValueChangeListener(e -> configChanged());
        initializer.setLabel(getTranslation("playground.initializer"));
        initializer.setItems(Initializer.values());
        initializer.setItemLabelGenerator(i -> getTranslation("playground.initializer." + i.key()));
        initializer.setValue(Initializer.XAVIER);
        initializer.setTooltipText(getTranslation("playground.initializer.tooltip"));
        initializer.addValueChangeListener(e -> configChanged());
        renderLayers();
        return section("playground.section.network", layers, layerRows, outputLoss, initializer);
    }

    private Component configureTraining() {
        optimizer.setLabel(getTranslation("playground.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(o -> getTranslation("playground.optimizer." + o.key()));
        optimizer.setValue(OptimizerKind.SGD);
        optimizer.setTooltipText(getTranslation("playground.optimizer.tooltip"));
        optimizer.addValueChangeListener(e -> configChanged());

        learningRate.setLabel(getTranslation("playground.learningRate"));
        learningRate.setTooltipText(getTranslation("playground.learningRate.tooltip"));
        learningRate.setStep(0.00001);
        learningRate.setWidth("9em");
        learningRateSlider.setAriaLabel(getTranslation("playground.learningRate"));
        learningRateSlider.setTooltipText(getTranslation("playground.learningRate.slider"));
        learningRateSlider.setWidthFull();
        learningRateSlider.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                learningRate.setValue(roundLr(Math.pow(10, e.getValue())));
            }
        });

        regularization.setLabel(getTranslation("playground.regularization"));
        regularization.setItems(RegularizationKind.values());
        regularization.setItemLabelGenerator(r -> getTranslation("playground.regularization." + r.key()));
        regularization.setValue(RegularizationKind.NONE);
        regularization.setTooltipText(getTranslation("playground.regularization.tooltip"));
        regularization.addValueChangeListener(e -> configChanged());
        regularizationRate.setLabel(getTranslation("playground.regularizationRate"));
        regularizationRate.setTooltipText(getTranslation("playground.regularizationRate.tooltip"));
        regularizationRate.setWidth("9em");
        return section("playground.section.training", optimizer, learningRate, learningRateSlider,
                row(regularization, regularizationRate));
    }

    private Component configureLive() {
        boundary.setColorMap(HeatMap.ColorMap.DIVERGING);
        boundary.addGridClickListener(e -> clickPoint(e.getX(), e.getY(), e.isShift()));
        boundary.getElement().setAttribute("title", getTranslation("playground.boundary.tooltip"));
        Div boundaryBox = box("playground.chart.boundary", boundary);
        boundaryBox.addClassName("boundary-box");
        boundaryBox.add(new Paragraph(getTranslation("playground.boundary.caption")));
        editStatus.addClassName("edit-status");
        Div diagramBox = box("playground.chart.network", diagram);
        diagramBox.add(new Paragraph(getTranslation("playground.network.caption")), editStatus);
        diagram.addEditListener(e -> openEditor(e.layer, e.to, e.from, e.value));
        HorizontalLayout row = new HorizontalLayout(diagramBox, boundaryBox);
        row.setWidthFull();
        row.addClassName("chart-row");
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private Component configureCurves() {
        lossChart.setAxisLabels(getTranslation("playground.axis.epoch"), getTranslation("playground.axis.loss"));
        lossChart.setEmptyText(getTranslation("playground.empty"));
        lossChart.setSeries(List.of(new LineChart.Series(getTranslation("playground.series.train"), Palette.colour(0)),
                new LineChart.Series(getTranslation("playground.series.test"), Palette.colour(1)),
                new LineChart.Series(getTranslation("playground.series.ghost"), "#999999", true)));
        accuracyChart.setAxisLabels(getTranslation("playground.axis.epoch"),
                getTranslation("playground.axis.accuracy"));
        accuracyChart.setEmptyText(getTranslation("playground.empty"));
        accuracyChart.setYRange(0, 1);
        accuracyChart.setSeries(List.of(new LineChart.Series(getTranslation("playground.series.accuracy"),
                Palette.colour(2))));
        readout.addClassName("playground-readout");
        Div lossBox = box("playground.chart.loss", lossChart);
        lossBox.add(readout);
        HorizontalLayout row = new HorizontalLayout(lossBox, box("playground.chart.accuracy", accuracyChart));
        row.setWidthFull();
        row.addClassName("chart-row");
        return row;
    }

    private void configureBinder() {
        binder.forField(noise).asRequired(getTranslation("playground.error.required"))
                .withValidator(v -> v >= 0 && v <= 50, getTranslation("playground.error.range", 0, 50))
                .bind(f -> f.noise, (f, v) -> f.noise = v);
        binder.forField(trainPercent).asRequired(getTranslation("playground.error.required"))
                .withValidator(v -> v >= 10 && v <= 90, getTranslation("playground.error.range", 10, 90))
                .bind(f -> f.trainPercent, (f, v) -> f.trainPercent = v);
        binder.forField(batchSize).asRequired(getTranslation("playground.error.required"))
                .withValidator(v -> v >= PlaygroundConfig.MIN_BATCH && v <= PlaygroundConfig.MAX_BATCH,
                        getTranslation("playground.error.range", PlaygroundConfig.MIN_BATCH, PlaygroundConfig.MAX_BATCH))
                .bind(f -> f.batchSize, (f, v) -> f.batchSize = v);
        binder.forField(points).asRequired(getTranslation("playground.error.required"))
                .withValidator(v -> v >= PlaygroundConfig.MIN_POINTS && v <= PlaygroundConfig.MAX_POINTS,
                        getTranslation("playground.error.range", PlaygroundConfig.MIN_POINTS,
                                PlaygroundConfig.MAX_POINTS))
                .bind(f -> f.points, (f, v) -> f.points = v);
        binder.forField(seed).asRequired(getTranslation("playground.error.required"))
                .withValidator(v -> v >= PlaygroundConfig.MIN_SEED && v <= PlaygroundConfig.MAX_SEED,
                        getTranslation("playground.error.range", PlaygroundConfig.MIN_SEED, PlaygroundConfig.MAX_SEED))
                .bind(f -> f.seed, (f, v) -> f.seed = v);
        binder.forField(features).withValidator(v -> v != null && !v.isEmpty(),
                        getTranslation("playground.error.features"))
                .bind(f -> f.features, (f, v) -> f.features = v.isEmpty() ? EnumSet.noneOf(Feature.class)
                        : EnumSet.copyOf(v));
        binder.forField(learningRate).asRequired(getTranslation("playground.error.required"))
                .withValidator(v -> v >= PlaygroundConfig.MIN_LEARNING_RATE && v <= PlaygroundConfig.MAX_LEARNING_RATE,
                        getTranslation("playground.error.learningRate", "0.00001", "10"))
                .bind(f -> f.learningRate, (f, v) -> f.learningRate = v);
        binder.forField(regularizationRate).asRequired(getTranslation("playground.error.required"))
                .withValidator(v -> v >= 0 && v <= PlaygroundConfig.MAX_REGULARIZATION_RATE,
                        getTranslation("playground.error.rangeDecimal", "0", "10"))
                .bind(f -> f.regularizationRate, (f, v) -> f.regularizationRate = v);
        binder.setBean(form);
        binder.addStatusChangeListener(e -> controls.playButton().setEnabled(binder.isValid()));

        // what regenerates the data, what only needs a new run, what changes live
        for (IntegerField f : List.of(noise, trainPercent, points, seed)) {
            f.addValueChangeListener(e -> {
                if (binder.isValid()) {
                    regenerateData();
                }
            });
        }
        batchSize.addValueChangeListener(e -> configChanged());
        learningRate.addValueChangeListener(e -> {
            if (e.getValue() != null && learningRate.getValue() >= PlaygroundConfig.MIN_LEARNING_RATE
                    && learningRate.getValue() <= PlaygroundConfig.MAX_LEARNING_RATE) {
                double log = Math.max(-5, Math.min(1, Math.log10(e.getValue())));
                learningRateSlider.setValue(log);
                if (training.hasRun() && !dirty) {
                    training.setLearningRate(e.getValue());
                    // a saved experiment records the rate in effect now (and an assignment checks it)
                    runConfig = runConfig.withLearningRate(e.getValue());
                }
            }
        });
        regularizationRate.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() >= 0 && e.getValue() <= PlaygroundConfig.MAX_REGULARIZATION_RATE
                    && training.hasRun() && !dirty) {
                training.setHyperparameter(PlaygroundTrainer.REGULARIZATION_RATE, e.getValue());
                runConfig = runConfig.withRegularizationRate(e.getValue());
            }
        });
    }

    // ---- layers ----------------------------------------------------------------------------------------------

    private void layersChanged() {
        renderLayers();
        configChanged();
    }

    private void renderLayers() {
        layerCount.setText(getTranslation("playground.layers.count", hidden.size()));
        addLayer.setEnabled(hidden.size() < PlaygroundConfig.MAX_LAYERS);
        removeLayer.setEnabled(!hidden.isEmpty());
        assignment.lock("hidden", addLayer, removeLayer);
        layerRows.removeAll();
        for (int i = 0; i < hidden.size(); i++) {
            int layer = i;
            Button minus = new Button(VaadinIcon.MINUS.create(), e -> changeWidth(layer, -1));
            Button plus = new Button(VaadinIcon.PLUS.create(), e -> changeWidth(layer, +1));
            minus.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            plus.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            minus.setTooltipText(getTranslation("playground.neurons.remove"));
            plus.setTooltipText(getTranslation("playground.neurons.add"));
            minus.setAriaLabel(getTranslation("playground.neurons.remove"));
            plus.setAriaLabel(getTranslation("playground.neurons.add"));
            minus.setEnabled(hidden.get(i) > 1);
            plus.setEnabled(hidden.get(i) < PlaygroundConfig.MAX_NEURONS);
            Select<Activation> act = new Select<>();
            act.setItems(Activation.values());
            act.setItemLabelGenerator(a -> getTranslation("activation.name." + a.key()));
            act.setValue(activations.get(i));
            act.setTooltipText(getTranslation("playground.activation.tooltip"));
            act.setAriaLabel(getTranslation("playground.activation"));
            act.setWidth("9em");
            act.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    activations.set(layer, e.getValue());
                    configChanged();
                }
            });
            assignment.lock("hidden", minus, plus);
            assignment.lock("activations", act);
            Span label = new Span(getTranslation("playground.layer", i + 1, hidden.get(i)));
            label.addClassName("layer-label");
            HorizontalLayout row = new HorizontalLayout(label, minus, plus, act);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setSpacing(false);
            row.addClassName("layer-row");
            layerRows.add(row);
        }
    }

    void changeWidth(int layer, int delta) {
        int w = hidden.get(layer) + delta;
        if (w >= 1 && w <= PlaygroundConfig.MAX_NEURONS) {
            hidden.set(layer, w);
            layersChanged();
        }
    }

    /** Sets every hidden layer at once (tests and presets). */
    void setLayers(List<Integer> widths, Activation activation) {
        hidden.clear();
        hidden.addAll(widths);
        activations.clear();
        widths.forEach(w -> activations.add(activation));
        layersChanged();
    }

    // ---- data ------------------------------------------------------------------------------------------------

    void regenerateData() {
        if (building || !binder.isValid() || dataset.getValue() == null) {
            return;
        }
        customData = false;
        uploadStatus.setText("");
        DatasetKind kind = dataset.getValue();
        data = Dataset2D.generate(kind, form.points, form.noise / 100.0, form.trainPercent / 100.0,
                new SplittableRandom(form.seed));
        dataChanged();
    }

    /** Reads a CSV upload: on any problem nothing changes and the line and reason are shown. */
    void loadCsv(InputStream in) {
        CsvDatasetReader.Result result;
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            result = new CsvDatasetReader().read(reader);
        } catch (CsvFormatException e) {
            String reason = getTranslation(e.messageKey(), e.args().toArray());
            showUploadError(getTranslation("playground.upload.error", e.line(), reason));
            return;
        } catch (IOException | UncheckedIOException e) {
            showUploadError(getTranslation("playground.upload.unreadable"));
            return;
        }
        int fraction = form.trainPercent == null ? 50 : form.trainPercent;
        data = Dataset2D.split(result.points(), result.classes(), fraction / 100.0,
                new SplittableRandom(form.seed == null ? 1 : form.seed));
        customData = true;
        uploadStatus.setText(getTranslation("playground.upload.loaded", result.points().size(), result.classes()));
        uploadStatus.getElement().getThemeList().clear();
        uploadStatus.getElement().getThemeList().add("badge success");
        dataChanged();
    }

    private void showUploadError(String text) {
        uploadStatus.setText(text);
        uploadStatus.getElement().getThemeList().clear();
        uploadStatus.getElement().getThemeList().add("badge error");
    }

    /** Click adds a training point of the chosen class; shift-click removes the nearest point within reach. */
    void clickPoint(double x, double y, boolean remove) {
        if (data == null) {
            return;
        }
        if (assignment.locked("customData")) {
            // the assignment fixes the data: a drawn point would make the run differ from it
            LabExperimentSupport.error(getTranslation("classroom.assignmentBar.locked"));
            return;
        }
        List<Point2D> train = new ArrayList<>(data.train());
        List<Point2D> test = new ArrayList<>(data.test());
        if (remove) {
            double reach = 0.5;
            int best = -1;
            boolean inTrain = true;
            double bestD = reach;
            for (int i = 0; i < train.size(); i++) {
                double d = Math.hypot(train.get(i).x1() - x, train.get(i).x2() - y);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                    inTrain = true;
                }
            }
            for (int i = 0; i < test.size(); i++) {
                double d = Math.hypot(test.get(i).x1() - x, test.get(i).x2() - y);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                    inTrain = false;
                }
            }
            if (best < 0 || inTrain && train.size() == 1) {
                return;
            }
            (inTrain ? train : test).remove(best);
        } else {
            if (clickClass.getValue() == null || train.size() >= Dataset2D.MAX_SIZE) {
                return;
            }
            train.add(new Point2D(x, y, clickClass.getValue()));
        }
        data = new Dataset2D(train, test, data.classes());
        customData = true;
        dataChanged();
    }

    private void dataChanged() {
        int classes = data.classes();
        if (classes != shownClasses) {
            // a new kind of task: offer its output/loss pairs, the sensible default first
            shownClasses = classes;
            List<OutputLoss> choices = OutputLoss.choicesFor(classes);
            outputLoss.setItems(choices);
            outputLoss.setValue(choices.get(0));
        }
        List<Integer> labels = classes == 0 ? List.of(-1, 1) : IntStream.range(0, classes).boxed().toList();
        Integer chosen = clickClass.getValue();
        clickClass.setItems(labels);
        clickClass.setItemLabelGenerator(c -> classes == 0 ? getTranslation("playground.clickValue", c)
                : getTranslation("playground.clickClass.item", c + 1));
        clickClass.setValue(chosen != null && labels.contains(chosen) ? chosen : labels.get(labels.size() - 1));
        drawPoints();
        configChanged();
    }

    private void drawPoints() {
        LivePicture.Overlay points = PlaygroundPicture.points(data);
        boundary.setDomain(points.xMin(), points.xMax(), points.yMin(), points.yMax());
        boundary.setPoints(points.x(), points.y(), points.classes(), points.hollow());
        DecisionMapLegend.apply(boundary, data, this);
    }

    // ---- runs ------------------------------------------------------------------------------------------------

    /** A control changed that needs a new network: the current run ends, its curve stays as the ghost. */
    void configChanged() {
        if (building) {
            return;
        }
        dirty = true;
        if (training.hasRun()) {
            keepGhost();
            training.discard();
            currentTrainer.set(null);
            controls.showReady();
            resetCurves();
        }
        editStatus.setText("");
        updateSaveButton();
        reopened.showChanged();
        schedulePreview();
    }

    /**
     * Previews once the round trip's changes are all in: a control's own listener runs before the binder has written
     * the form, and one click may change several controls.
     */
    private void schedulePreview() {
        if (previewPending) {
            return;
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            previewPending = true;
            ui.beforeClientResponse(this, context -> {
                previewPending = false;
                if (!training.hasRun() || dirty) {
                    previewNetwork();
                }
            });
        }
    }

    /**
     * Before Play, the network of the current settings as Play will build it (same seed, untrained): the diagram and
     * the decision map show its starting point instead of empty boxes, and every change of layers or features is
     * seen at once, as in TensorFlow Playground. Built here on the UI thread, outside the training service: it is
     * one forward pass over the grids, and it never trains.
     */
    void previewNetwork() {
        if (building || data == null || !binder.isValid() || outputLoss.getValue() == null) {
            return;
        }
        PlaygroundConfig config;
        PlaygroundInternals start;
        try {
            config = config();
            start = new PlaygroundTrainer(config, data, form.seed, null).captureInternals();
        } catch (IllegalArgumentException e) {
            return; // the form or the upload status already says what is wrong
        }
        diagram.setNetwork(layerSizes(config, data), config.features().stream().map(PlaygroundView::featureLabel)
                .toList());
        diagram.setState(start);
        boundary.setGrid(start.gridSize(), start.gridSize(), start.boundary(), start.boundaryMin(),
                start.boundaryMax());
        boundary.setColorMap(HeatMap.ColorMap.valueOf(PlaygroundPicture.colours(start).name()));
        readout.setText("");
        lastBoundary = null;
        lastDiagram = null;
    }

    PlaygroundConfig config() {
        return new PlaygroundConfig(dataset.getValue() == null ? DatasetKind.CIRCLE : dataset.getValue(),
                form.points, form.noise / 100.0, form.trainPercent / 100.0, form.batchSize, form.seed,
                orderedFeatures(), hidden, activations, outputLoss.getValue(), initializer.getValue(),
                optimizer.getValue(), form.learningRate, regularization.getValue(), form.regularizationRate);
    }

    private List<Feature> orderedFeatures() {
        Set<Feature> chosen = new LinkedHashSet<>(form.features);
        return java.util.Arrays.stream(Feature.values()).filter(chosen::contains).toList();
    }

    /** Builds a run from the controls when needed; false (with the fields showing why) when they are invalid. */
    boolean ensureRun() {
        if (!binder.validate().isOk() || data == null) {
            return false;
        }
        if (training.hasRun() && !dirty) {
            return true;
        }
        return createRun(form.seed, null);
    }

    /**
     * Replaces the run by one built from the controls: fresh weights drawn from {@code runSeed}, or the saved
     * weights when {@code savedWeights} is given (applied by the trainer as it is built, never to a live trainer).
     */
    private boolean createRun(long runSeed, String savedWeights) {
        PlaygroundConfig config;
        Dataset2D runData = data;
        boolean created;
        try {
            config = config();
            // the service checks the pairing with the data (and the saved weights' shape) before it builds anything
            created = training.create(PlaygroundTrainer.factory(config, runData, savedWeights, currentTrainer::set),
                    RunSettings.seeded(runSeed).withSpeed(controls.selectedSpeed()));
        } catch (IllegalArgumentException e) {
            showUploadError(e.getMessage());
            return false;
        }
        if (!created) {
            updateSaveButton();
            return false;
        }
        this.runConfig = config;
        this.runProvenance = Provenance.MEASURED;
        this.runData = runData;
        this.runCustomData = customData;
        this.lastInternals = null;
        this.lastInternalsEpoch = 0;
        dirty = false;
        keepGhost();
        resetCurves();
        List<String> labels = config.features().stream().map(PlaygroundView::featureLabel).toList();
        diagram.setNetwork(layerSizes(config, runData), labels);
        lastBoundary = null;
        lastDiagram = null;
        updateSaveButton();
        return true;
    }

    private static int[] layerSizes(PlaygroundConfig config, Dataset2D data) {
        int[] sizes = new int[config.hidden().size() + 2];
        sizes[0] = config.features().size();
        for (int i = 0; i < config.hidden().size(); i++) {
            sizes[i + 1] = config.hidden().get(i);
        }
        sizes[sizes.length - 1] = config.outputLoss().outputs(data.classes());
        return sizes;
    }

    private void onSnapshot(Snapshot<PlaygroundInternals> snapshot) {
        if (snapshot.fromStart()) {
            if (lossChart.pointCount(0) > 0) {
                keepGhost();
            }
            resetCurves();
        }
        List<MetricPoint> pts = snapshot.newPoints();
        if (!pts.isEmpty()) {
            int n = pts.size();
            double[] x = new double[n];
            double[] train = new double[n];
            List<double[]> test = new ArrayList<>();
            List<double[]> acc = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                MetricPoint p = pts.get(i);
                x[i] = p.epoch();
                train[i] = p.trainLoss();
                if (p.testLoss().isPresent()) {
                    test.add(new double[] {p.epoch(), p.testLoss().getAsDouble()});
                }
                if (p.accuracy().isPresent()) {
                    acc.add(new double[] {p.epoch(), p.accuracy().getAsDouble()});
                }
            }
            lossChart.appendPoints(0, x, train);
            lossChart.appendPoints(1, column(test, 0), column(test, 1));
            accuracyChart.appendPoints(0, column(acc, 0), column(acc, 1));
        }
        PlaygroundInternals internals = snapshot.internals();
        if (internals != null) {
            lastInternals = internals;
            lastInternalsEpoch = snapshot.epoch();
        } else if (snapshot.fromStart()) {
            lastInternals = null;
            lastInternalsEpoch = 0;
        }
        updateSaveButton();
        if (internals != null) {
            long now = System.nanoTime();
            boolean settled = snapshot.state() != RunState.RUNNING;
            if (internals != lastBoundary && (settled || boundaryBudget.due(now))) {
                boundary.setGrid(internals.gridSize(), internals.gridSize(), internals.boundary(),
                        internals.boundaryMin(), internals.boundaryMax());
                boundary.setColorMap(HeatMap.ColorMap.valueOf(PlaygroundPicture.colours(internals).name()));
                // base64 of one byte per cell
                boundaryBudget.sent(now, 4 * ((internals.boundary().length + 2) / 3));
                lastBoundary = internals;
                readout.setText(readoutText(internals));
            }
            if (internals != lastDiagram && (settled || diagramBudget.due(now))) {
                diagramBudget.sent(now, diagram.setState(internals));
                lastDiagram = internals;
            }
        }
    }

    private String readoutText(PlaygroundInternals i) {
        String text = getTranslation("playground.readout.loss", fmt(i.trainLoss()),
                Double.isNaN(i.testLoss()) ? "–" : fmt(i.testLoss()));
        if (!Double.isNaN(i.trainAccuracy())) {
            text += " · " + getTranslation("playground.readout.accuracy", pct(i.trainAccuracy()),
                    Double.isNaN(i.testAccuracy()) ? "–" : pct(i.testAccuracy()));
        }
        return text;
    }

    private void keepGhost() {
        if (lossChart.pointCount(0) > 0) {
            ghostX = lossChart.xValues(0);
            ghostY = lossChart.yValues(0);
        }
    }

    private void resetCurves() {
        lossChart.reset();
        accuracyChart.reset();
        if (ghostX.length > 0) {
            lossChart.setPoints(2, ghostX, ghostY);
        }
    }

    // ---- experiments -----------------------------------------------------------------------------------------

    private void updateSaveButton() {
        LabExperimentSupport.saveButtonState(saveExperiment, canSave(),
                getTranslation("playground.experiment.saveDisabled"));
        assignment.setCanSubmit(canSave());
    }

    private boolean canSave() {
        return training.hasRun() && !dirty && lastInternals != null && lastInternalsEpoch >= 1;
    }

    /**
     * The current run as an experiment, from what the view already has: the run's history (a synchronized copy)
     * and the latest captured internals (an immutable copy), so the live trainer is never touched. The curves stop
     * at the internals' epoch, where the saved weights are.
     */
    ExperimentDraft draft() {
        TrainingRun<PlaygroundInternals> run = training.run().orElse(null);
        if (run == null || !canSave()) {
            throw new IllegalStateException("nothing to save yet: train at least one epoch");
        }
        PlaygroundInternals internals = lastInternals;
        long epoch = lastInternalsEpoch;
        List<MetricPoint> history = run.history();
        String name = getTranslation("playground.experiment.name",
                runCustomData ? getTranslation("playground.experiment.ownData")
                        : getTranslation("playground.dataset." + runConfig.dataset().key()),
                runConfig.hidden().isEmpty() ? "0" : runConfig.hidden().stream().map(String::valueOf)
                        .reduce((a, b) -> a + "-" + b).orElse(""),
                String.valueOf(runConfig.learningRate()), String.valueOf(epoch));
        return new ExperimentDraft(LAB_KEY, name, "", List.of(),
                PlaygroundConfigJson.write(runConfig, runCustomData ? runData : null), PlaygroundConfigJson.VERSION,
                run.seed(), LabExperimentSupport.curves(history, epoch),
                LabExperimentSupport.finalMetrics(history, epoch),
                PlaygroundTrainer.weightsJson(runConfig, runData.classes(), internals),
                PlaygroundPicture.boundary(internals)).withProvenance(runProvenance);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!assignment.beforeEnter(event)) {
            reopened.beforeEnter(event);
        }
    }

    /** Greys out what an open assignment locks, by the config field each control writes (see PlaygroundConfigJson). */
    void applyLocks() {
        assignment.lock("dataset", dataset);
        assignment.lock("noise", noise);
        assignment.lock("trainFraction", trainPercent);
        assignment.lock("batchSize", batchSize);
        assignment.lock("points", points);
        assignment.lock("seed", seed, regenerate);
        assignment.lock("customData", upload, clickClass);
        assignment.lock("features", features);
        assignment.lock("outputLoss", outputLoss);
        assignment.lock("initializer", initializer);
        assignment.lock("optimizer", optimizer);
        assignment.lock("learningRate", learningRate, learningRateSlider);
        assignment.lock("regularization", regularization);
        assignment.lock("regularizationRate", regularizationRate);
        renderLayers();
    }

    /**
     * Puts the saved config into the form, the saved loss curve as the ghost, and builds a READY run from the saved
     * seed: fresh weights (replay) or the saved weights (continue). False, with a message, when it cannot.
     */
    boolean restore(Experiment e, boolean continueTraining) {
        PlaygroundConfigJson.Saved saved;
        try {
            saved = PlaygroundConfigJson.read(e.configJson(), e.configVersion());
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(getTranslation("playground.experiment.unreadable", e.name(),
                    LabExperimentSupport.reason(this, ex)));
            return false;
        }
        if (continueTraining && e.weightsJson() == null) {
            LabExperimentSupport.error(getTranslation("playground.experiment.noWeights", e.name()));
            return false;
        }
        PlaygroundConfig c = saved.config();
        training.discard();
        currentTrainer.set(null);
        building = true;
        dataset.setValue(c.dataset());
        noise.setValue((int) Math.round(c.noise() * 100));
        trainPercent.setValue((int) Math.round(c.trainFraction() * 100));
        batchSize.setValue(c.batchSize());
        points.setValue(c.points());
        seed.setValue((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, c.seed())));
        features.setValue(EnumSet.copyOf(c.features()));
        hidden.clear();
        hidden.addAll(c.hidden());
        activations.clear();
        activations.addAll(c.activations());
        renderLayers();
        initializer.setValue(c.initializer());
        optimizer.setValue(c.optimizer());
        learningRate.setValue(c.learningRate());
        regularization.setValue(c.regularization());
        regularizationRate.setValue(c.regularizationRate());
        building = false;
        if (saved.customData() != null) {
            data = saved.customData();
            customData = true;
            uploadStatus.setText(getTranslation("playground.experiment.ownDataLoaded", data.train().size()
                    + data.test().size()));
            dataChanged();
        } else {
            regenerateData();
        }
        if (!binder.isValid() || data == null || !c.outputLoss().supports(data.classes())) {
            LabExperimentSupport.error(getTranslation("playground.experiment.unreadable", e.name(),
                    getTranslation("playground.experiment.outOfRange")));
            return false;
        }
        outputLoss.setValue(c.outputLoss());
        ghostX = new double[0];
        ghostY = new double[0];
        lossChart.reset();
        if (!createRun(e.seed(), continueTraining ? e.weightsJson() : null)) {
            return false;
        }
        // continued from saved weights, the figures are measured only if the saved run's were
        runProvenance = continueTraining ? e.provenance().continued() : Provenance.MEASURED;
        LabExperimentSupport.curve(e, LabExperimentSupport.TRAIN_LOSS).ifPresent(curve -> {
            ghostX = curve.x();
            ghostY = curve.y();
        });
        resetCurves();
        controls.showReady();
        return true;
    }

    // ---- weight edits ----------------------------------------------------------------------------------------

    /** Pauses the run and asks for the new value; it is applied at the next epoch boundary (step or play). */
    void openEditor(int layer, int to, int from, double value) {
        PlaygroundTrainer trainer = currentTrainer.get();
        if (trainer == null || dirty) {
            return;
        }
        if (training.isRunning()) {
            training.pause();
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(from < 0 ? "playground.edit.bias" : "playground.edit.weight"));
        NumberField field = new NumberField(getTranslation("playground.edit.value"));
        field.setValue(value);
        field.setStep(0.001);
        field.setAutofocus(true);
        Button apply = new Button(getTranslation("playground.edit.apply"), e -> {
            Double v = field.getValue();
            if (v == null || !Double.isFinite(v) || Math.abs(v) > 100) {
                field.setInvalid(true);
                field.setErrorMessage(getTranslation("playground.edit.invalid"));
                return;
            }
            applyEdit(new WeightEdit(layer, to, from, v));
            dialog.close();
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        dialog.add(new Paragraph(getTranslation("playground.edit.explain")), field);
        dialog.getFooter().add(new Button(getTranslation("playground.edit.cancel"), e -> dialog.close()), apply);
        dialog.open();
    }

    void applyEdit(WeightEdit edit) {
        PlaygroundTrainer trainer = currentTrainer.get();
        if (trainer == null) {
            return;
        }
        if (training.isRunning()) {
            training.pause();
        }
        trainer.queueEdit(edit);
        // weights set by hand: the run's figures no longer come from training alone
        runProvenance = Provenance.EDITED;
        editStatus.setText(getTranslation("playground.edit.queued"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void integer(IntegerField field, String key, int min, int max) {
        field.setLabel(getTranslation(key));
        field.setTooltipText(getTranslation(key + ".tooltip"));
        field.setHelperText(min + "–" + max);
        field.setStepButtonsVisible(true);
        field.setWidth("9.5em");
    }

    private Div section(String key, Component... content) {
        Div box = new Div(new H4(getTranslation(key)));
        box.add(content);
        box.addClassName("playground-section");
        return box;
    }

    private static HorizontalLayout row(Component... content) {
        HorizontalLayout row = new HorizontalLayout(content);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("field-row");
        return row;
    }

    private Div box(String key, Component content) {
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        box.setMinWidth("18rem");
        return box;
    }

    static String featureLabel(Feature f) {
        return switch (f) {
            case X1 -> "x₁";
            case X2 -> "x₂";
            case X1_SQUARED -> "x₁²";
            case X2_SQUARED -> "x₂²";
            case X1_TIMES_X2 -> "x₁·x₂";
            case SIN_X1 -> "sin x₁";
            case SIN_X2 -> "sin x₂";
        };
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    static double roundLr(double lr) {
        // two significant digits, as a decimal so 0.03 stays 0.03
        return new java.math.BigDecimal(lr).round(new java.math.MathContext(2)).doubleValue();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 1e-3 && v != 0 ? "%.2e" : "%.4f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
