package io.tinynets.lab.autoencoder;

import io.tinynets.engine.model.Autoencoder;
import io.tinynets.engine.model.AutoencoderPca;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.io.OptimizerStateJson;
import org.ejml.data.DMatrixRMaj;

/**
 * A frozen copy of a trained autoencoder for the decoder explorer, with the map between the 2D latent plane the lab
 * draws and the code: for a 2-unit code the plane is the code itself; for 1 unit, x is the code (y ignored); for k &gt;
 * 2 the plane is spanned by the first two principal components of the codes of the shown samples, so a point
 * (a, b) stands for the code μ + a·v₁ + b·v₂. Thread-safe: a view may decode while training goes on.
 */
public final class LatentDecoder {

    private final Autoencoder model;
    private final AutoencoderPca codePca;
    private final DMatrixRMaj code;
    private final DMatrixRMaj sample;
    private final OptimizerStateJson.Saved optimizer;
    private final long epochs;

    /**
     * @param optimizer a copy of the optimizer's state when the model was frozen (saved with the weights), or null
     * @param epochs    epochs the run had trained when the model was frozen
     */
    LatentDecoder(Autoencoder frozen, AutoencoderPca codePca, OptimizerStateJson.Saved optimizer, long epochs) {
        this.optimizer = optimizer;
        this.epochs = epochs;
        this.model = frozen;
        this.codePca = codePca;
        this.code = new DMatrixRMaj(1, frozen.spec().bottleneck());
        this.sample = new DMatrixRMaj(1, frozen.spec().inputs());
    }

    /**
     * The frozen model's weights, with the optimizer's state and the epochs at the same moment, as
     * {@link AutoencoderWeights} JSON: what a saved experiment keeps.
     */
    public synchronized String weightsJson() {
        return weightsJson(ResumePoint.MAX_SAVED_CHARS);
    }

    /** As {@link #weightsJson()}; the weights alone (the older form) when the whole would exceed maxChars. */
    synchronized String weightsJson(int maxChars) {
        String full = AutoencoderWeights.write(model, optimizer, epochs);
        return ResumePoint.fits(full, maxChars) ? full : AutoencoderWeights.write(model);
    }

    /** The optimizer's state saved with the weights (a copy; null when not kept). */
    public OptimizerStateJson.Saved optimizer() {
        return optimizer;
    }

    /** The frozen model itself, for tests in this package (never modify it). */
    Autoencoder frozenModelForTests() {
        return model;
    }

    /** Epochs the run had trained when the model was frozen. */
    public long epochs() {
        return epochs;
    }

    public int bottleneck() {
        return model.spec().bottleneck();
    }

    /** What the decoder draws at plane point (x, y). */
    public synchronized double[] decodeAt(double x, double y) {
        setCode(x, y);
        return model.decode(code).data.clone();
    }

    /** The plane coordinates of a sample's code. */
    public synchronized double[] planeOf(double[] input) {
        System.arraycopy(input, 0, sample.data, 0, sample.numCols);
        double[] c = model.encode(sample).data.clone();
        return toPlane(c, codePca);
    }

    /**
     * {@code steps} (2..32) reconstructions along the straight line between the codes of {@code a} and {@code b}
     * (the full k-dimensional codes, not their 2D shadow), ends included.
     */
    public synchronized double[][] interpolate(double[] a, double[] b, int steps) {
        if (steps < 2 || steps > 32) {
            throw new IllegalArgumentException("steps must be in 2..32, was " + steps);
        }
        System.arraycopy(a, 0, sample.data, 0, sample.numCols);
        double[] ca = model.encode(sample).data.clone();
        System.arraycopy(b, 0, sample.data, 0, sample.numCols);
        double[] cb = model.encode(sample).data.clone();
        double[][] out = new double[steps][];
        for (int s = 0; s < steps; s++) {
            double t = s / (steps - 1.0);
            // z(t) = (1 − t)·z_a + t·z_b
            for (int i = 0; i < ca.length; i++) {
                code.data[i] = (1 - t) * ca[i] + t * cb[i];
            }
            out[s] = model.decode(code).data.clone();
        }
        return out;
    }

    private void setCode(double x, double y) {
        int k = code.numCols;
        if (k == 1) {
            code.data[0] = x;
        } else if (k == 2) {
            code.data[0] = x;
            code.data[1] = y;
        } else {
            double[] c = codePca.unproject(new double[]{x, y});
            System.arraycopy(c, 0, code.data, 0, k);
        }
    }

    /** Code → plane: itself for k ≤ 2 (y = 0 for k = 1), the first two PCA coordinates otherwise. */
    static double[] toPlane(double[] c, AutoencoderPca pca) {
        if (c.length == 1) {
            return new double[]{c[0], 0.0};
        }
        if (c.length == 2) {
            return new double[]{c[0], c[1]};
        }
        return pca.project(c, 2);
    }
}
