package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reconstruction losses, averaged over every element of the batch (batch × features), so their size does not depend
 * on the image size and MSE is directly comparable with {@link AutoencoderPca#reconstructionError(int)}.
 */
public enum AutoencoderLoss {

    /** L = (1 / BD) Σ (o − t)²; ∂L/∂o = 2(o − t) / BD. */
    MSE("mse"),

    /**
     * L = −(1 / BD) Σ [t ln σ(z) + (1 − t) ln(1 − σ(z))], computed from the pre-activation z of a sigmoid output as
     * max(z, 0) − z·t + ln(1 + e^−|z|) so it stays finite; ∂L/∂z = (σ(z) − t) / BD. Targets in [0, 1].
     */
    BINARY_CROSS_ENTROPY("bce");

    private final String key;

    AutoencoderLoss(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<AutoencoderLoss> fromKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    /** Binary cross-entropy needs a sigmoid output; a message if this pairing cannot train. */
    public Optional<String> incompatibility(Activation outputActivation) {
        if (this == BINARY_CROSS_ENTROPY && outputActivation != Activation.SIGMOID) {
            return Optional.of("binary cross-entropy needs a sigmoid output activation, got "
                    + outputActivation.key());
        }
        return Optional.empty();
    }

    /** L from the output's pre-activation z and output o = f(z). */
    public double value(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj target) {
        check(o, target);
        double[] ts = target.data;
        int n = o.getNumElements();
        double sum = 0;
        if (this == MSE) {
            double[] os = o.data;
            // L = (1 / BD) Σ (o − t)²
            for (int i = 0; i < n; i++) {
                double d = os[i] - ts[i];
                sum += d * d;
            }
        } else {
            double[] zs = z.data;
            // ℓ = max(z, 0) − z·t + ln(1 + e^−|z|)
            for (int i = 0; i < n; i++) {
                double v = zs[i];
                sum += Math.max(v, 0) - v * ts[i] + Math.log1p(Math.exp(-Math.abs(v)));
            }
        }
        return sum / n;
    }

    /**
     * Writes into {@code d} the gradient the output layer needs: ∂L/∂o for MSE, ∂L/∂z for binary cross-entropy
     * (see {@link #gradientIsPreActivation()}).
     */
    public void gradient(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj target, DMatrixRMaj d) {
        check(o, target);
        d.reshape(o.numRows, o.numCols);
        double[] ts = target.data;
        double[] ds = d.data;
        int n = o.getNumElements();
        double inv = 1.0 / n;
        if (this == MSE) {
            double[] os = o.data;
            // ∂L/∂o = 2(o − t) / BD
            for (int i = 0; i < n; i++) {
                ds[i] = 2.0 * (os[i] - ts[i]) * inv;
            }
        } else {
            double[] zs = z.data;
            // ∂L/∂z = (σ(z) − t) / BD
            for (int i = 0; i < n; i++) {
                ds[i] = (Activation.SIGMOID.apply(zs[i]) - ts[i]) * inv;
            }
        }
    }

    /** True when {@link #gradient} gives ∂L/∂z (fused with the sigmoid) rather than ∂L/∂o. */
    public boolean gradientIsPreActivation() {
        return this == BINARY_CROSS_ENTROPY;
    }

    private static void check(DMatrixRMaj o, DMatrixRMaj target) {
        if (o.numRows != target.numRows || o.numCols != target.numCols) {
            throw new IllegalArgumentException("target must be " + o.numRows + "x" + o.numCols
                    + " like the reconstruction, got " + target.numRows + "x" + target.numCols);
        }
    }
}
