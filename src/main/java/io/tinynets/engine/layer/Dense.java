package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.FastMath;
import io.tinynets.engine.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * A fully connected layer y = f(x·Wᵀ + b) on a batch (rows × features), laid out like PyTorch's {@code nn.Linear}:
 * {@code weight} is out × in and {@code bias} is 1 × out, so weights can be exchanged with PyTorch and compared.
 *
 * <p>Why the loops are written by hand over {@code DMatrixRMaj.data} rather than with {@code CommonOps_DDRM}: a lab
 * network is a few thousand parameters at most and batches are ~10 rows, so per-call overhead (shape checks,
 * dispatch, separate passes for bias and activation) would dominate. Each fused loop carries the formula above it.
 *
 * <p>Buffers: {@link #forward} returns an internal buffer that is overwritten by the next forward, and keeps a
 * reference to its input for {@link #backward}; the caller must not change that input in between. Buffers grow to
 * the largest batch seen and are then reused, so training allocates nothing per step.
 */
public final class Dense {

    private final String name;
    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final Param weight;
    private final Param bias;
    private final List<Param> params;

    private DMatrixRMaj input;
    private final DMatrixRMaj preActivation = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dPreActivation = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dInput = new DMatrixRMaj(1, 1);

    /**
     * @param name       prefix of the parameter names ({@code name + ".weight"}, {@code name + ".bias"})
     * @param inputs     fan-in, 1..4096
     * @param outputs    fan-out, 1..4096
     * @param activation the element-wise f
     */
    public Dense(String name, int inputs, int outputs, Activation activation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank");
        }
        if (inputs < 1 || inputs > 4096) {
            throw new IllegalArgumentException("inputs must be in 1..4096, was " + inputs);
        }
        if (outputs < 1 || outputs > 4096) {
            throw new IllegalArgumentException("outputs must be in 1..4096, was " + outputs);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.name = name;
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.weight = Param.zeros(name + ".weight", outputs, inputs);
        this.bias = Param.zeros(name + ".bias", 1, outputs);
        this.params = List.of(weight, bias);
    }

    public String name() {
        return name;
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

    /** out × in, like {@code nn.Linear.weight}. */
    public Param weight() {
        return weight;
    }

    /** 1 × out. */
    public Param bias() {
        return bias;
    }

    /** weight, bias (in that order). */
    public List<Param> params() {
        return params;
    }

    /** z = x·Wᵀ + b of the last forward pass (batch × out); a live buffer, do not modify. */
    public DMatrixRMaj preActivation() {
        return preActivation;
    }

    /** y = f(z) of the last forward pass (batch × out); a live buffer, do not modify. */
    public DMatrixRMaj output() {
        return output;
    }

    /** x → y = f(x·Wᵀ + b). x is batch × in; the result (batch × out) is an internal buffer. */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        beginForward(x);
        forwardRows(0, x.numRows);
        return output;
    }

    /**
     * {@link #forward} in pieces, for a caller that shares its thread between them: keeps {@code x} and sizes the
     * buffers; {@link #forwardRows} then computes the rows, each on its own, so the result is forward's.
     */
    public void beginForward(DMatrixRMaj x) {
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("layer " + name + " expects " + inputs + " input columns, got "
                    + x.numCols);
        }
        int batch = x.numRows;
        input = x;
        preActivation.reshape(batch, outputs);
        output.reshape(batch, outputs);
    }

    /** Rows {@code from}..{@code to}−1 of the forward begun with {@link #beginForward}; see {@link #output()}. */
    public void forwardRows(int from, int to) {
        checkRows(from, to, input == null ? 0 : input.numRows);
        double[] xs = input.data;
        double[] w = weight.value().data;
        double[] b = bias.value().data;
        double[] z = preActivation.data;
        // z[r, j] = b[j] + Σ_k x[r, k] · W[j, k]
        for (int r = from; r < to; r++) {
            int xo = r * inputs;
            int zo = r * outputs;
            for (int j = 0; j < outputs; j++) {
                double s = b[j];
                int wo = j * inputs;
                for (int k = 0; k < inputs; k++) {
                    s += xs[xo + k] * w[wo + k];
                }
                z[zo + j] = s;
            }
        }
        // y = f(z), the common activations inlined so the loop has no virtual call
        applyActivation(z, output.data, from * outputs, to * outputs);
    }

    private void checkRows(int from, int to, int rows) {
        if (input == null) {
            throw new IllegalStateException("layer " + name + ": rows of a forward that was not begun");
        }
        if (from < 0 || from > to || to > rows) {
            throw new IllegalArgumentException("layer " + name + ": rows " + from + ".." + to + " outside 0.." + rows);
        }
    }

    private void applyActivation(double[] z, double[] y, int start, int end) {
        switch (activation) {
            case TANH -> {
                for (int i = start; i < end; i++) {
                    y[i] = FastMath.tanh(z[i]);
                }
            }
            case LINEAR -> System.arraycopy(z, start, y, start, end - start);
            case RELU -> {
                for (int i = start; i < end; i++) {
                    double v = z[i];
                    y[i] = v > 0 ? v : 0.0;
                }
            }
            default -> {
                Activation f = activation;
                for (int i = start; i < end; i++) {
                    y[i] = f.apply(z[i]);
                }
            }
        }
    }

    /** Same as {@link #backward(DMatrixRMaj, boolean)} with the input gradient computed. */
    public DMatrixRMaj backward(DMatrixRMaj dOut) {
        return backward(dOut, true);
    }

    /**
     * Given dOut = ∂L/∂y (batch × out) for the last forward pass, adds ∂L/∂W and ∂L/∂b into the parameter gradients
     * and returns ∂L/∂x (batch × in, an internal buffer), or null when {@code needInputGradient} is false (the first
     * layer of a network never needs it).
     */
    public DMatrixRMaj backward(DMatrixRMaj dOut, boolean needInputGradient) {
        return backwardRows(dOut, 0, dOut.numRows, needInputGradient);
    }

    /**
     * {@link #backward(DMatrixRMaj, boolean)} in pieces: rows {@code from}..{@code to}−1 of dOut, called for
     * consecutive row ranges from row 0 to the last (the first call sizes the buffers). The gradients are added row
     * after row, so the sums are backward's, bit for bit. Returns ∂L/∂x (complete after the last rows) or null.
     */
    public DMatrixRMaj backwardRows(DMatrixRMaj dOut, int from, int to, boolean needInputGradient) {
        checkBackwardShape(dOut, "dOut");
        checkRows(from, to, dOut.numRows);
        int batch = dOut.numRows;
        if (from == 0) {
            dPreActivation.reshape(batch, outputs);
            if (needInputGradient) {
                dInput.reshape(batch, inputs);
            }
        }
        double[] dy = dOut.data;
        double[] z = preActivation.data;
        double[] y = output.data;
        double[] dz = dPreActivation.data;
        int start = from * outputs;
        int end = to * outputs;
        // dz = dy ⊙ f'(z), with f' taken from the cached output where that saves an exp/tanh
        switch (activation) {
            case TANH -> {
                for (int i = start; i < end; i++) {
                    double t = y[i];
                    dz[i] = dy[i] * (1.0 - t * t);
                }
            }
            case LINEAR -> System.arraycopy(dy, start, dz, start, end - start);
            case RELU -> {
                for (int i = start; i < end; i++) {
                    dz[i] = z[i] > 0 ? dy[i] : 0.0;
                }
            }
            case SIGMOID -> {
                for (int i = start; i < end; i++) {
                    double s = y[i];
                    dz[i] = dy[i] * s * (1.0 - s);
                }
            }
            default -> {
                Activation f = activation;
                for (int i = start; i < end; i++) {
                    dz[i] = dy[i] * f.derivativeFromOutput(z[i], y[i]);
                }
            }
        }
        return accumulate(dPreActivation, from, to, needInputGradient);
    }

    /**
     * Backward from dz = ∂L/∂z directly, for losses fused with the output activation (sigmoid + binary
     * cross-entropy gives dz = σ(z) − t without ever dividing by σ(z)(1 − σ(z))).
     */
    public DMatrixRMaj backwardFromPreActivation(DMatrixRMaj dz, boolean needInputGradient) {
        checkBackwardShape(dz, "dz");
        if (needInputGradient) {
            dInput.reshape(dz.numRows, inputs);
        }
        return accumulate(dz, 0, dz.numRows, needInputGradient);
    }

    private void checkBackwardShape(DMatrixRMaj d, String what) {
        if (input == null) {
            throw new IllegalStateException("layer " + name + ": backward called before forward");
        }
        if (d.numRows != input.numRows || d.numCols != outputs) {
            throw new IllegalArgumentException("layer " + name + ": " + what + " must be " + input.numRows + "x"
                    + outputs + ", got " + d.numRows + "x" + d.numCols);
        }
    }

    /** Adds rows from..to−1 of dz into the grads (and writes those rows of ∂L/∂x into the sized dInput). */
    private DMatrixRMaj accumulate(DMatrixRMaj dzMatrix, int from, int to, boolean needInputGradient) {
        double[] dz = dzMatrix.data;
        double[] xs = input.data;
        double[] w = weight.value().data;
        double[] dw = weight.grad().data;
        double[] db = bias.grad().data;
        if (!needInputGradient) {
            // dW[j, k] += Σ_r dz[r, j] · x[r, k];  db[j] += Σ_r dz[r, j]
            for (int r = from; r < to; r++) {
                int xo = r * inputs;
                int zo = r * outputs;
                for (int j = 0; j < outputs; j++) {
                    double g = dz[zo + j];
                    db[j] += g;
                    int wo = j * inputs;
                    for (int k = 0; k < inputs; k++) {
                        dw[wo + k] += g * xs[xo + k];
                    }
                }
            }
            return null;
        }
        double[] dx = dInput.data;
        // one pass over dz for all three:
        // dW[j, k] += Σ_r dz[r, j] · x[r, k];  db[j] += Σ_r dz[r, j];  dx[r, k] = Σ_j dz[r, j] · W[j, k]
        for (int r = from; r < to; r++) {
            int xo = r * inputs;
            int zo = r * outputs;
            for (int k = 0; k < inputs; k++) {
                dx[xo + k] = 0.0;
            }
            for (int j = 0; j < outputs; j++) {
                double g = dz[zo + j];
                db[j] += g;
                int wo = j * inputs;
                for (int k = 0; k < inputs; k++) {
                    dw[wo + k] += g * xs[xo + k];
                    dx[xo + k] += g * w[wo + k];
                }
            }
        }
        return dInput;
    }
}
