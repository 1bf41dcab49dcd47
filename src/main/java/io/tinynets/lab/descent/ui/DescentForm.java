package io.tinynets.lab.descent.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.function.ValueProvider;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.frame.LabForm;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.LineFitSurface;
import io.tinynets.lab.descent.Surface;
import io.tinynets.lab.descent.SurfaceKind;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.tinynets.lab.descent.DescentConfigJson.BETA1;
import static io.tinynets.lab.descent.DescentConfigJson.BETA2;
import static io.tinynets.lab.descent.DescentConfigJson.CODEC;
import static io.tinynets.lab.descent.DescentConfigJson.LEARNING_RATE;
import static io.tinynets.lab.descent.DescentConfigJson.MOMENTUM;
import static io.tinynets.lab.descent.DescentConfigJson.OPTIMIZERS;
import static io.tinynets.lab.descent.DescentConfigJson.RHO;
import static io.tinynets.lab.descent.DescentConfigJson.START;
import static io.tinynets.lab.descent.DescentConfigJson.SURFACE;

/**
 * The gradient-descent race's settings: surface, racing optimizers, learning rate (live), the decays and the start.
 * Picking another surface moves the start to that surface's default. The race has no seed of its own: a new race
 * starts from seed 0, a reopened one from its saved seed.
 */
class DescentForm extends LabForm<DescentConfig> {

    static final double LOG_LR_MIN = Math.log10(DescentConfig.MIN_LEARNING_RATE);
    static final double LOG_LR_MAX = Math.log10(DescentConfig.MAX_LEARNING_RATE);
    static final double DEFAULT_LR = 0.05;

    /** The bound values. */
    static final class Values {
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
    final Binder<Values> binder = new Binder<>();
    private final Values values = new Values();
    private Surface current = SurfaceKind.RAVINE.create();
    /** Set while values are filled from code: one change is reported when they are all in. */
    private boolean filling;

    DescentForm() {
        super(CODEC.fields());
        configureSurface();
        configureOptimizers();
        Div lr = configureLearningRate();
        Div hyper = new Div(momentum, beta1, beta2, rho);
        hyper.addClassName("descent-hyper");
        bindDecay(momentum, "descent.momentum", "μ", Values::getMomentum, Values::setMomentum);
        bindDecay(beta1, "descent.beta1", "β₁", Values::getBeta1, Values::setBeta1);
        bindDecay(beta2, "descent.beta2", "β₂", Values::getBeta2, Values::setBeta2);
        bindDecay(rho, "descent.rho", "ρ", Values::getRho, Values::setRho);
        Div start = configureStart();
        add(surface, optimizers, lr, hyper, start);

        lockable(SURFACE, surface);
        // another surface moves the start to its default, so a locked start locks the surface too
        lockable(START, startX, startY, surface);
        lockable(OPTIMIZERS, optimizers);
        lockable(LEARNING_RATE, learningRate);
        lockable(MOMENTUM, momentum);
        lockable(BETA1, beta1);
        lockable(BETA2, beta2);
        lockable(RHO, rho);
        fill(this::defaultStart);
    }

    private void configureSurface() {
        surface.setLabel(getTranslation("descent.surface"));
        surface.setItems(SurfaceKind.values());
        surface.setItemLabelGenerator(k -> getTranslation("descent.surface." + k.key()));
        surface.setValue(SurfaceKind.RAVINE);
        surface.setTooltipText(getTranslation("descent.surface.tooltip"));
        surface.setWidthFull();
        surface.addValueChangeListener(e -> {
            current = e.getValue().create();
            if (!filling) {
                fill(this::defaultStart);
            }
            showSurfaceFields();
            fieldChanged();
        });
    }

    private void configureOptimizers() {
        optimizers.setLabel(getTranslation("descent.optimizers"));
        optimizers.setItems(OptimizerKind.values());
        optimizers.setItemLabelGenerator(this::name);
        optimizers.setValue(Set.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAM));
        optimizers.setTooltipText(getTranslation("descent.optimizers.tooltip"));
        optimizers.addValueChangeListener(e -> {
            optimizers.setInvalid(e.getValue().isEmpty());
            optimizers.setErrorMessage(getTranslation("descent.optimizers.required"));
            fieldChanged();
        });
    }

    private Div configureLearningRate() {
        learningRate.setWidthFull();
        learningRate.setAriaLabel(getTranslation("descent.lr"));
        learningRate.setTooltipText(getTranslation("descent.lr.tooltip"));
        learningRate.addValueChangeListener(e -> {
            learningRateValue.setText(DescentPanels.format(lr()));
            liveChanged(); // velocities and moments are kept
        });
        learningRateValue.setText(DescentPanels.format(lr()));
        Span label = new Span(getTranslation("descent.lr") + " η = ");
        label.addClassName("field-label");
        Div box = new Div(new Div(label, learningRateValue), learningRate);
        box.setWidthFull();
        return box;
    }

    private void bindDecay(NumberField field, String key, String symbol, ValueProvider<Values, Double> getter,
                           Setter<Values, Double> setter) {
        field.setLabel(symbol);
        field.setTooltipText(getTranslation(key + ".tooltip"));
        field.setWidth("5.5rem");
        binder.forField(field).asRequired(getTranslation("descent.decay.required"))
                .withValidator(v -> v >= 0 && v < 1, getTranslation("descent.decay.range"))
                .bind(getter, setter);
        field.addValueChangeListener(e -> fieldChanged());
    }

    private Div configureStart() {
        startX.setTooltipText(getTranslation("descent.start.tooltip"));
        startY.setTooltipText(getTranslation("descent.start.tooltip"));
        startX.setWidth("7.5rem");
        startY.setWidth("7.5rem");
        binder.forField(startX).asRequired(getTranslation("descent.start.required"))
                .withValidator(v -> v >= current.domain().xMin() && v <= current.domain().xMax(),
                        getTranslation("descent.start.outside"))
                .bind(Values::getStartX, Values::setStartX);
        binder.forField(startY).asRequired(getTranslation("descent.start.required"))
                .withValidator(v -> current.dimensions() == 1
                                || v >= current.domain().yMin() && v <= current.domain().yMax(),
                        getTranslation("descent.start.outside"))
                .bind(Values::getStartY, Values::setStartY);
        startX.addValueChangeListener(e -> fieldChanged());
        startY.addValueChangeListener(e -> fieldChanged());
        binder.setBean(values);
        showSurfaceFields();
        Div box = new Div(startX, startY);
        box.addClassName("descent-start");
        return box;
    }

    private void defaultStart() {
        double[] start = current.defaultStart();
        startX.setValue(start[0]);
        startY.setValue(current.dimensions() == 2 ? start[1] : 0.0);
    }

    private void showSurfaceFields() {
        startY.setVisible(current.dimensions() == 2);
        boolean fit = current instanceof LineFitSurface;
        startX.setLabel(getTranslation(fit ? "descent.start.w" : "descent.start.x"));
        startY.setLabel(getTranslation(fit ? "descent.start.b" : "descent.start.y"));
    }

    /** Fills fields from code, reporting one change at the end instead of one per field. */
    private void fill(Runnable setValues) {
        boolean outer = !filling;
        filling = true;
        try {
            setValues.run();
        } finally {
            filling = !outer;
        }
    }

    private void fieldChanged() {
        if (!filling) {
            changed();
        }
    }

    /** A click on the map: the new start of every racer, rounded to what the fields show. */
    void setStart(double x, double y) {
        Surface.Domain d = current.domain();
        fill(() -> {
            startX.setValue(round(clamp(x, d.xMin(), d.xMax())));
            if (current.dimensions() == 2) {
                startY.setValue(round(clamp(y, d.yMin(), d.yMax())));
            }
        });
        changed();
    }

    @Override
    public DescentConfig getValue() {
        if (!binder.isValid() || selected().isEmpty()) {
            return null;
        }
        try {
            return new DescentConfig(surface.getValue(), selected(), lr(), values.getMomentum(), values.getBeta1(),
                    values.getBeta2(), values.getRho(), startPoint());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** False for a rate outside the slider. */
    @Override
    public boolean setValue(DescentConfig c) {
        double logLr = Math.log10(c.learningRate());
        if (logLr < learningRate.getMin() || logLr > learningRate.getMax()) {
            return false;
        }
        fill(() -> {
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
        });
        return true;
    }

    /** A new race starts from seed 0 (its racers do not draw random numbers). */
    @Override
    public long getSeed() {
        return 0;
    }

    @Override
    public void setSeed(long seed) {
        // the race keeps no seed of its own: a reopened one is restored with its saved seed by the frame
    }

    @Override
    public boolean validate() {
        boolean ok = binder.validate().isOk();
        optimizers.setInvalid(selected().isEmpty());
        return ok && getValue() != null;
    }

    @Override
    protected void sendLive(LiveTraining<?> training) {
        training.setLearningRate(lr());
    }

    @Override
    protected DescentConfig withLive(DescentConfig runConfig) {
        return runConfig.withLearningRate(lr());
    }

    Surface currentSurface() {
        return current;
    }

    /** The start fields as a point (one coordinate on a 1D surface); only while the binder is valid. */
    double[] startPoint() {
        return current.dimensions() == 2 ? new double[] {values.getStartX(), values.getStartY()}
                : new double[] {values.getStartX()};
    }

    boolean startValid() {
        return binder.isValid();
    }

    double lr() {
        // two significant digits: the slider moves in decades, the student reads a round number
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, learningRate.getValue())));
    }

    /** The racing optimizers in their fixed order. */
    List<OptimizerKind> selected() {
        Set<OptimizerKind> chosen = new LinkedHashSet<>(optimizers.getValue());
        return Arrays.stream(OptimizerKind.values()).filter(chosen::contains).toList();
    }

    String name(OptimizerKind k) {
        return getTranslation("descent.optimizer." + k.key());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
