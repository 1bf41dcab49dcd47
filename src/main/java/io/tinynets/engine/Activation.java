package io.tinynets.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element-wise activation functions a layer can use, as data: each has a stable {@link #key()} that is what gets
 * persisted (configs, model JSON), its value {@link #apply(double)} and its {@link #derivative(double)} with respect
 * to the pre-activation.
 *
 * <p>{@link #derivativeFromOutput(double, double)} lets a layer compute f'(z) from the cached output y = f(z) where
 * that is cheaper (σ' = y(1 − y), tanh' = 1 − y²), which keeps the backward pass free of a second exp/tanh call.
 */
public enum Activation {

    /** σ(z) = 1 / (1 + e^−z); σ'(z) = σ(z)(1 − σ(z)), at most 0.25 (at z = 0). */
    SIGMOID("sigmoid") {
        @Override public double apply(double z) {
            // Two branches so e^−z never overflows for very negative z.
            if (z >= 0) {
                return 1.0 / (1.0 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1.0 + e);
        }
        @Override public double derivative(double z) {
            double s = apply(z);
            return s * (1.0 - s);
        }
        @Override public double derivativeFromOutput(double z, double y) {
            return y * (1.0 - y);
        }
    },

    /** tanh(z); tanh'(z) = 1 − tanh²(z), 1 at z = 0. Zero-centred but saturating like the sigmoid. */
    TANH("tanh") {
        @Override public double apply(double z) {
            return FastMath.tanh(z);
        }
        @Override public double derivative(double z) {
            double t = apply(z);
            return 1.0 - t * t;
        }
        @Override public double derivativeFromOutput(double z, double y) {
            return 1.0 - y * y;
        }
    },

    /** max(0, z); derivative 1 for z &gt; 0 and 0 for z &lt; 0 (we take 0 at z = 0, as PyTorch does). */
    RELU("relu") {
        @Override public double apply(double z) {
            return z > 0 ? z : 0.0;
        }
        @Override public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }
        @Override public double derivativeFromOutput(double z, double y) {
            return z > 0 ? 1.0 : 0.0;
        }
    },

    /** z for z &gt; 0, else 0.01·z: a small slope keeps negative units alive. */
    LEAKY_RELU("leaky_relu") {
        @Override public double apply(double z) {
            return z > 0 ? z : LEAKY_SLOPE * z;
        }
        @Override public double derivative(double z) {
            return z > 0 ? 1.0 : LEAKY_SLOPE;
        }
        @Override public double derivativeFromOutput(double z, double y) {
            return z > 0 ? 1.0 : LEAKY_SLOPE;
        }
    },

    /** z for z &gt; 0, else α(e^z − 1) with α = 1: smooth, and negative outputs push the mean toward zero. */
    ELU("elu") {
        @Override public double apply(double z) {
            return z > 0 ? z : Math.expm1(z);
        }
        @Override public double derivative(double z) {
            return z > 0 ? 1.0 : Math.exp(z);
        }
        @Override public double derivativeFromOutput(double z, double y) {
            return z > 0 ? 1.0 : y + 1.0;
        }
    },

    /** ln(1 + e^z), a smooth ReLU; its derivative is the sigmoid. */
    SOFTPLUS("softplus") {
        @Override public double apply(double z) {
            // log1p(e^−|z|) + max(z, 0) never overflows.
            return Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0.0);
        }
        @Override public double derivative(double z) {
            return SIGMOID.apply(z);
        }
    },

    /**
     * GELU, z·Φ(z) with Φ the standard normal CDF, in the tanh form used by GPT-2 and PyTorch's
     * {@code approximate="tanh"}: 0.5·z·(1 + tanh(√(2/π)(z + 0.044715 z³))).
     */
    GELU("gelu") {
        @Override public double apply(double z) {
            return 0.5 * z * (1.0 + FastMath.tanh(GELU_C * (z + GELU_A * z * z * z)));
        }
        @Override public double derivative(double z) {
            double u = GELU_C * (z + GELU_A * z * z * z);
            double t = FastMath.tanh(u);
            double du = GELU_C * (1.0 + 3.0 * GELU_A * z * z);
            return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * du;
        }
    },

    /** The identity: a stack of linear layers collapses to one linear map. */
    LINEAR("linear") {
        @Override public double apply(double z) {
            return z;
        }
        @Override public double derivative(double z) {
            return 1.0;
        }
        @Override public double derivativeFromOutput(double z, double y) {
            return 1.0;
        }
    };

    static final double LEAKY_SLOPE = 0.01;
    private static final double GELU_C = Math.sqrt(2.0 / Math.PI);
    private static final double GELU_A = 0.044715;

    private final String key;

    Activation(String key) {
        this.key = key;
    }

    /** The stable name that is persisted; never change one once released. */
    public String key() {
        return key;
    }

    /** f(z). */
    public abstract double apply(double z);

    /** f'(z), the derivative with respect to the pre-activation z. */
    public abstract double derivative(double z);

    /** f'(z) given both z and the already computed y = f(z); cheaper than {@link #derivative} where y suffices. */
    public double derivativeFromOutput(double z, double y) {
        return derivative(z);
    }

    /** The activation with this persisted key, if any. */
    public static Optional<Activation> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
