package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * A decoder layer whose weight is the transpose of another layer's weight (tied weights): y = f(x·W + b) where W is
 * the encoder's out × in weight, so this layer maps out → in. Only the bias is its own; the weight gradient is
 * <em>added</em> into the shared {@link Param}, so the encoder's weight receives both its own gradient and this one.
 *
 * <p>Why tie: half the parameters, and a linear tied autoencoder is pushed toward an orthonormal projection, the
 * same subspace PCA finds. Buffers follow {@link Dense}'s rules: the forward result is overwritten by the next call.
 */
public final class TiedDense {

    private final String name;
    private final Param sharedWeight;
    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final Param bias;
    private final List<Param> ownParams;

    private DMatrixRMaj input;
    private final DMatrixRMaj preActivation = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dPreActivation = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dInput = new DMatrixRMaj(1, 1);

    /**
     * @param name         prefix of the bias name ({@code name + ".bias"})
     * @param sharedWeight the tied layer's weight, rows × cols; this layer has rows inputs and cols outputs
     * @param activation   the element-wise f
     */
    public TiedDense(String name, Param sharedWeight, Activation activation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank");
        }
        if (sharedWeight == null) {
            throw new IllegalArgumentException("sharedWeight must not be null");
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.name = name;
        this.sharedWeight = sharedWeight;
        this.inputs = sharedWeight.value().numRows;
        this.outputs = sharedWeight.value().numCols;
        this.activation = activation;
        this.bias = Param.zeros(name + ".bias", 1, outputs);
        this.ownParams = List.of(bias);
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    public Activation activation() {
        return activation;
    }

    public Param sharedWeight() {
        return sharedWeight;
    }

    public Param bias() {
        return bias;
    }

    /** The parameters this layer owns: only the bias (the weight belongs to the tied layer). */
    public List<Param> params() {
        return ownParams;
    }

    public DMatrixRMaj preActivation() {
        return preActivation;
    }

    public DMatrixRMaj output() {
        return output;
    }

    /** x (batch × inputs) → y = f(x·W + b) (batch × outputs, an internal buffer). */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("layer " + name + " expects " + inputs + " input columns, got "
                    + x.numCols);
        }
        int batch = x.numRows;
        input = x;
        preActivation.reshape(batch, outputs);
        output.reshape(batch, outputs);
        double[] xs = x.data;
        double[] w = sharedWeight.value().data;
        double[] b = bias.value().data;
        double[] z = preActivation.data;
        double[] y = output.data;
        // z[r, k] = b[k] + Σ_j x[r, j] · W[j, k]  (row j of W is contiguous, so loop j outside k)
        for (int r = 0; r < batch; r++) {
            int zo = r * outputs;
            System.arraycopy(b, 0, z, zo, outputs);
            for (int j = 0; j < inputs; j++) {
                double xv = xs[r * inputs + j];
                int wo = j * outputs;
                for (int k = 0; k < outputs; k++) {
                    z[zo + k] += xv * w[wo + k];
                }
            }
        }
        // y = f(z)
        Activation f = activation;
        for (int i = 0, n = batch * outputs; i < n; i++) {
            y[i] = f.apply(z[i]);
        }
        return output;
    }

    /** Given ∂L/∂y, adds ∂L/∂W into the shared weight and ∂L/∂b into the bias, and returns ∂L/∂x. */
    public DMatrixRMaj backward(DMatrixRMaj dOut, boolean needInputGradient) {
        checkShape(dOut, "dOut");
        int n = dOut.getNumElements();
        dPreActivation.reshape(dOut.numRows, outputs);
        double[] dy = dOut.data;
        double[] z = preActivation.data;
        double[] y = output.data;
        double[] dz = dPreActivation.data;
        // dz = dy ⊙ f'(z)
        Activation f = activation;
        for (int i = 0; i < n; i++) {
            dz[i] = dy[i] * f.derivativeFromOutput(z[i], y[i]);
        }
        return accumulate(dPreActivation, needInputGradient);
    }

    /** Backward from ∂L/∂z directly (sigmoid fused with binary cross-entropy). */
    public DMatrixRMaj backwardFromPreActivation(DMatrixRMaj dz, boolean needInputGradient) {
        checkShape(dz, "dz");
        return accumulate(dz, needInputGradient);
    }

    private void checkShape(DMatrixRMaj d, String what) {
        if (input == null) {
            throw new IllegalStateException("layer " + name + ": backward called before forward");
        }
        if (d.numRows != input.numRows || d.numCols != outputs) {
            throw new IllegalArgumentException("layer " + name + ": " + what + " must be " + input.numRows + "x"
                    + outputs + ", got " + d.numRows + "x" + d.numCols);
        }
    }

    private DMatrixRMaj accumulate(DMatrixRMaj dzMatrix, boolean needInputGradient) {
        int batch = dzMatrix.numRows;
        double[] dz = dzMatrix.data;
        double[] xs = input.data;
        double[] w = sharedWeight.value().data;
        double[] dw = sharedWeight.grad().data;
        double[] db = bias.grad().data;
        if (needInputGradient) {
            dInput.reshape(batch, inputs);
        }
        double[] dx = dInput.data;
        // dW[j, k] += Σ_r x[r, j] · dz[r, k];  db[k] += Σ_r dz[r, k];  dx[r, j] = Σ_k dz[r, k] · W[j, k]
        for (int r = 0; r < batch; r++) {
            int zo = r * outputs;
            for (int k = 0; k < outputs; k++) {
                db[k] += dz[zo + k];
            }
            for (int j = 0; j < inputs; j++) {
                double xv = xs[r * inputs + j];
                int wo = j * outputs;
                double s = 0;
                for (int k = 0; k < outputs; k++) {
                    double g = dz[zo + k];
                    dw[wo + k] += xv * g;
                    s += g * w[wo + k];
                }
                if (needInputGradient) {
                    dx[r * inputs + j] = s;
                }
            }
        }
        return needInputGradient ? dInput : null;
    }
}
