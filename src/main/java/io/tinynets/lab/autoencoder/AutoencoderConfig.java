package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.model.AutoencoderSpec;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerKind;

import java.util.Arrays;

/**
 * Everything the student chooses in the autoencoder lab. The input size follows from the data set, so the student
 * edits only the hidden sizes and the bottleneck; the decoder mirrors them.
 *
 * @param data         which data set
 * @param samples      how many samples, 100..2000
 * @param hidden       encoder hidden sizes between input and bottleneck, 0..3 of them, each 1..128
 * @param bottleneck   code size, 1..32
 * @param activation   hidden and code activation
 * @param tied         tied decoder weights
 * @param loss         reconstruction loss (BCE only on image data, with a sigmoid output)
 * @param noise        denoising corruption of the input
 * @param optimizer    update rule
 * @param learningRate η, in (0, 1]
 * @param seed         0..{@value #MAX_SEED}: draws the data, the initial weights and the batch order, so the same
 *                     config (seed included) gives the same curve
 * @param linearCode   the code (bottleneck) layer is linear instead of using {@code activation}: codes spread over
 *                     the plane instead of piling up at tanh's ±1, so the latent map shows the data's structure.
 *                     Configs saved before the option existed had the code use {@code activation} (false).
 */
public record AutoencoderConfig(ImageSetKind data, int samples, int[] hidden, int bottleneck, Activation activation,
                                boolean tied, AutoencoderLoss loss, AutoencoderNoise noise, OptimizerKind optimizer,
                                double learningRate, long seed, boolean linearCode) {

    /** The seed runs used before the seed was a field of the form. */
    public static final long DEFAULT_SEED = 42;
    public static final long MAX_SEED = Integer.MAX_VALUE;

    public static final int BATCH_SIZE = 32;
    public static final int MAX_HIDDEN_LAYERS = 3;
    public static final int MAX_HIDDEN_SIZE = 128;
    public static final int MIN_SAMPLES = 100;
    public static final int MAX_SAMPLES = 2000;
    public static final double MAX_LEARNING_RATE = 1;
    /** The highest noise level the form's slider offers (a masked fraction or a Gaussian σ). */
    public static final double MAX_NOISE_LEVEL = 0.9;

    public AutoencoderConfig {
        if (data == null || activation == null || loss == null || noise == null || optimizer == null) {
            throw new IllegalArgumentException("data, activation, loss, noise and optimizer must be chosen");
        }
        if (samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be in " + MIN_SAMPLES + ".." + MAX_SAMPLES + ", was "
                    + samples);
        }
        if (hidden == null || hidden.length > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("hidden sizes must list 0.." + MAX_HIDDEN_LAYERS + " layers");
        }
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1 || h > MAX_HIDDEN_SIZE) {
                throw new IllegalArgumentException("each hidden size must be in 1.." + MAX_HIDDEN_SIZE + ", was " + h);
            }
        }
        if (bottleneck < 1 || bottleneck > AutoencoderSpec.MAX_BOTTLENECK) {
            throw new IllegalArgumentException("bottleneck must be in 1.." + AutoencoderSpec.MAX_BOTTLENECK
                    + ", was " + bottleneck);
        }
        if (loss == AutoencoderLoss.BINARY_CROSS_ENTROPY && !data.isImage()) {
            throw new IllegalArgumentException("binary cross-entropy needs pixel data in [0, 1]; use MSE for points");
        }
        Optimizer.checkLearningRate(learningRate);
        if (learningRate > MAX_LEARNING_RATE) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], was " + learningRate);
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be in 0.." + MAX_SEED + ", was " + seed);
        }
    }

    /** The config whose code uses {@code activation} too (no linear bottleneck), as configs saved before it had. */
    public AutoencoderConfig(ImageSetKind data, int samples, int[] hidden, int bottleneck, Activation activation,
                             boolean tied, AutoencoderLoss loss, AutoencoderNoise noise, OptimizerKind optimizer,
                             double learningRate, long seed) {
        this(data, samples, hidden, bottleneck, activation, tied, loss, noise, optimizer, learningRate, seed, false);
    }

    /** The config with the {@link #DEFAULT_SEED} and the code using {@code activation}. */
    public AutoencoderConfig(ImageSetKind data, int samples, int[] hidden, int bottleneck, Activation activation,
                             boolean tied, AutoencoderLoss loss, AutoencoderNoise noise, OptimizerKind optimizer,
                             double learningRate) {
        this(data, samples, hidden, bottleneck, activation, tied, loss, noise, optimizer, learningRate, DEFAULT_SEED);
    }

    /**
     * The lab's starting point: 8×8 digits through 64-32-16-2-16-32-64, tanh hidden layers, a linear code, sigmoid
     * output, MSE, Adam 0.01. With the default seed, after 200 epochs more than half of each code's nearest
     * neighbours share its digit (AutoencoderClaimsTest), the promise of the lab's first "Try this".
     */
    public static AutoencoderConfig defaults() {
        return new AutoencoderConfig(ImageSetKind.DIGITS_8, 1000, new int[]{32, 16}, 2, Activation.TANH, false,
                AutoencoderLoss.MSE, AutoencoderNoise.NONE, OptimizerKind.ADAM, 0.01, DEFAULT_SEED, true);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * The network for data with {@code inputs} features. Pixels get a sigmoid output and points a linear one, except
     * that a linear activation makes the whole network linear (so it can match PCA) unless binary cross-entropy
     * needs the sigmoid.
     */
    public AutoencoderSpec spec(int inputs) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = bottleneck;
        boolean sigmoid = loss == AutoencoderLoss.BINARY_CROSS_ENTROPY
                || data.isImage() && activation != Activation.LINEAR;
        return new AutoencoderSpec(sizes, activation, sigmoid ? Activation.SIGMOID : Activation.LINEAR, tied,
                linearCode ? Activation.LINEAR : activation);
    }

    public AutoencoderConfig withLearningRate(double lr) {
        return new AutoencoderConfig(data, samples, hidden, bottleneck, activation, tied, loss, noise, optimizer, lr,
                seed, linearCode);
    }

    public AutoencoderConfig withSeed(long newSeed) {
        return new AutoencoderConfig(data, samples, hidden, bottleneck, activation, tied, loss, noise, optimizer,
                learningRate, newSeed, linearCode);
    }

    public AutoencoderConfig withNoise(AutoencoderNoise n) {
        return new AutoencoderConfig(data, samples, hidden, bottleneck, activation, tied, loss, n, optimizer,
                learningRate, seed, linearCode);
    }

    /** Parses "16, 8" (commas or spaces; empty for none) into hidden sizes, with a message naming the problem. */
    public static int[] parseHidden(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        String[] parts = text.trim().split("[,\\s]+");
        if (parts.length > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_HIDDEN_LAYERS + " hidden sizes, got " + parts.length);
        }
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("hidden size '" + parts[i] + "' is not a whole number");
            }
            if (sizes[i] < 1 || sizes[i] > MAX_HIDDEN_SIZE) {
                throw new IllegalArgumentException("each hidden size must be in 1.." + MAX_HIDDEN_SIZE + ", was "
                        + sizes[i]);
            }
        }
        return sizes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoencoderConfig c && data == c.data && samples == c.samples
                && Arrays.equals(hidden, c.hidden) && bottleneck == c.bottleneck && activation == c.activation
                && tied == c.tied && loss == c.loss && noise.equals(c.noise) && optimizer == c.optimizer
                && Double.compare(learningRate, c.learningRate) == 0 && seed == c.seed && linearCode == c.linearCode;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + data.hashCode() + bottleneck + Long.hashCode(seed)
                + (linearCode ? 17 : 0);
    }
}
