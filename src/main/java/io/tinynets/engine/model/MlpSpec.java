package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;

import java.util.Collections;
import java.util.List;

/**
 * The architecture of a multilayer perceptron: what gets persisted and what the labs' controls edit.
 *
 * @param inputs            input features, 1..1024
 * @param hidden            hidden layer widths, 0..30 layers, each 1..64 units
 * @param hiddenActivations one activation per hidden layer (same length as {@code hidden})
 * @param outputs           output units, 1..64
 * @param outputActivation  the output layer's activation (linear for softmax cross-entropy, sigmoid for binary
 *                          cross-entropy, tanh for TensorFlow Playground's ±1 targets)
 * @param initializer       how weights start (biases start at zero)
 */
public record MlpSpec(int inputs, List<Integer> hidden, List<Activation> hiddenActivations, int outputs,
                      Activation outputActivation, Initializer initializer) {

    public static final int MAX_DEPTH = 30;
    public static final int MAX_WIDTH = 64;
    public static final int MAX_INPUTS = 1024;

    public MlpSpec {
        if (inputs < 1 || inputs > MAX_INPUTS) {
            throw new IllegalArgumentException("inputs must be in 1.." + MAX_INPUTS + ", was " + inputs);
        }
        if (hidden == null || hiddenActivations == null) {
            throw new IllegalArgumentException("hidden sizes and activations must not be null");
        }
        if (hidden.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("hidden layers must be in 0.." + MAX_DEPTH + ", was " + hidden.size());
        }
        if (hiddenActivations.size() != hidden.size()) {
            throw new IllegalArgumentException("hidden activations must give one activation per hidden layer: "
                    + hidden.size() + " layers, " + hiddenActivations.size() + " activations");
        }
        for (int i = 0; i < hidden.size(); i++) {
            Integer w = hidden.get(i);
            if (w == null || w < 1 || w > MAX_WIDTH) {
                throw new IllegalArgumentException("hidden layer " + (i + 1) + " width must be in 1.." + MAX_WIDTH
                        + ", was " + w);
            }
            if (hiddenActivations.get(i) == null) {
                throw new IllegalArgumentException("hidden layer " + (i + 1) + " activation must not be null");
            }
        }
        if (outputs < 1 || outputs > MAX_WIDTH) {
            throw new IllegalArgumentException("outputs must be in 1.." + MAX_WIDTH + ", was " + outputs);
        }
        if (outputActivation == null) {
            throw new IllegalArgumentException("output activation must not be null");
        }
        if (initializer == null) {
            throw new IllegalArgumentException("initializer must not be null");
        }
        hidden = List.copyOf(hidden);
        hiddenActivations = List.copyOf(hiddenActivations);
    }

    /** Every hidden layer with the same activation. */
    public static MlpSpec of(int inputs, int[] hidden, Activation hiddenActivation, int outputs,
                             Activation outputActivation, Initializer initializer) {
        List<Integer> widths = java.util.Arrays.stream(hidden).boxed().toList();
        return new MlpSpec(inputs, widths, Collections.nCopies(hidden.length, hiddenActivation), outputs,
                outputActivation, initializer);
    }

    /** Number of hidden layers. */
    public int depth() {
        return hidden.size();
    }

    /** Width of every layer from input to output: inputs, hidden…, outputs. */
    public int[] layerSizes() {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = inputs;
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(i);
        }
        sizes[sizes.length - 1] = outputs;
        return sizes;
    }
}
