package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.frame.LabForm;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.lab.depth.DepthConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.tinynets.lab.depth.DepthConfigJson.ACTIVATIONS;
import static io.tinynets.lab.depth.DepthConfigJson.CODEC;
import static io.tinynets.lab.depth.DepthConfigJson.DATASET;
import static io.tinynets.lab.depth.DepthConfigJson.DEPTH;
import static io.tinynets.lab.depth.DepthConfigJson.INITIALIZER;
import static io.tinynets.lab.depth.DepthConfigJson.LEARNING_RATE;
import static io.tinynets.lab.depth.DepthConfigJson.SEED;
import static io.tinynets.lab.depth.DepthConfigJson.WIDTH;

/**
 * The vanishing-gradient lab's settings: data set, depth and width, one activation or two compared, initializer,
 * learning rate (live) and seed. Depth, width and seed go through a {@link Binder}; the rest cannot be invalid.
 */
class DepthForm extends LabForm<DepthConfig> {

    static final double LOG_LR_MIN = Math.log10(DepthConfig.MIN_LEARNING_RATE);
    static final double LOG_LR_MAX = Math.log10(DepthConfig.MAX_LEARNING_RATE);

    /** The bound values. */
    static final class Values {
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
    final Binder<Values> binder = new Binder<>();
    private final Values values = new Values();

    DepthForm() {
        super(CODEC.fields());
        configureSelects();
        configureNumbers();
        configureLearningRate();
        Span lrLabel = new Span(getTranslation("depth.lr") + " η = ");
        lrLabel.addClassName("field-label");
        Div lr = new Div(new Div(lrLabel, learningRateValue), learningRate);
        lr.setWidthFull();
        add(dataset, new Div(depth, width), activation, compare, other, initializer, lr, seed);

        lockable(DATASET, dataset);
        lockable(DEPTH, depth);
        lockable(WIDTH, width);
        lockable(ACTIVATIONS, activation, compare, other);
        lockable(INITIALIZER, initializer);
        lockable(LEARNING_RATE, learningRate);
        lockable(SEED, seed);

        compare.addValueChangeListener(e -> other.setEnabled(compare.getValue()));
        List.of(dataset, activation, other, initializer).forEach(f -> f.addValueChangeListener(e -> changed()));
        List.of(depth, width, seed).forEach(f -> f.addValueChangeListener(e -> changed()));
        compare.addValueChangeListener(e -> changed());
    }

    private void configureSelects() {
        dataset.setLabel(getTranslation("depth.dataset"));
        dataset.setItems(DepthConfig.DATASETS);
        dataset.setItemLabelGenerator(d -> getTranslation("depth.dataset." + d.key()));
        dataset.setValue(DatasetKind.XOR);
        dataset.setTooltipText(getTranslation("depth.dataset.tooltip"));
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
    }

    private void configureNumbers() {
        depth.setLabel(getTranslation("depth.depth"));
        depth.setTooltipText(getTranslation("depth.depth.tooltip"));
        depth.setStepButtonsVisible(true);
        depth.setWidth("9rem");
        binder.forField(depth).asRequired(getTranslation("depth.depth.range"))
                .withValidator(v -> v >= DepthConfig.MIN_DEPTH && v <= DepthConfig.MAX_DEPTH,
                        getTranslation("depth.depth.range"))
                .bind(Values::getDepth, Values::setDepth);
        width.setLabel(getTranslation("depth.width"));
        width.setTooltipText(getTranslation("depth.width.tooltip"));
        width.setStepButtonsVisible(true);
        width.setWidth("9rem");
        binder.forField(width).asRequired(getTranslation("depth.width.range"))
                .withValidator(v -> v >= DepthConfig.MIN_WIDTH && v <= DepthConfig.MAX_WIDTH,
                        getTranslation("depth.width.range"))
                .bind(Values::getWidth, Values::setWidth);
        seed.setLabel(getTranslation("depth.seed"));
        seed.setTooltipText(getTranslation("depth.seed.tooltip"));
        binder.forField(seed).asRequired(getTranslation("depth.seed.required"))
                .withValidator(v -> v >= 0, getTranslation("depth.seed.required"))
                .bind(Values::getSeed, Values::setSeed);
        binder.setBean(values);
    }

    private void configureLearningRate() {
        learningRate.setWidthFull();
        learningRate.setAriaLabel(getTranslation("depth.lr"));
        learningRate.setTooltipText(getTranslation("depth.lr.tooltip"));
        learningRateValue.setText(NetworkColumn.format(lr()));
        learningRate.addValueChangeListener(e -> {
            learningRateValue.setText(NetworkColumn.format(lr()));
            liveChanged();
        });
    }

    @Override
    public DepthConfig getValue() {
        if (!binder.isValid()) {
            return null;
        }
        List<Activation> acts = new ArrayList<>();
        acts.add(activation.getValue());
        if (compare.getValue()) {
            acts.add(other.getValue());
        }
        try {
            return new DepthConfig(dataset.getValue(), values.getDepth(), values.getWidth(), acts,
                    initializer.getValue(), lr());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** False for a rate outside the slider (the codec's range is wider than the slider's steps show). */
    @Override
    public boolean setValue(DepthConfig c) {
        double logLr = Math.log10(c.learningRate());
        if (logLr < learningRate.getMin() || logLr > learningRate.getMax()) {
            return false;
        }
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
        return true;
    }

    @Override
    public long getSeed() {
        return values.getSeed() == null ? 0 : values.getSeed();
    }

    @Override
    public void setSeed(long s) {
        seed.setValue((int) s);
    }

    @Override
    public boolean validate() {
        return binder.validate().isOk() && getValue() != null;
    }

    @Override
    protected void sendLive(LiveTraining<?> training) {
        training.setLearningRate(lr());
    }

    @Override
    protected DepthConfig withLive(DepthConfig runConfig) {
        return runConfig.withLearningRate(lr());
    }

    /** The rate the slider shows, two significant digits. */
    double lr() {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, learningRate.getValue())));
    }

    String name(Activation a) {
        return getTranslation("activation.name." + a.key());
    }
}
