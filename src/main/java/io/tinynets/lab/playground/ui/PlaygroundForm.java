package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.frame.LabForm;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson.Saved;
import io.tinynets.lab.playground.PlaygroundTrainer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.tinynets.lab.playground.PlaygroundConfigJson.ACTIVATIONS;
import static io.tinynets.lab.playground.PlaygroundConfigJson.BATCH_SIZE;
import static io.tinynets.lab.playground.PlaygroundConfigJson.CODEC;
import static io.tinynets.lab.playground.PlaygroundConfigJson.CUSTOM_DATA;
import static io.tinynets.lab.playground.PlaygroundConfigJson.DATASET;
import static io.tinynets.lab.playground.PlaygroundConfigJson.FEATURES;
import static io.tinynets.lab.playground.PlaygroundConfigJson.HIDDEN;
import static io.tinynets.lab.playground.PlaygroundConfigJson.INITIALIZER;
import static io.tinynets.lab.playground.PlaygroundConfigJson.LEARNING_RATE;
import static io.tinynets.lab.playground.PlaygroundConfigJson.NOISE;
import static io.tinynets.lab.playground.PlaygroundConfigJson.OPTIMIZER;
import static io.tinynets.lab.playground.PlaygroundConfigJson.OUTPUT_LOSS;
import static io.tinynets.lab.playground.PlaygroundConfigJson.POINTS;
import static io.tinynets.lab.playground.PlaygroundConfigJson.REGULARIZATION;
import static io.tinynets.lab.playground.PlaygroundConfigJson.REGULARIZATION_RATE;
import static io.tinynets.lab.playground.PlaygroundConfigJson.SEED;
import static io.tinynets.lab.playground.PlaygroundConfigJson.TRAIN_FRACTION;

/**
 * The playground's settings: the data (generated, uploaded or drawn: {@link PlaygroundData}), the input features,
 * the hidden layers, output and loss, initializer, optimizer, and the live learning and regularization rates. Its
 * value is the configuration with the student's own points when the run uses them.
 */
class PlaygroundForm extends LabForm<Saved> {

    /** The form's values, bound with field-level rules. */
    static final class Values {
        Integer noise = 0;
        Integer trainPercent = 50;
        Integer batchSize = 10;
        Integer points = 200;
        Integer seed = 1;
        Set<Feature> features = EnumSet.of(Feature.X1, Feature.X2);
        Double learningRate = 0.03;
        Double regularizationRate = 0.0;
    }

    final Values values = new Values();
    final Binder<Values> binder = new Binder<>();
    final RadioButtonGroup<DatasetKind> dataset = new RadioButtonGroup<>();
    final IntegerField noise = new IntegerField();
    final IntegerField trainPercent = new IntegerField();
    final IntegerField batchSize = new IntegerField();
    final IntegerField points = new IntegerField();
    final IntegerField seed = new IntegerField();
    final Button regenerate = new Button();
    final PlaygroundData data;
    final CheckboxGroup<Feature> features = new CheckboxGroup<>();
    final LayerRows layers = new LayerRows(this::layersChanged);
    final Select<OutputLoss> outputLoss = new Select<>();
    final Select<Initializer> initializer = new Select<>();
    final Select<OptimizerKind> optimizer = new Select<>();
    final RangeSlider learningRateSlider = new RangeSlider(-5, 1, 0.1, Math.log10(0.03));
    final NumberField learningRate = new NumberField();
    final Select<RegularizationKind> regularization = new Select<>();
    final NumberField regularizationRate = new NumberField();
    private int shownClasses = -1;

    PlaygroundForm() {
        super(CODEC.fields());
        data = new PlaygroundData(this);
        add(dataSection(), section("playground.section.features", features), networkSection(), trainingSection());
        configureChoices();
        PlaygroundBinding.bind(this);
        registerLocks();
        data.regenerate();
    }

    private Component dataSection() {
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
                data.regenerate();
            }
        });
        return section("playground.section.data", dataset, row(noise, trainPercent), row(batchSize, points),
                row(seed, regenerate), data.upload, data.uploadStatus, data.clickClass);
    }

    private Component networkSection() {
        outputLoss.setLabel(getTranslation("playground.outputLoss"));
        outputLoss.setItemLabelGenerator(o -> getTranslation("playground.outputLoss." + o.key()));
        outputLoss.setTooltipText(getTranslation("playground.outputLoss.tooltip"));
        outputLoss.setWidthFull();
        initializer.setLabel(getTranslation("playground.initializer"));
        initializer.setItems(Initializer.values());
        initializer.setItemLabelGenerator(i -> getTranslation("playground.initializer." + i.key()));
        initializer.setValue(Initializer.XAVIER);
        initializer.setTooltipText(getTranslation("playground.initializer.tooltip"));
        return section("playground.section.network", layers, outputLoss, initializer);
    }

    private Component trainingSection() {
        optimizer.setLabel(getTranslation("playground.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(o -> getTranslation("playground.optimizer." + o.key()));
        optimizer.setValue(OptimizerKind.SGD);
        optimizer.setTooltipText(getTranslation("playground.optimizer.tooltip"));
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
        regularizationRate.setLabel(getTranslation("playground.regularizationRate"));
        regularizationRate.setTooltipText(getTranslation("playground.regularizationRate.tooltip"));
        regularizationRate.setWidth("9em");
        return section("playground.section.training", optimizer, learningRate, learningRateSlider,
                row(regularization, regularizationRate));
    }

    private void configureChoices() {
        features.setLabel(getTranslation("playground.features"));
        features.setItems(Feature.values());
        features.setItemLabelGenerator(PlaygroundForm::featureLabel);
        features.setTooltipText(getTranslation("playground.features.tooltip"));
        features.addClassName("feature-picker");
    }

    private void registerLocks() {
        lockable(DATASET, dataset);
        lockable(NOISE, noise);
        lockable(TRAIN_FRACTION, trainPercent);
        lockable(BATCH_SIZE, batchSize);
        lockable(POINTS, points);
        lockable(SEED, seed, regenerate);
        lockable(CUSTOM_DATA, data.upload, data.clickClass);
        lockable(FEATURES, features);
        lockable(OUTPUT_LOSS, outputLoss);
        lockable(INITIALIZER, initializer);
        lockable(OPTIMIZER, optimizer);
        lockable(LEARNING_RATE, learningRate, learningRateSlider);
        lockable(REGULARIZATION, regularization);
        lockable(REGULARIZATION_RATE, regularizationRate);
        relockLayers();
    }

    private void relockLayers() {
        relockable(HIDDEN, layers.widthControls());
        relockable(ACTIVATIONS, layers.activationControls());
    }

    private void layersChanged() {
        relockLayers();
        changed();
    }

    /** New data: offer its output/loss pairs (the sensible default first) when the kind of task changed. */
    void dataChanged(Dataset2D d) {
        int classes = d.classes();
        if (classes != shownClasses) {
            shownClasses = classes;
            List<OutputLoss> choices = OutputLoss.choicesFor(classes);
            outputLoss.setItems(choices);
            outputLoss.setValue(choices.get(0));
        }
        changed();
    }

    /** The form as a configuration (with the student's points when drawn or uploaded); null while invalid. */
    @Override
    public Saved getValue() {
        if (!binder.isValid() || data.current() == null || outputLoss.getValue() == null) {
            return null;
        }
        try {
            return new Saved(config(), data.isCustom() ? data.current() : null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    PlaygroundConfig config() {
        return new PlaygroundConfig(dataset.getValue() == null ? DatasetKind.CIRCLE : dataset.getValue(),
                values.points, values.noise / 100.0, values.trainPercent / 100.0, values.batchSize, values.seed,
                orderedFeatures(), layers.hidden, layers.activations, outputLoss.getValue(), initializer.getValue(),
                optimizer.getValue(), values.learningRate, regularization.getValue(), values.regularizationRate);
    }

    private List<Feature> orderedFeatures() {
        Set<Feature> chosen = new LinkedHashSet<>(values.features);
        return Arrays.stream(Feature.values()).filter(chosen::contains).toList();
    }

    /**
     * The saved settings and data (its own points, or generated again from the settings); false when the output and
     * loss do not fit the data.
     */
    @Override
    public boolean setValue(Saved saved) {
        PlaygroundConfig c = saved.config();
        data.filling(() -> {
            dataset.setValue(c.dataset());
            noise.setValue((int) Math.round(c.noise() * 100));
            trainPercent.setValue((int) Math.round(c.trainFraction() * 100));
            batchSize.setValue(c.batchSize());
            points.setValue(c.points());
            seed.setValue((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, c.seed())));
            features.setValue(EnumSet.copyOf(c.features()));
            layers.set(c.hidden(), c.activations());
            initializer.setValue(c.initializer());
            optimizer.setValue(c.optimizer());
            learningRate.setValue(c.learningRate());
            regularization.setValue(c.regularization());
            regularizationRate.setValue(c.regularizationRate());
        });
        relockLayers();
        if (saved.customData() != null) {
            data.useSaved(saved.customData());
        } else {
            data.regenerate();
        }
        Dataset2D d = data.current();
        if (!binder.isValid() || d == null || !c.outputLoss().supports(d.classes())) {
            return false;
        }
        outputLoss.setValue(c.outputLoss());
        return true;
    }

    @Override
    public long getSeed() {
        return values.seed == null ? 1 : values.seed;
    }

    /** The seed field is the configuration's (it also draws the data): a reopened run's own seed is the frame's. */
    @Override
    public void setSeed(long runSeed) {
        // nothing: the frame builds the reopened run from the experiment's seed itself
    }

    @Override
    public boolean validate() {
        return binder.validate().isOk() && getValue() != null;
    }

    @Override
    protected void sendLive(LiveTraining<?> training) {
        Double lr = learningRate.getValue();
        if (lr != null && lr >= PlaygroundConfig.MIN_LEARNING_RATE && lr <= PlaygroundConfig.MAX_LEARNING_RATE) {
            training.setLearningRate(lr);
        }
        Double reg = regularizationRate.getValue();
        if (reg != null && reg >= 0 && reg <= PlaygroundConfig.MAX_REGULARIZATION_RATE) {
            training.setHyperparameter(PlaygroundTrainer.REGULARIZATION_RATE, reg);
        }
    }

    /** A saved experiment records the rates in effect now (and an assignment checks them). */
    @Override
    protected Saved withLive(Saved run) {
        PlaygroundConfig c = run.config();
        Double lr = learningRate.getValue();
        if (lr != null && lr >= PlaygroundConfig.MIN_LEARNING_RATE && lr <= PlaygroundConfig.MAX_LEARNING_RATE) {
            c = c.withLearningRate(lr);
        }
        Double reg = regularizationRate.getValue();
        if (reg != null && reg >= 0 && reg <= PlaygroundConfig.MAX_REGULARIZATION_RATE) {
            c = c.withRegularizationRate(reg);
        }
        return new Saved(c, run.customData());
    }

    /** Fired by the binding and the data: the settings changed. */
    void settingsChanged() {
        changed();
    }

    void liveSettingChanged() {
        liveChanged();
    }

    boolean locked(String path) {
        return isLocked(path);
    }

    String whyLocked() {
        return lockedWhy();
    }

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

    static double roundLr(double lr) {
        // two significant digits, as a decimal so 0.03 stays 0.03
        return new BigDecimal(lr).round(new MathContext(2)).doubleValue();
    }
}
