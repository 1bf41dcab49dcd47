package io.tinynets.engine.init;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a layer's weights start. Biases always start at zero, so the choice of weights alone decides whether units can
 * learn different things. The key is what gets persisted.
 */
public enum Initializer {

    /** Glorot/Xavier uniform: U(−a, a), a = √(6 / (fanIn + fanOut)); keeps variance steady for tanh/sigmoid. */
    XAVIER("xavier") {
        @Override public void fill(DMatrixRMaj weight, int fanIn, int fanOut, RandomGenerator rng) {
            double a = Math.sqrt(6.0 / (fanIn + fanOut));
            uniform(weight, a, rng);
        }
    },

    /** He/Kaiming normal: N(0, 2 / fanIn); compensates ReLU zeroing half its inputs. */
    HE("he") {
        @Override public void fill(DMatrixRMaj weight, int fanIn, int fanOut, RandomGenerator rng) {
            double std = Math.sqrt(2.0 / fanIn);
            double[] w = weight.data;
            for (int i = 0, n = weight.getNumElements(); i < n; i++) {
                w[i] = std * rng.nextGaussian();
            }
        }
    },

    /** U(−0.5, 0.5) whatever the fan-in, as TensorFlow Playground does: fine for tiny nets, poor for deep ones. */
    SMALL_UNIFORM("small_uniform") {
        @Override public void fill(DMatrixRMaj weight, int fanIn, int fanOut, RandomGenerator rng) {
            uniform(weight, 0.5, rng);
        }
    },

    /** All zeros: every unit in a layer gets the same gradient and stays identical (the symmetry problem). */
    ZEROS("zeros") {
        @Override public void fill(DMatrixRMaj weight, int fanIn, int fanOut, RandomGenerator rng) {
            weight.zero();
        }
    };

    private final String key;

    Initializer(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Overwrites every element of {@code weight} (fanOut × fanIn) drawing from {@code rng}. */
    public abstract void fill(DMatrixRMaj weight, int fanIn, int fanOut, RandomGenerator rng);

    public static Optional<Initializer> fromKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }

    private static void uniform(DMatrixRMaj weight, double a, RandomGenerator rng) {
        double[] w = weight.data;
        for (int i = 0, n = weight.getNumElements(); i < n; i++) {
            w[i] = (2.0 * rng.nextDouble() - 1.0) * a;
        }
    }
}
