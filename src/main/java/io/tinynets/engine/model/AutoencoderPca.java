package io.tinynets.engine.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The linear baseline an autoencoder is measured against: PCA by SVD of the centred data (EJML). Keeping the k
 * directions of largest variance is the best any linear k-dimensional code can do, so a linear autoencoder can at
 * best match {@link #reconstructionError(int)} and a non-linear one may beat it.
 *
 * <p>Errors are mean squared errors per element, (1 / ND) Σ ‖x − x̂‖², the same scale as
 * {@link AutoencoderLoss#MSE}.
 */
public final class AutoencoderPca {

    private final int samples;
    private final int features;
    private final double[] mean;
    /** Principal axes as rows, largest variance first: components × features. */
    private final DMatrixRMaj axes;
    /** σ_i², descending. */
    private final double[] squaredSingularValues;

    private AutoencoderPca(int samples, int features, double[] mean, DMatrixRMaj axes, double[] squared) {
        this.samples = samples;
        this.features = features;
        this.mean = mean;
        this.axes = axes;
        this.squaredSingularValues = squared;
    }

    /** PCA of the rows of {@code data} (n × features, n ≥ 2); {@code data} is not modified. */
    public static AutoencoderPca fit(DMatrixRMaj data) {
        if (data == null || data.numRows < 2 || data.numCols < 1) {
            throw new IllegalArgumentException("PCA needs at least 2 rows and 1 column of data");
        }
        int n = data.numRows;
        int d = data.numCols;
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                mean[c] += data.data[r * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        // X_c = X − 1·μᵀ
        DMatrixRMaj centred = new DMatrixRMaj(n, d);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                centred.data[r * d + c] = data.data[r * d + c] - mean[c];
            }
        }
        // X_c = U Σ Vᵀ; the rows of Vᵀ are the principal axes, σ_i² / n the variance along each
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
        if (!svd.decompose(centred)) {
            throw new IllegalStateException("SVD did not converge");
        }
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(null, false, w, vt, true);
        int m = Math.min(w.numRows, w.numCols);
        double[] squared = new double[m];
        for (int i = 0; i < m; i++) {
            double s = w.get(i, i);
            squared[i] = s * s;
        }
        DMatrixRMaj axes = new DMatrixRMaj(m, d);
        System.arraycopy(vt.data, 0, axes.data, 0, m * d);
        return new AutoencoderPca(n, d, mean, axes, squared);
    }

    public int features() {
        return features;
    }

    /** Number of principal axes available (min(n, features)). */
    public int components() {
        return squaredSingularValues.length;
    }

    /**
     * The training-set error of the best linear k-dimensional reconstruction: (1 / ND) Σ_{i ≥ k} σ_i² (Eckart–Young).
     * k in 0..features; k ≥ components gives 0.
     */
    public double reconstructionError(int k) {
        if (k < 0 || k > features) {
            throw new IllegalArgumentException("k must be in 0.." + features + ", was " + k);
        }
        double rest = 0;
        for (int i = k; i < squaredSingularValues.length; i++) {
            rest += squaredSingularValues[i];
        }
        return rest / ((double) samples * features);
    }

    /** Coordinates of one sample on the first k axes: c_i = (x − μ)·v_i. */
    public double[] project(double[] x, int k) {
        if (x.length != features) {
            throw new IllegalArgumentException("sample must have " + features + " values, got " + x.length);
        }
        if (k < 1 || k > components()) {
            throw new IllegalArgumentException("k must be in 1.." + components() + ", was " + k);
        }
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j < features; j++) {
                s += (x[j] - mean[j]) * axes.data[i * features + j];
            }
            c[i] = s;
        }
        return c;
    }

    /** The point μ + Σ_i c_i v_i for coordinates on the first c.length axes. */
    public double[] unproject(double[] coordinates) {
        if (coordinates.length < 1 || coordinates.length > components()) {
            throw new IllegalArgumentException("coordinates must have 1.." + components() + " values, got "
                    + coordinates.length);
        }
        double[] x = mean.clone();
        for (int i = 0; i < coordinates.length; i++) {
            for (int j = 0; j < features; j++) {
                x[j] += coordinates[i] * axes.data[i * features + j];
            }
        }
        return x;
    }
}
