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

    public LstmCell(int inputSize, int hiddenSize, SplittableRandom random) {
        super(CellKind.LSTM, inputSize, hiddenSize, random);
    }

    LstmCell(Param[] shared) {
        super(CellKind.LSTM, shared);
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
    protected void forwardSteps(int from, int to) {
        int h = hiddenSize;
        for (int t = from; t < to; t++) {
            LstmStep s = steps.get(t);
            double[] cp = t == 0 ? c0.data : steps.get(t - 1).c().data;
            double[] ig = s.i().data;
            double[] fg = s.f().data;
            double[] gg = s.g().data;
            double[] og = s.o().data;
            double[] cs = s.c().data;
            double[] hs = s.h().data;
            double[] tc = tanhC.get(t).data;
            // a = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, blocks [i | f | g | o], every row
            preactivate(t);
            for (int b = 0; b < batch; b++) {
                int off = b * h;
                double[] a = gi[b];
                // i, f = σ(a_i), σ(a_f); g = tanh(a_g); o = σ(a_o), in place. Loops with nothing but the exp call in
                // them: HotSpot spills every live register around Math.exp, so the fewer live values the better.
                for (int j = 0; j < 2 * h; j++) {
                    a[j] = sigmoid(a[j]);
                }
                for (int j = 2 * h; j < 3 * h; j++) {
                    a[j] = FastMath.tanh(a[j]);
                }
                for (int j = 3 * h; j < 4 * h; j++) {
                    a[j] = sigmoid(a[j]);
                }
                for (int j = 0; j < h; j++) {
                    // c = f ⊙ c_{t−1} + i ⊙ g
                    double i = a[j];
                    double g = a[2 * h + j];
                    double c = a[h + j] * cp[off + j] + i * g;
                    ig[off + j] = i;
                    gg[off + j] = g;
                    cs[off + j] = c;
                }
                for (int j = 0; j < h; j++) {
                    tc[off + j] = FastMath.tanh(cs[off + j]);
                }
                System.arraycopy(a, h, fg, off, h);
                System.arraycopy(a, 3 * h, og, off, h);
                for (int j = 0; j < h; j++) {
                    // h = o ⊙ tanh(c)
                    hs[off + j] = a[3 * h + j] * tc[off + j];
                }
            }
        }
    }

    @Override
    protected double backwardStep(int t, double[] dh, double[][] dhNext, double[] dcNext) {
        LstmStep s = steps.get(t);
        int h = hiddenSize;
        double[] ig = s.i().data;
        double[] fg = s.f().data;
        double[] gg = s.g().data;
        double[] og = s.o().data;
        double[] tc = tanhC.get(t).data;
        double[] cp = t == 0 ? c0.data : steps.get(t - 1).c().data;
        double dcSq = 0.0;
        for (int b = 0; b < batch; b++) {
            int off = b * h;
            double[] da = dgi[b];
            double[] dhNextRow = dhNext[b];
            double dcSqRow = 0.0;
            for (int j = 0; j < h; j++) {
                int k = off + j;
                double i = ig[k];
                double f = fg[k];
                double g = gg[k];
                double o = og[k];
                double tcv = tc[k];
                double dhk = dh[k];
                // h = o ⊙ tanh(c):  do = dh ⊙ tanh(c);  dc = dcNext + dh ⊙ o ⊙ (1 − tanh²(c))
                double do_ = dhk * tcv;
                double dc = dcNext[k] + dhk * o * (1.0 - tcv * tcv);
                dcSqRow += dc * dc;
                // c = f ⊙ c_{t−1} + i ⊙ g:  di = dc ⊙ g;  df = dc ⊙ c_{t−1};  dg = dc ⊙ i;  dcNext ← dc ⊙ f
                double di = dc * g;
                double df = dc * cp[k];
                double dg = dc * i;
                dcNext[k] = dc * f;
                // through σ' and tanh' to a = [a_i | a_f | a_g | a_o]:
                // da_i = di ⊙ i(1 − i), da_f = df ⊙ f(1 − f), da_g = dg ⊙ (1 − g²), da_o = do ⊙ o(1 − o)
                da[j] = di * i * (1.0 - i);
                da[h + j] = df * f * (1.0 - f);
                da[2 * h + j] = dg * (1.0 - g * g);
                da[3 * h + j] = do_ * o * (1.0 - o);
                // nothing bypasses W_hh
                dhNextRow[j] = 0.0;
            }
            // summed per row, then over rows
            dcSq += dcSqRow;
        }
        return dcSq;
    }
}
