package io.tinynets.engine.loss;

import io.tinynets.engine.Activation;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Optional;

/**
 * The losses a network can train on, each the mean over the batch of a per-sample loss, with its gradient with
 * respect to the network output. The key is what gets persisted.
 *
 * <p>Targets: squared error takes a batch × outputs matrix of real targets; binary cross-entropy takes targets in
 * [0, 1], one per output (an MLP has one, an autoencoder one per pixel); softmax cross-entropy takes a batch × 1
 * column of class indices 0..K−1 and treats the K outputs as logits (the output activation should be linear).
 *
 * <p>Binary cross-entropy on a sigmoid output should be computed from the pre-activation z (see
 * {@link #fusesWith(Activation)}, {@link #valueFromPreActivation}, {@link #gradientFromPreActivation}): then
 * ℓ = max(z, 0) − z·t + ln(1 + e^−|z|) and ∂ℓ/∂z = σ(z) − t, finite for every z where ln σ(z) is not.
 */
public enum Loss {

    /** ℓ = ½ Σ_j (o_j − t_j)²; ∂ℓ/∂o = o − t. */
    SQUARED_ERROR("squared_error") {
        @Override public double value(DMatrixRMaj output, DMatrixRMaj target) {
            checkSameShape(output, target);
            double[] o = output.data;
            double[] t = target.data;
            double sum = 0;
            // L = (1/B) Σ ½ (o − t)²
            for (int i = 0, n = output.getNumElements(); i < n; i++) {
                double d = o[i] - t[i];
                sum += d * d;
            }
            return 0.5 * sum / output.numRows;
        }

        @Override public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj dOutput) {
            checkSameShape(output, target);
            dOutput.reshape(output.numRows, output.numCols);
            double[] o = output.data;
            double[] t = target.data;
            double[] d = dOutput.data;
            double inv = 1.0 / output.numRows;
            // ∂L/∂o = (o − t) / B
            for (int i = 0, n = output.getNumElements(); i < n; i++) {
                d[i] = (o[i] - t[i]) * inv;
            }
        }
    },

    /**
     * ℓ = −[t ln p + (1 − t) ln(1 − p)] for a probability output p; ∂ℓ/∂p = (p − t) / (p(1 − p)). Averaged over every
     * element of the batch (PyTorch's {@code BCELoss} and {@code BCEWithLogitsLoss} with their default mean), so each
     * output is its own yes/no question: an MLP has the one output, an autoencoder one per pixel.
     */
    BINARY_CROSS_ENTROPY("binary_cross_entropy") {
        @Override public double value(DMatrixRMaj output, DMatrixRMaj target) {
            checkSameShape(output, target);
            double[] p = output.data;
            double[] t = target.data;
            int n = output.getNumElements();
            double sum = 0;
            // L = −(1/n) Σ [t ln p + (1 − t) ln(1 − p)], p kept off 0 and 1 so a saturated output gives a large
            // finite loss rather than ∞ (the fused path via the pre-activation needs no clamp)
            for (int i = 0; i < n; i++) {
                double q = clampProbability(p[i]);
                sum -= t[i] * Math.log(q) + (1.0 - t[i]) * Math.log1p(-q);
            }
            return sum / n;
        }

        @Override public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj dOutput) {
            checkSameShape(output, target);
            dOutput.reshape(output.numRows, output.numCols);
            double[] p = output.data;
            double[] t = target.data;
            double[] d = dOutput.data;
            int n = output.getNumElements();
            double inv = 1.0 / n;
            // ∂L/∂p = (p − t) / (p (1 − p)) / n
            for (int i = 0; i < n; i++) {
                double q = clampProbability(p[i]);
                d[i] = (q - t[i]) / (q * (1.0 - q)) * inv;
            }
        }

        @Override public boolean fusesWith(Activation outputActivation) {
            return outputActivation == Activation.SIGMOID;
        }

        @Override public double valueFromPreActivation(DMatrixRMaj z, DMatrixRMaj target) {
            checkSameShape(z, target);
            double[] zs = z.data;
            double[] t = target.data;
            int n = z.getNumElements();
            double sum = 0;
            // ℓ = max(z, 0) − z·t + ln(1 + e^−|z|)
            for (int i = 0; i < n; i++) {
                double v = zs[i];
                sum += Math.max(v, 0.0) - v * t[i] + Math.log1p(Math.exp(-Math.abs(v)));
            }
            return sum / n;
        }

        @Override public void gradientFromPreActivation(DMatrixRMaj z, DMatrixRMaj target, DMatrixRMaj dz) {
            checkSameShape(z, target);
            dz.reshape(z.numRows, z.numCols);
            double[] zs = z.data;
            double[] t = target.data;
            double[] d = dz.data;
            int n = z.getNumElements();
            double inv = 1.0 / n;
            // ∂L/∂z = (σ(z) − t) / n
            for (int i = 0; i < n; i++) {
                d[i] = (Activation.SIGMOID.apply(zs[i]) - t[i]) * inv;
            }
        }
    },

    /** p = softmax(o); ℓ = −ln p_c for the target class c; ∂ℓ/∂o = p − onehot(c). */
    SOFTMAX_CROSS_ENTROPY("softmax_cross_entropy") {
        @Override public double value(DMatrixRMaj output, DMatrixRMaj target) {
            checkClasses(output, target);
            int k = output.numCols;
            double[] o = output.data;
            double sum = 0;
            // ℓ = logsumexp(o) − o_c, with the max subtracted so exp never overflows
            for (int r = 0; r < output.numRows; r++) {
                int off = r * k;
                double max = o[off];
                for (int j = 1; j < k; j++) {
                    max = Math.max(max, o[off + j]);
                }
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += Math.exp(o[off + j] - max);
                }
                int c = (int) target.data[r];
                sum += Math.log(s) + max - o[off + c];
            }
            return sum / output.numRows;
        }

        @Override public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj dOutput) {
            checkClasses(output, target);
            int k = output.numCols;
            dOutput.reshape(output.numRows, k);
            double[] o = output.data;
            double[] d = dOutput.data;
            double inv = 1.0 / output.numRows;
            // ∂L/∂o = (softmax(o) − onehot(c)) / B
            for (int r = 0; r < output.numRows; r++) {
                int off = r * k;
                double max = o[off];
                for (int j = 1; j < k; j++) {
                    max = Math.max(max, o[off + j]);
                }
                double s = 0;
                for (int j = 0; j < k; j++) {
                    double e = Math.exp(o[off + j] - max);
                    d[off + j] = e;
                    s += e;
                }
                for (int j = 0; j < k; j++) {
                    d[off + j] = d[off + j] / s * inv;
                }
                d[off + (int) target.data[r]] -= inv;
            }
        }
    };

    private static final double PROBABILITY_FLOOR = 1e-15;

    private final String key;

    Loss(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Loss> fromKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    /** L(output, target), the mean per-sample loss over the batch rows. */
    public abstract double value(DMatrixRMaj output, DMatrixRMaj target);

    /** Writes ∂L/∂output into {@code dOutput} (reshaped to the output's shape). */
    public abstract void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj dOutput);

    /**
     * True when this loss should be computed from the output layer's pre-activation z for numerical stability
     * (binary cross-entropy after a sigmoid).
     */
    public boolean fusesWith(Activation outputActivation) {
        return false;
    }

    /** L as a function of the pre-activation z of the output; only for {@link #fusesWith} pairs. */
    public double valueFromPreActivation(DMatrixRMaj z, DMatrixRMaj target) {
        throw new UnsupportedOperationException(key + " has no fused pre-activation form");
    }

    /** Writes ∂L/∂z into {@code dz}; only for {@link #fusesWith} pairs. */
    public void gradientFromPreActivation(DMatrixRMaj z, DMatrixRMaj target, DMatrixRMaj dz) {
        throw new UnsupportedOperationException(key + " has no fused pre-activation form");
    }

    /** Whether an output layer with this activation and size can train on this loss; a message if not. */
    public Optional<String> incompatibility(Activation outputActivation, int outputs) {
        return switch (this) {
            case SQUARED_ERROR -> Optional.empty();
            case BINARY_CROSS_ENTROPY -> outputs != 1
                    ? Optional.of("binary_cross_entropy needs exactly 1 output, the network has " + outputs)
                    : outputActivation != Activation.SIGMOID
                    ? Optional.of("binary_cross_entropy needs a sigmoid output activation, got "
                            + outputActivation.key())
                    : Optional.empty();
            case SOFTMAX_CROSS_ENTROPY -> outputs < 2
                    ? Optional.of("softmax_cross_entropy needs at least 2 outputs (one per class), the network has "
                            + outputs)
                    : outputActivation != Activation.LINEAR
                    ? Optional.of("softmax_cross_entropy applies softmax itself: the output activation must be "
                            + "linear, got " + outputActivation.key())
                    : Optional.empty();
        };
    }

    private static double clampProbability(double p) {
        return Math.min(Math.max(p, PROBABILITY_FLOOR), 1.0 - PROBABILITY_FLOOR);
    }

    static void checkSameShape(DMatrixRMaj output, DMatrixRMaj target) {
        if (output.numRows != target.numRows || output.numCols != target.numCols) {
            throw new IllegalArgumentException("target must be " + output.numRows + "x" + output.numCols
                    + " like the output, got " + target.numRows + "x" + target.numCols);
        }
    }

    static void checkClasses(DMatrixRMaj output, DMatrixRMaj target) {
        if (output.numCols < 2) {
            throw new IllegalArgumentException("softmax_cross_entropy needs at least 2 output columns, got "
                    + output.numCols);
        }
        if (target.numRows != output.numRows || target.numCols != 1) {
            throw new IllegalArgumentException("target must be a " + output.numRows
                    + "x1 column of class indices, got " + target.numRows + "x" + target.numCols);
        }
        for (int r = 0; r < target.numRows; r++) {
            double c = target.data[r];
            if (c != Math.rint(c) || c < 0 || c >= output.numCols) {
                throw new IllegalArgumentException("target class at row " + r + " must be an integer in 0.."
                        + (output.numCols - 1) + ", was " + c);
            }
        }
    }
}
