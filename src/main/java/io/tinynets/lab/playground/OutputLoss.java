package io.tinynets.lab.playground;

import io.tinynets.data.TargetEncoding;
import io.tinynets.engine.Activation;
import io.tinynets.engine.loss.Loss;

import java.util.Arrays;
import java.util.List;

/**
 * The output layer and loss, chosen together because only some pairs make sense for a task: the playground's own
 * tanh + squared error on ±1 targets, sigmoid + binary cross-entropy on 0/1, softmax cross-entropy for any number
 * of classes, and a linear output with squared error for regression.
 */
public enum OutputLoss {
    TANH_SQUARED("tanh_squared", Activation.TANH, Loss.SQUARED_ERROR, TargetEncoding.PLUS_MINUS_ONE),
    SIGMOID_BINARY_CROSS_ENTROPY("sigmoid_bce", Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY,
            TargetEncoding.ZERO_ONE),
    SOFTMAX_CROSS_ENTROPY("softmax_ce", Activation.LINEAR, Loss.SOFTMAX_CROSS_ENTROPY, TargetEncoding.CLASS_INDEX),
    LINEAR_SQUARED("linear_squared", Activation.LINEAR, Loss.SQUARED_ERROR, TargetEncoding.PLUS_MINUS_ONE);

    private final String key;
    private final Activation activation;
    private final Loss loss;
    private final TargetEncoding encoding;

    OutputLoss(String key, Activation activation, Loss loss, TargetEncoding encoding) {
        this.key = key;
        this.activation = activation;
        this.loss = loss;
        this.encoding = encoding;
    }

    public String key() {
        return key;
    }

    public Activation activation() {
        return activation;
    }

    public Loss loss() {
        return loss;
    }

    public TargetEncoding encoding() {
        return encoding;
    }

    /** Output units for data with {@code classes} classes (0 = regression). */
    public int outputs(int classes) {
        return this == SOFTMAX_CROSS_ENTROPY ? classes : 1;
    }

    /** Whether this pair can learn data with {@code classes} classes (0 = regression). */
    public boolean supports(int classes) {
        return switch (this) {
            case TANH_SQUARED -> classes == 0 || classes == 2;
            case SIGMOID_BINARY_CROSS_ENTROPY -> classes == 2;
            case SOFTMAX_CROSS_ENTROPY -> classes >= 2;
            case LINEAR_SQUARED -> classes == 0 || classes == 2;
        };
    }

    /** The choices for a task, the sensible default first. */
    public static List<OutputLoss> choicesFor(int classes) {
        OutputLoss first = defaultFor(classes);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                Arrays.stream(values()).filter(o -> o != first && o.supports(classes))).toList();
    }

    public static OutputLoss defaultFor(int classes) {
        return classes == 0 ? LINEAR_SQUARED : classes == 2 ? TANH_SQUARED : SOFTMAX_CROSS_ENTROPY;
    }
}
