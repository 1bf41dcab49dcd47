package io.tinynets.engine.model;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a denoising autoencoder corrupts its input. Only the input is corrupted; the target stays the clean sample,
 * so the network cannot simply copy: it must keep in its code what the data's structure predicts.
 *
 * @param kind  none, Gaussian noise or random masking
 * @param level the standard deviation of the Gaussian noise (0..2), or the fraction of inputs set to 0 (0..0.9)
 */
public record AutoencoderNoise(Kind kind, double level) {

    public static final AutoencoderNoise NONE = new AutoencoderNoise(Kind.NONE, 0.0);

    public enum Kind {
        NONE("none", 0.0), GAUSSIAN("gaussian", 2.0), MASK("mask", 0.9);

        private final String key;
        private final double maxLevel;

        Kind(String key, double maxLevel) {
            this.key = key;
            this.maxLevel = maxLevel;
        }

        public String key() {
            return key;
        }

        public double maxLevel() {
            return maxLevel;
        }

        public static Optional<Kind> fromKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
        }
    }

    public AutoencoderNoise {
        if (kind == null) {
            throw new IllegalArgumentException("noise kind must not be null");
        }
        if (kind == Kind.NONE) {
            level = 0.0;
        } else if (!(level >= 0 && level <= kind.maxLevel)) {
            throw new IllegalArgumentException("noise level for " + kind.key + " must be in [0, " + kind.maxLevel
                    + "], was " + level);
        }
    }

    public static AutoencoderNoise gaussian(double sigma) {
        return new AutoencoderNoise(Kind.GAUSSIAN, sigma);
    }

    public static AutoencoderNoise mask(double fraction) {
        return new AutoencoderNoise(Kind.MASK, fraction);
    }

    public boolean isActive() {
        return kind != Kind.NONE && level > 0;
    }

    /** Writes a corrupted copy of {@code clean} into {@code noisy} (reshaped), drawing from {@code rng}. */
    public void apply(DMatrixRMaj clean, DMatrixRMaj noisy, RandomGenerator rng) {
        noisy.reshape(clean.numRows, clean.numCols);
        double[] c = clean.data;
        double[] x = noisy.data;
        int n = clean.getNumElements();
        switch (kind) {
            case NONE -> System.arraycopy(c, 0, x, 0, n);
            // x̃ = x + σ·ε, ε ~ N(0, 1)
            case GAUSSIAN -> {
                for (int i = 0; i < n; i++) {
                    x[i] = c[i] + level * rng.nextGaussian();
                }
            }
            // x̃ = x ⊙ m, m_i ~ Bernoulli(1 − fraction)
            case MASK -> {
                for (int i = 0; i < n; i++) {
                    x[i] = rng.nextDouble() < level ? 0.0 : c[i];
                }
            }
        }
    }
}
