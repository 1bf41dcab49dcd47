package io.tinynets.engine.recurrent;

import io.tinynets.engine.FastMath;
import io.tinynets.engine.Param;
import java.util.SplittableRandom;

/**
 * The vanilla (Elman) RNN with tanh, exactly PyTorch's {@code nn.RNN(nonlinearity='tanh')}, one layer:
 * <pre>
 *   h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
 * </pre>
 * ∂h_t/∂h_{t−1} = diag(1 − h_t²) W_hh: a product of T such factors is what makes the gradient vanish (or explode).
 */
public final class RnnCell extends AbstractRecurrentCell<RnnStep> {

    public RnnCell(int inputSize, int hiddenSize, SplittableRandom random) {
        super(CellKind.RNN, inputSize, hiddenSize, random);
    }

    RnnCell(Param[] shared) {
        super(CellKind.RNN, shared);
    }

    @Override
    protected RnnStep newStep() {
        return RnnStep.empty();
    }

    @Override
    protected void prepareStep(int t, int batch) {
        steps.get(t).reshape(batch, hiddenSize);
    }

    @Override
    protected RnnCell sibling() {
        return new RnnCell(paramArray());
    }

    @Override
    protected void forwardSteps() {
        int n = batch * hiddenSize;
        for (int t = 0; t < length; t++) {
            double[] hs = steps.get(t).h().data;
            // h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), every row (G = H, so rows are contiguous)
            preactivate(t);
            for (int k = 0; k < n; k++) {
                hs[k] = FastMath.tanh(gi[k]);
            }
        }
    }

    @Override
    protected double backwardStep(int t, double[] dh, double[] dhCarry, double[] dcCarry) {
        double[] hs = steps.get(t).h().data;
        int n = batch * hiddenSize;
        for (int k = 0; k < n; k++) {
            // ∂a = ∂h ⊙ (1 − h²)
            double v = hs[k];
            dGi[k] = dh[k] * (1.0 - v * v);
            dhCarry[k] = 0.0;
        }
        return 0.0;
    }
}
