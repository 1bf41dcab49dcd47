package io.tinynets.engine.model;

import io.tinynets.engine.Activation;

import java.util.Arrays;

/**
 * The shape of an autoencoder, given by the encoder alone: {@code encoderSizes} = [input, hidden…, bottleneck]; the
 * decoder is the mirror image (…hidden, input), so the network is an hourglass, e.g. 64-16-2 gives 64-16-2-16-64.
 *
 * @param encoderSizes     input size (1..1024), then hidden sizes (1..256), then the bottleneck (1..32); 2..6 sizes
 * @param activation       f of every hidden layer (and of the code unless {@code codeActivation} says otherwise)
 * @param outputActivation f of the reconstruction: sigmoid for pixels in [0, 1], linear for real-valued points
 * @param tiedWeights      whether each decoder layer uses the transpose of its mirror encoder layer's weight
 * @param codeActivation   f of the code (bottleneck) layer: linear keeps the codes from piling up at a squashing
 *                         function's limits (tanh's ±1), the usual choice for a 2D map of the data
 */
public record AutoencoderSpec(int[] encoderSizes, Activation activation, Activation outputActivation,
                              boolean tiedWeights, Activation codeActivation) {

    public static final int MAX_INPUT = 1024;
    public static final int MAX_HIDDEN = 256;
    public static final int MAX_BOTTLENECK = 32;

    public AutoencoderSpec {
        if (encoderSizes == null || encoderSizes.length < 2 || encoderSizes.length > 6) {
            throw new IllegalArgumentException("encoderSizes must list 2..6 sizes (input, hidden…, bottleneck), was "
                    + (encoderSizes == null ? "null" : Arrays.toString(encoderSizes)));
        }
        encoderSizes = encoderSizes.clone();
        int last = encoderSizes.length - 1;
        if (encoderSizes[0] < 1 || encoderSizes[0] > MAX_INPUT) {
            throw new IllegalArgumentException("input size must be in 1.." + MAX_INPUT + ", was " + encoderSizes[0]);
        }
        for (int i = 1; i < last; i++) {
            if (encoderSizes[i] < 1 || encoderSizes[i] > MAX_HIDDEN) {
                throw new IllegalArgumentException("hidden size " + i + " must be in 1.." + MAX_HIDDEN + ", was "
                        + encoderSizes[i]);
            }
        }
        if (encoderSizes[last] < 1 || encoderSizes[last] > MAX_BOTTLENECK) {
            throw new IllegalArgumentException("bottleneck must be in 1.." + MAX_BOTTLENECK + ", was "
                    + encoderSizes[last]);
        }
        if (activation == null || outputActivation == null || codeActivation == null) {
            throw new IllegalArgumentException("activation, outputActivation and codeActivation must not be null");
        }
    }

    /** The code uses the hidden layers' activation, as every autoencoder did before the code had its own. */
    public AutoencoderSpec(int[] encoderSizes, Activation activation, Activation outputActivation,
                           boolean tiedWeights) {
        this(encoderSizes, activation, outputActivation, tiedWeights, activation);
    }

    @Override
    public int[] encoderSizes() {
        return encoderSizes.clone();
    }

    public int inputs() {
        return encoderSizes[0];
    }

    public int bottleneck() {
        return encoderSizes[encoderSizes.length - 1];
    }

    /** All layer sizes of the hourglass, input to reconstruction: 64-16-2 → [64, 16, 2, 16, 64]. */
    public int[] layerSizes() {
        int n = encoderSizes.length;
        int[] all = new int[2 * n - 1];
        for (int i = 0; i < n; i++) {
            all[i] = encoderSizes[i];
            all[2 * n - 2 - i] = encoderSizes[i];
        }
        return all;
    }

    /** Input size / bottleneck: how many numbers each code number stands for. */
    public double compressionRatio() {
        return (double) inputs() / bottleneck();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoencoderSpec s && Arrays.equals(encoderSizes, s.encoderSizes)
                && activation == s.activation && outputActivation == s.outputActivation
                && tiedWeights == s.tiedWeights && codeActivation == s.codeActivation;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoderSizes) * 31 + activation.hashCode() * 7 + outputActivation.hashCode()
                + codeActivation.hashCode() * 3 + (tiedWeights ? 1 : 0);
    }

    @Override
    public String toString() {
        return "AutoencoderSpec" + Arrays.toString(layerSizes()) + " " + activation.key()
                + (codeActivation == activation ? "" : ", code " + codeActivation.key()) + "/"
                + outputActivation.key() + (tiedWeights ? " tied" : "");
    }
}
