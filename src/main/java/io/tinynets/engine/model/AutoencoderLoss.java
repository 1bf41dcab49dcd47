package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.loss.Loss;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reconstruction losses, averaged over every element of the batch (batch × features), so their size does not depend
 * on the image size and MSE is directly comparable with {@link AutoencoderPca#reconstructionError(int)}. The key is
 * what gets persisted ({@code "mse"}, {@code "bce"}).
 */
public enum AutoencoderLoss {

    /** L = (1 / BD) Σ (o − t)²; ∂L/∂o = 2(o − t) / BD. */
    MSE("mse"),

    /**
     * {@link Loss#BINARY_CROSS_ENTROPY} in its fused form, one yes/no question per pixel: L = −(1 / BD) Σ [t ln σ(z)
     * + (1 − t) ln(1 − σ(z))] from the pre-activation z of a sigmoid output; ∂L/∂z = (σ(z) − t) / BD. Targets in
     * [0, 1].
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
        if (this == BINARY_CROSS_ENTROPY && !Loss.BINARY_CROSS_ENTROPY.fusesWith(outputActivation)) {
            return Optional.of("binary cross-entropy needs a sigmoid output activation, got "
                    + outputActivation.key());
        }
        return Optional.empty();
    }

    /** L from the output's pre-activation z and output o = f(z). */
    public double value(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj target) {
        check(o, target);
        if (this == BINARY_CROSS_ENTROPY) {
            return Loss.BINARY_CROSS_ENTROPY.valueFromPreActivation(z, target);
        }
        double[] os = o.data;
        double[] ts = target.data;
        int n = o.getNumElements();
        double sum = 0;
        // L = (1 / BD) Σ (o − t)²
        for (int i = 0; i < n; i++) {
            double d = os[i] - ts[i];
            sum += d * d;
        }
        return sum / n;
    }

    /**
     * Writes into {@code d} the gradient the output layer needs: ∂L/∂o for MSE, ∂L/∂z for binary cross-entropy
     * (see {@link #gradientIsPreActivation()}).
     */
    public void gradient(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj target, DMatrixRMaj d) {
        check(o, target);
        if (this == BINARY_CROSS_ENTROPY) {
            Loss.BINARY_CROSS_ENTROPY.gradientFromPreActivation(z, target, d);
            return;
        }
        d.reshape(o.numRows, o.numCols);
        double[] os = o.data;
        double[] ts = target.data;
        double[] ds = d.data;
        int n = o.getNumElements();
        double inv = 1.0 / n;
        // ∂L/∂o = 2(o − t) / BD
        for (int i = 0; i < n; i++) {
            ds[i] = 2.0 * (os[i] - ts[i]) * inv;
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
