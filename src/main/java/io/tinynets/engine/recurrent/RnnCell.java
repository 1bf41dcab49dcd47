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
    protected void forwardSteps(int from, int to) {
        int h = hiddenSize;
        for (int t = from; t < to; t++) {
            double[] hs = steps.get(t).h().data;
            // h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), every row
            preactivate(t);
            for (int b = 0; b < batch; b++) {
                double[] a = gi[b];
                int off = b * h;
                for (int j = 0; j < h; j++) {
                    hs[off + j] = FastMath.tanh(a[j]);
                }
            }
        }
    }

    @Override
    protected double backwardStep(int t, double[] dh, double[][] dhNext, double[] dcNext) {
        double[] hs = steps.get(t).h().data;
        int h = hiddenSize;
        for (int b = 0; b < batch; b++) {
            double[] da = dgi[b];
            double[] dhNextRow = dhNext[b];
            int off = b * h;
            for (int j = 0; j < h; j++) {
                // da = dh ⊙ (1 − h²), a = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh; nothing bypasses W_hh
                double hv = hs[off + j];
                da[j] = dh[off + j] * (1.0 - hv * hv);
                dhNextRow[j] = 0.0;
            }
        }
        return 0.0;
    }
}
