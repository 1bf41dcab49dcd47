package io.tinynets.engine.recurrent;

import io.tinynets.engine.FastMath;
import io.tinynets.engine.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Long short-term memory, exactly PyTorch's {@code nn.LSTM} (one layer), gates stacked i, f, g, o:
 * <pre>
 *   i_t = σ(W_ii x_t + b_ii + W_hi h_{t−1} + b_hi)
 *   f_t = σ(W_if x_t + b_if + W_hf h_{t−1} + b_hf)
 *   g_t = tanh(W_ig x_t + b_ig + W_hg h_{t−1} + b_hg)
 *   o_t = σ(W_io x_t + b_io + W_ho h_{t−1} + b_ho)
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)
 * </pre>
 * The cell state c is the "conveyor belt": ∂c_t/∂c_{t−1} = f_t, so with f near 1 a gradient crosses many steps
 * undiminished, which is what {@link RecurrentCell#cellGradNorms()} shows.
 */
public final class LstmCell extends AbstractRecurrentCell<LstmStep> {

    /** tanh(c_t) per step, kept so the backward needs no second tanh. */
    private final List<DMatrixRMaj> tanhC = new ArrayList<>();
    private final double[] pre;
    private final double[] dA;

    public LstmCell(int inputSize, int hiddenSize, SplittableRandom random) {
        super(CellKind.LSTM, inputSize, hiddenSize, random);
        pre = new double[gateRows];
        dA = new double[gateRows];
    }

    LstmCell(Param[] shared) {
        super(CellKind.LSTM, shared);
        pre = new double[gateRows];
        dA = new double[gateRows];
    }

    /**
     * Sets the forget gate's bias block to {@code value} in bias_ih and 0 in bias_hh, so f starts near σ(value).
     * PyTorch's default leaves f ≈ σ(0) = 0.5, and then both the signal on the cell state and its gradient halve at
     * every step; a bias of 1 (Jozefowicz et al. 2015, also Keras' {@code unit_forget_bias}) lets an untrained LSTM
     * keep ~0.73 per step, which is what makes long gaps learnable.
     */
    public void setForgetGateBias(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > 10) {
            throw new IllegalArgumentException("forget gate bias must be in -10..10, was " + value);
        }
        int h = hiddenSize;
        for (int j = h; j < 2 * h; j++) {
            biasIh.value().data[j] = value;
            biasHh.value().data[j] = 0.0;
        }
    }

    @Override
    protected LstmStep newStep() {
        tanhC.add(new DMatrixRMaj(1, 1));
        return LstmStep.empty();
    }

    @Override
    protected void prepareStep(int t, int batch) {
        steps.get(t).reshape(batch, hiddenSize);
        tanhC.get(t).reshape(batch, hiddenSize, false);
    }

    @Override
    protected LstmCell sibling() {
        return new LstmCell(paramArray());
    }

    @Override
    protected void forwardSteps() {
        int h = hiddenSize;
        for (int t = 0; t < length; t++) {
            LstmStep s = steps.get(t);
            double[] xs = x[t].data;
            double[] hp = prevH(t);
            double[] cp = t == 0 ? c0.data : steps.get(t - 1).c().data;
            double[] ig = s.i().data;
            double[] fg = s.f().data;
            double[] gg = s.g().data;
            double[] og = s.o().data;
            double[] cs = s.c().data;
            double[] hs = s.h().data;
            double[] tc = tanhC.get(t).data;
            for (int b = 0; b < batch; b++) {
                // a = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, blocks [i | f | g | o]
                affine(xs, b * inputSize, hp, b * h, pre, pre);
                int off = b * h;
                for (int j = 0; j < h; j++) {
                    // i, f, o = σ(a_i), σ(a_f), σ(a_o); g = tanh(a_g)
                    double i = sigmoid(pre[j]);
                    double f = sigmoid(pre[h + j]);
                    double g = FastMath.tanh(pre[2 * h + j]);
                    double o = sigmoid(pre[3 * h + j]);
                    // c = f ⊙ c_{t−1} + i ⊙ g;  h = o ⊙ tanh(c)
                    double c = f * cp[off + j] + i * g;
                    double tcv = FastMath.tanh(c);
                    ig[off + j] = i;
                    fg[off + j] = f;
                    gg[off + j] = g;
                    og[off + j] = o;
                    cs[off + j] = c;
                    tc[off + j] = tcv;
                    hs[off + j] = o * tcv;
                }
            }
        }
    }

    @Override
    protected double backwardRow(int t, int b, double[] dhCarry, double[] dcCarry, double[] dx) {
        LstmStep s = steps.get(t);
        int h = hiddenSize;
        int off = b * h;
        double[] ig = s.i().data;
        double[] fg = s.f().data;
        double[] gg = s.g().data;
        double[] og = s.o().data;
        double[] tc = tanhC.get(t).data;
        double[] cp = t == 0 ? c0.data : steps.get(t - 1).c().data;
        double csq = 0.0;
        for (int j = 0; j < h; j++) {
            double i = ig[off + j];
            double f = fg[off + j];
            double g = gg[off + j];
            double o = og[off + j];
            double tcv = tc[off + j];
            double dh = dhRow[j];
            // ∂o = ∂h ⊙ tanh(c);  ∂c = ∂c_{from t+1} + ∂h ⊙ o ⊙ (1 − tanh²(c))
            double dO = dh * tcv;
            double dc = dcCarry[off + j] + dh * o * (1.0 - tcv * tcv);
            csq += dc * dc;
            // ∂i = ∂c ⊙ g, ∂g = ∂c ⊙ i, ∂f = ∂c ⊙ c_{t−1}, ∂c_{t−1} = ∂c ⊙ f; then through σ' and tanh'
            dA[j] = dc * g * i * (1.0 - i);
            dA[h + j] = dc * cp[off + j] * f * (1.0 - f);
            dA[2 * h + j] = dc * i * (1.0 - g * g);
            dA[3 * h + j] = dO * o * (1.0 - o);
            dcCarry[off + j] = dc * f;
            dhCarry[off + j] = 0.0;
        }
        propagateRow(x[t].data, b * inputSize, prevH(t), off, dA, dA, dhCarry, dx);
        return csq;
    }
}
