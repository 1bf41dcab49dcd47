package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.frame.LabForm;
import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.lab.sequence.SequenceTaskKind;

import java.util.List;

import static io.tinynets.lab.sequence.SequenceConfigJson.CODEC;

/**
 * The sequence lab's settings. Any change of the configuration starts a fresh run on the next Play, except two that
 * are live: the learning rate, and the cell during a race (it only picks which cell's gates are shown; the saved
 * configuration records it).
 */
class SequenceForm extends LabForm<SequenceConfig> {

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
    final Binder<SequenceValues> binder = new Binder<>();
    final SequenceValues values = new SequenceValues();
    private final LiveOptions options;

    SequenceForm(LiveOptions options) {
        super(CODEC.fields());
        this.options = options;
        setSpacing(false);
        getStyle().remove("gap");
        addClassName("sequence-form");
        configureTask();
        configureNetwork();
        values.load(SequenceConfig.defaults());
        binder.setBean(values);
        listen();
        Div delayBox = new Div(delay, delaySlider);
        delayBox.setWidthFull();
        delay.setWidthFull();
        add(task, delayBox, length, customText, race, cell, hidden, optimizer, learningRate, clipping, carryGate,
                seed);
        lockable(SequenceConfigJson.TASK, task);
        lockable(SequenceConfigJson.DELAY, delay, delaySlider);
        lockable(SequenceConfigJson.LENGTH, length);
        lockable(SequenceConfigJson.CUSTOM_TEXT, customText);
        lockable(SequenceConfigJson.RACE, race);
        // in a race the cell only picks the gates shown, but the saved config records it: locked with the rest
        lockable(SequenceConfigJson.CELL, cell);
        lockable(SequenceConfigJson.HIDDEN, hidden);
        lockable(SequenceConfigJson.OPTIMIZER, optimizer);
        lockable(SequenceConfigJson.LEARNING_RATE, learningRate);
        lockable(SequenceConfigJson.CLIPPING, clipping);
        lockable(SequenceConfigJson.CARRY_GATE_OPEN, carryGate);
        lockable(SequenceConfigJson.SEED, seed);
        updateTaskFields();
    }

    private void configureTask() {
        String required = getTranslation("sequence.required");
        task.setLabel(getTranslation("sequence.task"));
        task.setItems(SequenceTaskKind.values());
        task.setItemLabelGenerator(k -> getTranslation("sequence.task." + k.key()));
        task.setTooltipText(getTranslation("sequence.task.tooltip"));
        binder.forField(task).asRequired(required).bind(SequenceValues::getTask, SequenceValues::setTask);
        delay.setLabel(getTranslation("sequence.delay"));
        delay.setHelperText(getTranslation("sequence.delay.helper"));
        delay.setStepButtonsVisible(true);
        delay.setTooltipText(getTranslation("sequence.delay.tooltip"));
        binder.forField(delay).asRequired(required)
                .withValidator(v -> !values.delayMatters() || v >= SequenceConfig.MIN_DELAY
                                && v <= SequenceConfig.MAX_DELAY,
                        getTranslation("sequence.delay.range", SequenceConfig.MIN_DELAY, SequenceConfig.MAX_DELAY))
                .bind(SequenceValues::getDelay, SequenceValues::setDelay);
        delaySlider.setWidthFull();
        delaySlider.setAriaLabel(getTranslation("sequence.delay"));
        delaySlider.setTooltipText(getTranslation("sequence.delay.tooltip"));
        length.setLabel(getTranslation("sequence.length"));
        length.setStepButtonsVisible(true);
        length.setTooltipText(getTranslation("sequence.length.tooltip"));
        binder.forField(length).asRequired(required)
                .withValidator(v -> values.delayMatters() || v >= SequenceConfig.MIN_LENGTH
                                && v <= SequenceConfig.MAX_LENGTH,
                        getTranslation("sequence.length.range", SequenceConfig.MIN_LENGTH, SequenceConfig.MAX_LENGTH))
                .bind(SequenceValues::getLength, SequenceValues::setLength);
        customText.setLabel(getTranslation("sequence.text"));
        customText.setPlaceholder(getTranslation("sequence.text.placeholder"));
        customText.setMaxLength(NextCharacterTask.MAX_TEXT_LENGTH);
        customText.setWidthFull();
        customText.setMaxHeight("10rem");
        binder.forField(customText).withValidator(this::customTextValid, getTranslation("sequence.text.invalid"))
                .bind(SequenceValues::getText, SequenceValues::setText);
    }

    private void configureNetwork() {
        String required = getTranslation("sequence.required");
        race.setLabel(getTranslation("sequence.race"));
        race.setTooltipText(getTranslation("sequence.race.tooltip"));
        binder.forField(race).bind(SequenceValues::isRace, SequenceValues::setRace);
        cell.setLabel(getTranslation("sequence.cell"));
        cell.setItems(CellKind.values());
        cell.setItemLabelGenerator(CellKind::name);
        cell.setTooltipText(getTranslation("sequence.cell.tooltip"));
        binder.forField(cell).asRequired(required).bind(SequenceValues::getCell, SequenceValues::setCell);
        hidden.setLabel(getTranslation("sequence.hidden"));
        hidden.setStepButtonsVisible(true);
        hidden.setTooltipText(getTranslation("sequence.hidden.tooltip"));
        binder.forField(hidden).asRequired(required)
                .withValidator(v -> v >= SequenceConfig.MIN_HIDDEN && v <= SequenceConfig.MAX_HIDDEN,
                        getTranslation("sequence.hidden.range", SequenceConfig.MIN_HIDDEN, SequenceConfig.MAX_HIDDEN))
                .bind(SequenceValues::getHidden, SequenceValues::setHidden);
        optimizer.setLabel(getTranslation("sequence.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(k -> getTranslation("sequence.optimizer." + k.key()));
        binder.forField(optimizer).asRequired(required)
                .bind(SequenceValues::getOptimizer, SequenceValues::setOptimizer);
        // a select always holds one of its items; its required mark would put aria-required on vaadin-select's inner
        // button, an attribute a button may not carry (axe: critical), while the binder's rule still checks it
        task.setRequiredIndicatorVisible(false);
        optimizer.setRequiredIndicatorVisible(false);
        learningRate.setLabel(getTranslation("sequence.lr"));
        learningRate.setStep(0.001);
        learningRate.setTooltipText(getTranslation("sequence.lr.tooltip"));
        binder.forField(learningRate).asRequired(required)
                .withValidator(SequenceForm::rateValid, getTranslation("sequence.lr.range",
                        SequenceConfig.MAX_LEARNING_RATE))
                .bind(SequenceValues::getLearningRate, SequenceValues::setLearningRate);
        clipping.setLabel(getTranslation("sequence.clipping"));
        clipping.setTooltipText(getTranslation("sequence.clipping.tooltip"));
        binder.forField(clipping).asRequired(required)
                .withValidator(v -> v >= 0 && v <= SequenceConfig.MAX_CLIPPING,
                        getTranslation("sequence.clipping.range", SequenceConfig.MAX_CLIPPING))
                .bind(SequenceValues::getClipping, SequenceValues::setClipping);
        carryGate.setLabel(getTranslation("sequence.carry"));
        carryGate.setTooltipText(getTranslation("sequence.carry.tooltip"));
        binder.forField(carryGate).bind(SequenceValues::isCarryGate, SequenceValues::setCarryGate);
        seed.setLabel(getTranslation("sequence.seed"));
        seed.setTooltipText(getTranslation("sequence.seed.tooltip"));
        binder.forField(seed).asRequired(required)
                .withValidator(v -> v >= 0, getTranslation("sequence.seed.range"))
                .bind(SequenceValues::getSeed, SequenceValues::setSeed);
    }

    private void listen() {
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
        task.addValueChangeListener(e -> updateTaskFields());
        List<HasValue<?, ?>> structural = List.of(task, delay, length, customText, race, hidden, optimizer,
                clipping, carryGate, seed);
        structural.forEach(f -> f.addValueChangeListener(e -> changed()));
        cell.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            options.setFocus(e.getValue());
            if (values.isRace()) {
                liveChanged();
            } else {
                changed();
            }
        });
        learningRate.addValueChangeListener(e -> liveChanged());
    }

    private static boolean rateValid(Double v) {
        return v != null && v > 0 && v <= SequenceConfig.MAX_LEARNING_RATE;
    }

    /** True when the custom text is acceptable (or not used); the message comes from the task's own validation. */
    private boolean customTextValid(String text) {
        if (values.getTask() != SequenceTaskKind.CUSTOM_TEXT) {
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
        binder.validate();
    }

    @Override
    public SequenceConfig getValue() {
        if (!binder.isValid()) {
            return null;
        }
        try {
            SequenceConfig config = values.toConfig();
            config.validate();
            return config;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean setValue(SequenceConfig config) {
        values.load(config);
        binder.refreshFields();
        updateTaskFields();
        return true;
    }

    @Override
    public long getSeed() {
        return values.getSeed() == null ? 0 : values.getSeed();
    }

    @Override
    public void setSeed(long s) {
        values.setSeed((int) s);
        binder.refreshFields();
    }

    /** Marks invalid fields; a text the task refuses says why under the text field. */
    @Override
    public boolean validate() {
        if (!binder.validate().isOk()) {
            return false;
        }
        try {
            values.toConfig().validate();
            return true;
        } catch (IllegalArgumentException e) {
            customText.setInvalid(true);
            customText.setErrorMessage(e.getMessage());
            return false;
        }
    }

    @Override
    protected void sendLive(LiveTraining<?> training) {
        if (rateValid(learningRate.getValue())) {
            training.setLearningRate(learningRate.getValue());
        }
    }

    /** The run's configuration is the form's while they differ only in live values (rate, a race's cell). */
    @Override
    protected SequenceConfig withLive(SequenceConfig runConfig) {
        SequenceConfig now = getValue();
        return now != null ? now : runConfig;
    }

    boolean isRace() {
        return values.isRace();
    }

    CellKind focusCell() {
        return values.getCell();
    }
}
