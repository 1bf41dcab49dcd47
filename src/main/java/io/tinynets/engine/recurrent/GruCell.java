package io.tinynets.engine.recurrent;

import io.tinynets.engine.FastMath;
import io.tinynets.engine.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Gated recurrent unit, exactly PyTorch's {@code nn.GRU} (one layer), gates stacked r, z, n:
 * <pre>
 *   r_t = σ(W_ir x_t + b_ir + W_hr h_{t−1} + b_hr)
 *   z_t = σ(W_iz x_t + b_iz + W_hz h_{t−1} + b_hz)
 *   n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
 * </pre>
 * Note PyTorch's placement of r: it scales W_hn h + b_hn (bias included), not h before the product as in the
 * original paper. With z near 1 the state is copied forward, ∂h_t/∂h_{t−1} ≈ z, which carries gradients far.
 */
public final class GruCell extends AbstractRecurrentCell<GruStep> {

    /** gh_n = W_hn h_{t−1} + b_hn per step, which the backward needs for dr. */
    private final List<DMatrixRMaj> hn = new ArrayList<>();

    public GruCell(int inputSize, int hiddenSize, SplittableRandom random) {
        super(CellKind.GRU, inputSize, hiddenSize, random);
    }

    GruCell(Param[] shared) {
        super(CellKind.GRU, shared);
    }

    /**
     * Sets the update gate's bias block to {@code value} in bias_ih and 0 in bias_hh, so z starts near σ(value).
     * A positive value makes an untrained GRU copy its state forward (h_t ≈ h_{t−1}), the GRU counterpart of an
     * LSTM's forget-gate bias: information and gradient then survive long gaps from the first update on.
     */
    public void setUpdateGateBias(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > 10) {
            throw new IllegalArgumentException("update gate bias must be in -10..10, was " + value);
        }
        int h = hiddenSize;
        for (int j = h; j < 2 * h; j++) {
            biasIh.value().data[j] = value;
            biasHh.value().data[j] = 0.0;
        }
    }

    @Override
    protected GruStep newStep() {
        hn.add(new DMatrixRMaj(1, 1));
        return GruStep.empty();
    }

    @Override
    protected void prepareStep(int t, int batch) {
        steps.get(t).reshape(batch, hiddenSize);
        hn.get(t).reshape(batch, hiddenSize, false);
    }

    @Override
    protected GruCell sibling() {
        return new GruCell(paramArray());
    }

    @Override
    protected void forwardSteps(int from, int to) {
        int h = hiddenSize;
        for (int t = from; t < to; t++) {
            GruStep s = steps.get(t);
            double[] hp = prevH(t);
            double[] rs = s.r().data;
            double[] zs = s.z().data;
            double[] ns = s.n().data;
            double[] hs = s.h().data;
            double[] hns = hn.get(t).data;
            // gi = W_ih x_t + b_ih, gh = W_hh h_{t−1} + b_hh, blocks [r | z | n], every row
            preactivate(t);
            for (int b = 0; b < batch; b++) {
                int off = b * h;
                double[] giRow = gi[b];
                double[] ghRow = gh[b];
                // r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), into gi in place. Loops with little besides the exp call:
                // HotSpot spills every live register around Math.exp, so the fewer live values the better.
                for (int j = 0; j < 2 * h; j++) {
                    giRow[j] = sigmoid(giRow[j] + ghRow[j]);
                }
                for (int j = 0; j < h; j++) {
                    // n = tanh(gi_n + r ⊙ gh_n)
                    ns[off + j] = FastMath.tanh(giRow[2 * h + j] + giRow[j] * ghRow[2 * h + j]);
                }
                System.arraycopy(giRow, 0, rs, off, h);
                System.arraycopy(giRow, h, zs, off, h);
                System.arraycopy(ghRow, 2 * h, hns, off, h);
                for (int j = 0; j < h; j++) {
                    // h = (1 − z) ⊙ n + z ⊙ h_{t−1}
                    double z = giRow[h + j];
                    hs[off + j] = (1.0 - z) * ns[off + j] + z * hp[off + j];
                }
            }
        }
    }

    @Override
    protected double backwardStep(int t, double[] dh, double[][] dhNext, double[] dcNext) {
        GruStep s = steps.get(t);
        int h = hiddenSize;
        double[] rs = s.r().data;
        double[] zs = s.z().data;
        double[] ns = s.n().data;
        double[] hns = hn.get(t).data;
        double[] hp = prevH(t);
        for (int b = 0; b < batch; b++) {
            int off = b * h;
            double[] dgiRow = dgi[b];
            double[] dghRow = dgh[b];
            double[] dhNextRow = dhNext[b];
            for (int j = 0; j < h; j++) {
                int k = off + j;
                double r = rs[k];
                double z = zs[k];
                double n = ns[k];
                double dhk = dh[k];
                // h = (1 − z) ⊙ n + z ⊙ h_{t−1}:  dn = dh ⊙ (1 − z);  dz = dh ⊙ (h_{t−1} − n);  dhNext ← dh ⊙ z
                double dn = dhk * (1.0 - z);
                double dz = dhk * (hp[k] - n);
                // n = tanh(a_n), a_n = gi_n + r ⊙ gh_n:  da_n = dn ⊙ (1 − n²);  dr = da_n ⊙ gh_n
                double daN = dn * (1.0 - n * n);
                double dr = daN * hns[k];
                // r = σ(a_r), z = σ(a_z):  da_r = dr ⊙ r(1 − r);  da_z = dz ⊙ z(1 − z)
                double daR = dr * r * (1.0 - r);
                double daZ = dz * z * (1.0 - z);
                // a_r = gi_r + gh_r, a_z = gi_z + gh_z:  dgi = [da_r | da_z | da_n],  dgh = [da_r | da_z | da_n ⊙ r]
                dgiRow[j] = daR;
                dgiRow[h + j] = daZ;
                dgiRow[2 * h + j] = daN;
                dghRow[j] = daR;
                dghRow[h + j] = daZ;
                dghRow[2 * h + j] = daN * r;
                dhNextRow[j] = dhk * z;
            }
        }
        return 0.0;
    }
}
