package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.frame.LabForm;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.model.AutoencoderSpec;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.ACTIVATION;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.BOTTLENECK;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.CODEC;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.DATA;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.HIDDEN;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.LEARNING_RATE;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.LINEAR_CODE;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.LOSS;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.NOISE;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.NOISE_LEVEL;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.OPTIMIZER;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.SAMPLES;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.SEED;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.TIED;

/**
 * The autoencoder's settings, bound field by field with explicit rules. The learning rate and the noise level are
 * live: they change the running trainer without a reset. The sample count has no control (it follows the data set),
 * but a reopened or assigned configuration keeps its own count until the data set changes.
 */
class AutoencoderForm extends LabForm<AutoencoderConfig> {

    /** The bound values. */
    static final class Values {
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
        /** The sample count of a restored config and the data set it belongs to. */
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
    final Binder<Values> binder = new Binder<>();
    private final Values values = new Values();

    AutoencoderForm() {
        super(CODEC.fields());
        setSpacing(false);
        getStyle().remove("gap");
        addClassName("ae-form");
        labelFields();
        bindFields();
        listen();
        showNoiseLevel();

        Span levelLabel = new Span(getTranslation("autoencoder.noiseLevel") + " = ");
        levelLabel.addClassName("field-label");
        Div level = new Div(new Div(levelLabel, noiseLevelValue), noiseLevel);
        level.setWidthFull();
        HorizontalLayout opt = new HorizontalLayout(optimizer, learningRate);
        opt.setWidthFull();
        add(dataKind, hidden, bottleneck, activation, linearCode, tied, loss, noiseKind, level, opt, seed);
        List.<HasSize>of(dataKind, hidden, bottleneck, activation, loss, noiseKind, seed)
                .forEach(HasSize::setWidthFull);

        // the data set also picks the sample count, and the noise kind also the level ("none" writes 0)
        lockable(DATA, dataKind);
        lockable(SAMPLES, dataKind);
        lockable(HIDDEN, hidden);
        lockable(BOTTLENECK, bottleneck);
        lockable(ACTIVATION, activation);
        lockable(TIED, tied);
        lockable(LINEAR_CODE, linearCode);
        lockable(LOSS, loss);
        lockable(NOISE, noiseKind);
        lockable(NOISE_LEVEL, noiseKind, noiseLevel);
        lockable(OPTIMIZER, optimizer);
        lockable(LEARNING_RATE, learningRate);
        lockable(SEED, seed);
    }

    private void labelFields() {
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
    }

    private void bindFields() {
        String required = getTranslation("autoencoder.required");
        binder.forField(dataKind).asRequired(required).bind(f -> f.data, (f, v) -> f.data = v);
        binder.forField(hidden).withValidator(AutoencoderForm::hiddenValid, getTranslation(
                        "autoencoder.hidden.invalid", AutoencoderConfig.MAX_HIDDEN_LAYERS,
                        AutoencoderConfig.MAX_HIDDEN_SIZE))
                .bind(f -> f.hidden, (f, v) -> f.hidden = v);
        binder.forField(bottleneck).asRequired(getTranslation("autoencoder.bottleneck.invalid"))
                .withValidator(v -> v >= 1 && v <= AutoencoderSpec.MAX_BOTTLENECK,
                        getTranslation("autoencoder.bottleneck.invalid"))
                .bind(f -> f.bottleneck, (f, v) -> f.bottleneck = v);
        binder.forField(activation).asRequired(required).bind(f -> f.activation, (f, v) -> f.activation = v);
        binder.forField(tied).bind(f -> f.tied, (f, v) -> f.tied = v);
        binder.forField(linearCode).bind(f -> f.linearCode, (f, v) -> f.linearCode = v);
        binder.forField(loss).asRequired(required)
                .withValidator(l -> l != AutoencoderLoss.BINARY_CROSS_ENTROPY || dataKind.getValue() == null
                        || dataKind.getValue().isImage(), getTranslation("autoencoder.loss.pointsNeedMse"))
                .bind(f -> f.loss, (f, v) -> f.loss = v);
        binder.forField(noiseKind).asRequired(required).bind(f -> f.noise, (f, v) -> f.noise = v);
        binder.forField(optimizer).asRequired(required).bind(f -> f.optimizer, (f, v) -> f.optimizer = v);
        binder.forField(learningRate).asRequired(getTranslation("autoencoder.learningRate.invalid"))
                .withValidator(v -> v > 0 && v <= AutoencoderConfig.MAX_LEARNING_RATE,
                        getTranslation("autoencoder.learningRate.invalid"))
                .bind(f -> f.learningRate, (f, v) -> f.learningRate = v);
        String seedInvalid = getTranslation("autoencoder.seed.invalid", AutoencoderConfig.MAX_SEED);
        binder.forField(seed).asRequired(seedInvalid)
                .withValidator(v -> v >= 0 && v <= AutoencoderConfig.MAX_SEED, seedInvalid)
                .bind(f -> f.seed, (f, v) -> f.seed = v);
        // a select always holds one of its items; its required mark would put aria-required on vaadin-select's inner
        // button, an attribute a button may not carry (axe: critical), while the binder's rule still checks it
        for (Select<?> select : List.of(dataKind, activation, loss, noiseKind, optimizer)) {
            select.setRequiredIndicatorVisible(false);
        }
        binder.setBean(values);
    }

    private void listen() {
        dataKind.addValueChangeListener(e -> {
            // points need MSE; a loss the assignment locks stays, and the form says why it does not fit
            if (e.getValue() != null && !e.getValue().isImage() && !isLocked(LOSS)) {
                loss.setValue(AutoencoderLoss.MSE);
            }
            binder.validate();
        });
        noiseKind.addValueChangeListener(e -> showNoiseLevel());
        List<HasValue<?, ?>> structural = List.of(dataKind, hidden, bottleneck, activation, tied, linearCode, loss, noiseKind,
                optimizer, seed);
        structural.forEach(f -> f.addValueChangeListener(e -> changed()));
        learningRate.addValueChangeListener(e -> liveChanged());
        noiseLevel.addValueChangeListener(e -> {
            showNoiseLevel();
            liveChanged();
        });
    }

    private static boolean hiddenValid(String text) {
        try {
            AutoencoderConfig.parseHidden(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The level's figure, and its slider only while there is noise to scale. */
    private void showNoiseLevel() {
        noiseLevelValue.setText(String.format(Locale.ROOT, "%.2f", noiseLevel.getValue()));
        noiseLevel.setEnabled(noiseKind.getValue() != AutoencoderNoise.Kind.NONE);
    }

    @Override
    public AutoencoderConfig getValue() {
        if (!binder.isValid()) {
            return null;
        }
        try {
            ImageSetKind kind = values.data;
            int samples = kind == values.samplesData ? values.samples : defaultSamples(kind);
            return new AutoencoderConfig(kind, samples, AutoencoderConfig.parseHidden(values.hidden),
                    values.bottleneck, values.activation, values.tied, values.loss, noise(), values.optimizer,
                    values.learningRate, values.seed, values.linearCode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AutoencoderNoise noise() {
        return values.noise == AutoencoderNoise.Kind.NONE ? AutoencoderNoise.NONE
                : new AutoencoderNoise(values.noise, noiseLevel.getValue());
    }

    /** The samples the lab draws of a data set: fewer of the larger images, so an epoch stays short. */
    static int defaultSamples(ImageSetKind kind) {
        return kind.isImage() && kind != ImageSetKind.DIGITS_8 ? 600 : 1000;
    }

    /** False for a noise level the slider cannot show (the form would write another level back). */
    @Override
    public boolean setValue(AutoencoderConfig config) {
        if (config.noise().level() > noiseLevel.getMax()) {
            return false;
        }
        values.data = config.data();
        values.samplesData = config.data();
        values.samples = config.samples();
        values.hidden = String.join(", ", Arrays.stream(config.hidden()).mapToObj(Integer::toString).toList());
        values.bottleneck = config.bottleneck();
        values.activation = config.activation();
        values.tied = config.tied();
        values.linearCode = config.linearCode();
        values.loss = config.loss();
        values.noise = config.noise().kind();
        values.optimizer = config.optimizer();
        values.learningRate = config.learningRate();
        values.seed = (int) config.seed();
        if (config.noise().kind() != AutoencoderNoise.Kind.NONE) {
            noiseLevel.setValue(config.noise().level());
        }
        binder.refreshFields();
        showNoiseLevel();
        return true;
    }

    @Override
    public long getSeed() {
        return values.seed == null ? 0 : values.seed;
    }

    @Override
    public void setSeed(long s) {
        seed.setValue(s >= 0 && s <= AutoencoderConfig.MAX_SEED ? (int) s : null);
    }

    @Override
    public boolean validate() {
        return binder.validate().isOk() && getValue() != null;
    }

    /** The rate (when valid) and, while there is noise, its level. */
    @Override
    protected void sendLive(LiveTraining<?> training) {
        if (binder.isValid()) {
            training.setLearningRate(values.learningRate);
        }
        if (noiseKind.getValue() != AutoencoderNoise.Kind.NONE) {
            training.setHyperparameter(AutoencoderLabTrainer.NOISE_LEVEL, noiseLevel.getValue());
        }
    }

    @Override
    protected AutoencoderConfig withLive(AutoencoderConfig runConfig) {
        AutoencoderConfig c = binder.isValid() ? runConfig.withLearningRate(values.learningRate) : runConfig;
        return c.noise().kind() == AutoencoderNoise.Kind.NONE ? c
                : c.withNoise(new AutoencoderNoise(c.noise().kind(), noiseLevel.getValue()));
    }
}
