package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * A decoder layer whose weight is the transpose of another layer's weight (tied weights): y = f(x·W + b) where W is
 * the encoder's out × in weight, so this layer maps out → in. It is a {@link Dense} over Wᵀ, number for number (see
 * {@link AffineLayer}), with only the bias its own: the weight gradient is <em>added</em> into the shared
 * {@link Param}, so the encoder's weight receives both its own gradient and this one.
 *
 * <p>Why tie: half the parameters, and a linear tied autoencoder is pushed toward an orthonormal projection, the
 * same subspace PCA finds.
 */
public final class TiedDense extends AffineLayer {

    private final Param sharedWeight;
    private final List<Param> ownParams;

    /**
     * @param name         prefix of the bias name ({@code name + ".bias"})
     * @param sharedWeight the tied layer's weight, rows × cols; this layer has rows inputs and cols outputs
     * @param activation   the element-wise f
     */
    public TiedDense(String name, Param sharedWeight, Activation activation) {
        super(name, shape(sharedWeight).numRows, sharedWeight.value().numCols, activation);
        this.sharedWeight = sharedWeight;
        this.ownParams = List.of(bias());
    }

    private static DMatrixRMaj shape(Param sharedWeight) {
        if (sharedWeight == null) {
            throw new IllegalArgumentException("sharedWeight must not be null");
        }
        return sharedWeight.value();
    }

    /** The tied layer's weight (inputs × outputs of this layer), which this layer reads transposed. */
    public Param sharedWeight() {
        return sharedWeight;
    }

    /** The parameters this layer owns: only the bias (the weight belongs to the tied layer). */
    @Override
    public List<Param> params() {
        return ownParams;
    }

    @Override
    void affine(double[] x, double[] b, double[] z, int from, int to) {
        int in = inputs();
        int out = outputs();
        double[] w = sharedWeight.value().data;
        // z[r, k] = b[k] + Σ_j x[r, j] · W[j, k], W the shared in × out weight (its row j is contiguous, so loop j
        // outside k)
        for (int r = from; r < to; r++) {
            int zo = r * out;
            System.arraycopy(b, 0, z, zo, out);
            for (int j = 0; j < in; j++) {
                double xv = x[r * in + j];
                int wo = j * out;
                for (int k = 0; k < out; k++) {
                    z[zo + k] += xv * w[wo + k];
                }
            }
        }
    }

    @Override
    void addGradients(double[] dz, double[] x, double[] db, double[] dx, int from, int to) {
        int in = inputs();
        int out = outputs();
        double[] w = sharedWeight.value().data;
        double[] dw = sharedWeight.grad().data;
        // dW[j, k] += Σ_r x[r, j] · dz[r, k];  db[k] += Σ_r dz[r, k];  dx[r, j] = Σ_k dz[r, k] · W[j, k]
        for (int r = from; r < to; r++) {
            int zo = r * out;
            for (int k = 0; k < out; k++) {
                db[k] += dz[zo + k];
            }
            for (int j = 0; j < in; j++) {
                double xv = x[r * in + j];
                int wo = j * out;
                double s = 0;
                for (int k = 0; k < out; k++) {
                    double g = dz[zo + k];
                    dw[wo + k] += xv * g;
                    s += g * w[wo + k];
                }
                if (dx != null) {
                    dx[r * in + j] = s;
                }
            }
        }
    }
}
