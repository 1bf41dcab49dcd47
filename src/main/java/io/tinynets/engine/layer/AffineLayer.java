package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.FastMath;
import io.tinynets.engine.Param;
import org.ejml.data.DMatrixRMaj;

/**
 * A layer y = f(z), z = x·Wᵀ + b, with W out × in as the layer applies it: everything {@link Dense} and
 * {@link TiedDense} share. Only where W lives differs: a Dense owns it in PyTorch's {@code nn.Linear} layout
 * (out × in), a TiedDense reads another layer's weight (in × out) as its transpose. So a subclass supplies just the two
 * products over its layout ({@link #affine}, {@link #addGradients}); the checks, the buffers, the activation and its
 * derivative, and the fused backward from dz are here once.
 *
 * <p>Each subclass orders its loops so that W is read along its stored rows, and adds the terms of every sum in the
 * same order (bias first, then input 0, 1, …; batch rows in order): a TiedDense over W gives bit for bit what a Dense
 * over Wᵀ gives, in the forward and the backward.
 *
 * <p>A caller that shares its thread between slices of work can also run the forward and the backward a row range at
 * a time ({@link #beginForward}/{@link #forwardRows}, {@link #backwardRows}): each row is computed on its own and
 * the gradient sums take the rows in order, so the pieces give the whole batch's numbers bit for bit.
 *
 * <p>Why the loops are written by hand over {@code DMatrixRMaj.data} rather than with {@code CommonOps_DDRM}: a lab
 * network is a few thousand parameters at most and batches are ~10 rows, so per-call overhead (shape checks, dispatch,
 * separate passes for bias and activation) would dominate. Buffers grow to the largest batch seen and are then reused,
 * so training allocates nothing per step.
 */
public abstract sealed class AffineLayer implements Layer permits Dense, TiedDense {

    /** Largest fan-in or fan-out of a layer. */
    public static final int MAX_UNITS = 4096;

    private final String name;
    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final Param bias;

    private DMatrixRMaj input;
    private final DMatrixRMaj preActivation = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dPreActivation = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dInput = new DMatrixRMaj(1, 1);

    AffineLayer(String name, int inputs, int outputs, Activation activation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank");
        }
        if (inputs < 1 || inputs > MAX_UNITS) {
            throw new IllegalArgumentException("inputs must be in 1.." + MAX_UNITS + ", was " + inputs);
        }
        if (outputs < 1 || outputs > MAX_UNITS) {
            throw new IllegalArgumentException("outputs must be in 1.." + MAX_UNITS + ", was " + outputs);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.name = name;
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.bias = Param.zeros(name + ".bias", 1, outputs);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int inputs() {
        return inputs;
    }

    @Override
    public final int outputs() {
        return outputs;
    }

    /** The element-wise f. */
    public final Activation activation() {
        return activation;
    }

    /** 1 × out, always the layer's own. */
    public final Param bias() {
        return bias;
    }

    /** z = x·Wᵀ + b of the last forward pass (batch × out); a live buffer, do not modify. */
    public final DMatrixRMaj preActivation() {
        return preActivation;
    }

    /** y = f(z) of the last forward pass (batch × out); a live buffer, do not modify. */
    public final DMatrixRMaj output() {
        return output;
    }

    /** x → y = f(x·Wᵀ + b). x is batch × in; the result (batch × out) is an internal buffer. */
    @Override
    public final DMatrixRMaj forward(DMatrixRMaj x) {
        beginForward(x);
        forwardRows(0, x.numRows);
        return output;
    }

    /**
     * {@link #forward} in pieces, for a caller that shares its thread between them: keeps {@code x} and sizes the
     * buffers; {@link #forwardRows} then computes the rows, each on its own, so the result is forward's.
     */
    public final void beginForward(DMatrixRMaj x) {
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
    public final void forwardRows(int from, int to) {
        checkRows(from, to, input == null ? 0 : input.numRows);
        // z = x·Wᵀ + b
        affine(input.data, bias.value().data, preActivation.data, from, to);
        // y = f(z)
        activate(preActivation.data, output.data, from * outputs, to * outputs);
    }

    private void checkRows(int from, int to, int rows) {
        if (input == null) {
            throw new IllegalStateException("layer " + name + ": rows of a forward that was not begun");
        }
        if (from < 0 || from > to || to > rows) {
            throw new IllegalArgumentException("layer " + name + ": rows " + from + ".." + to + " outside 0.." + rows);
        }
    }

    /** y = f(z), the common activations inlined so the loop has no virtual call. */
    private void activate(double[] z, double[] y, int start, int end) {
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

    /**
     * Given dy = ∂L/∂y (batch × out) for the last forward pass, adds ∂L/∂W and ∂L/∂b into the parameter gradients
     * and returns ∂L/∂x (batch × in, an internal buffer), or null when {@code needInputGradient} is false (the first
     * layer of a network never needs it).
     */
    @Override
    public final DMatrixRMaj backward(DMatrixRMaj dy, boolean needInputGradient) {
        return backwardRows(dy, 0, dy.numRows, needInputGradient);
    }

    /**
     * {@link #backward(DMatrixRMaj, boolean)} in pieces: rows {@code from}..{@code to}−1 of dy, called for
     * consecutive row ranges from row 0 to the last (the first call sizes the buffers). The gradients are added row
     * after row, so the sums are backward's, bit for bit. Returns ∂L/∂x (complete after the last rows) or null.
     */
    public final DMatrixRMaj backwardRows(DMatrixRMaj dy, int from, int to, boolean needInputGradient) {
        checkBackwardShape(dy, "dOut");
        checkRows(from, to, dy.numRows);
        if (from == 0) {
            dPreActivation.reshape(dy.numRows, outputs);
            if (needInputGradient) {
                dInput.reshape(dy.numRows, inputs);
            }
        }
        // dz = dy ⊙ f'(z)
        activationDerivative(dy.data, dPreActivation.data, from * outputs, to * outputs);
        return accumulate(dPreActivation, from, to, needInputGradient);
    }

    /** dz = dy ⊙ f'(z), with f' taken from the cached output where that saves an exp/tanh. */
    private void activationDerivative(double[] dy, double[] dz, int start, int end) {
        double[] z = preActivation.data;
        double[] y = output.data;
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
    }

    /**
     * Backward from dz = ∂L/∂z directly, for losses fused with the output activation (sigmoid + binary
     * cross-entropy gives dz = σ(z) − t without ever dividing by σ(z)(1 − σ(z))).
     */
    public final DMatrixRMaj backwardFromPreActivation(DMatrixRMaj dz, boolean needInputGradient) {
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
    private DMatrixRMaj accumulate(DMatrixRMaj dz, int from, int to, boolean needInputGradient) {
        double[] dx = needInputGradient ? dInput.data : null;
        addGradients(dz.data, input.data, bias.grad().data, dx, from, to);
        return needInputGradient ? dInput : null;
    }

    /**
     * z[r, j] = b[j] + Σ_k x[r, k] · W[j, k], each sum in that order, for the rows {@code from}..{@code to}−1 of x
     * (batch × in).
     */
    abstract void affine(double[] x, double[] b, double[] z, int from, int to);

    /**
     * For the rows {@code from}..{@code to}−1 of dz: dW[j, k] += Σ_r dz[r, j] · x[r, k] and db[j] += Σ_r dz[r, j]
     * (rows in order); when dx is not null, dx[r, k] = Σ_j dz[r, j] · W[j, k] (j in order).
     */
    abstract void addGradients(double[] dz, double[] x, double[] db, double[] dx, int from, int to);
}
