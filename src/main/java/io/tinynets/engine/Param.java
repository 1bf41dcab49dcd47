package io.tinynets.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor and its gradient side by side (micrograd's {@code data}/{@code grad}, convnetjs' {@code w}/{@code
 * dw}). Backward passes <em>add</em> into {@link #grad}; an optimizer reads it and {@link #zeroGrad()} clears it.
 *
 * @param name  the parameter's name in the model, following the math and PyTorch's state_dict where one exists
 *              ({@code "weight_ih"}, {@code "0.weight"}, {@code "W1"})
 * @param value the current values
 * @param grad  ∂L/∂value, same shape as {@code value}
 */
public record Param(String name, DMatrixRMaj value, DMatrixRMaj grad) {

    public Param {
        if (value.numRows != grad.numRows || value.numCols != grad.numCols) {
            throw new IllegalArgumentException("gradient shape " + grad.numRows + "x" + grad.numCols
                    + " differs from value shape " + value.numRows + "x" + value.numCols + " for " + name);
        }
    }

    /** A zero-initialised parameter of the given shape. */
    public static Param zeros(String name, int rows, int cols) {
        return new Param(name, new DMatrixRMaj(rows, cols), new DMatrixRMaj(rows, cols));
    }

    public int size() {
        return value.getNumElements();
    }

    public void zeroGrad() {
        grad.zero();
    }

    /** True when every value is finite: a NaN or ±Inf weight means the run diverged. */
    public boolean isFinite() {
        double[] v = value.data;
        for (int i = 0, n = value.getNumElements(); i < n; i++) {
            if (!Double.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }
}
