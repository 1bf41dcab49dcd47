package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.textfield.IntegerField;
import io.tinynets.lab.playground.PlaygroundConfig;

import java.util.EnumSet;
import java.util.List;

/**
 * The playground form's field rules and what each change means: a data setting generates new points, a network or
 * training setting needs a new run, the learning and regularization rates change live.
 */
final class PlaygroundBinding {

    private PlaygroundBinding() {
    }

    static void bind(PlaygroundForm f) {
        rules(f);
        f.binder.setBean(f.values);
        f.dataset.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                f.data.regenerate();
            }
        });
        for (IntegerField field : List.of(f.noise, f.trainPercent, f.points, f.seed)) {
            field.addValueChangeListener(e -> f.data.regenerate());
        }
        List<HasValue<?, ?>> structural = List.of(f.batchSize, f.features, f.outputLoss, f.initializer, f.optimizer,
                f.regularization);
        structural.forEach(field -> field.addValueChangeListener(e -> f.settingsChanged()));
        f.learningRate.addValueChangeListener(e -> {
            Double v = e.getValue();
            if (v != null && v >= PlaygroundConfig.MIN_LEARNING_RATE && v <= PlaygroundConfig.MAX_LEARNING_RATE) {
                f.learningRateSlider.setValue(Math.max(-5, Math.min(1, Math.log10(v))));
            }
            f.liveSettingChanged();
        });
        f.regularizationRate.addValueChangeListener(e -> f.liveSettingChanged());
    }

    private static void rules(PlaygroundForm f) {
        String required = f.getTranslation("playground.error.required");
        f.binder.forField(f.noise).asRequired(required)
                .withValidator(v -> v >= 0 && v <= 50, f.getTranslation("playground.error.range", 0, 50))
                .bind(v -> v.noise, (v, x) -> v.noise = x);
        f.binder.forField(f.trainPercent).asRequired(required)
                .withValidator(v -> v >= 10 && v <= 90, f.getTranslation("playground.error.range", 10, 90))
                .bind(v -> v.trainPercent, (v, x) -> v.trainPercent = x);
        f.binder.forField(f.batchSize).asRequired(required)
                .withValidator(v -> v >= PlaygroundConfig.MIN_BATCH && v <= PlaygroundConfig.MAX_BATCH,
                        f.getTranslation("playground.error.range", PlaygroundConfig.MIN_BATCH,
                                PlaygroundConfig.MAX_BATCH))
                .bind(v -> v.batchSize, (v, x) -> v.batchSize = x);
        f.binder.forField(f.points).asRequired(required)
                .withValidator(v -> v >= PlaygroundConfig.MIN_POINTS && v <= PlaygroundConfig.MAX_POINTS,
                        f.getTranslation("playground.error.range", PlaygroundConfig.MIN_POINTS,
                                PlaygroundConfig.MAX_POINTS))
                .bind(v -> v.points, (v, x) -> v.points = x);
        f.binder.forField(f.seed).asRequired(required)
                .withValidator(v -> v >= PlaygroundConfig.MIN_SEED && v <= PlaygroundConfig.MAX_SEED,
                        f.getTranslation("playground.error.range", PlaygroundConfig.MIN_SEED,
                                PlaygroundConfig.MAX_SEED))
                .bind(v -> v.seed, (v, x) -> v.seed = x);
        f.binder.forField(f.features).withValidator(v -> v != null && !v.isEmpty(),
                        f.getTranslation("playground.error.features"))
                .bind(v -> v.features, (v, x) -> v.features = x.isEmpty() ? EnumSet.noneOf(
                        io.tinynets.data.Feature.class) : EnumSet.copyOf(x));
        f.binder.forField(f.learningRate).asRequired(required)
                .withValidator(v -> v >= PlaygroundConfig.MIN_LEARNING_RATE
                                && v <= PlaygroundConfig.MAX_LEARNING_RATE,
                        f.getTranslation("playground.error.learningRate", "0.00001", "10"))
                .bind(v -> v.learningRate, (v, x) -> v.learningRate = x);
        f.binder.forField(f.regularizationRate).asRequired(required)
                .withValidator(v -> v >= 0 && v <= PlaygroundConfig.MAX_REGULARIZATION_RATE,
                        f.getTranslation("playground.error.rangeDecimal", "0", "10"))
                .bind(v -> v.regularizationRate, (v, x) -> v.regularizationRate = x);
    }
}
