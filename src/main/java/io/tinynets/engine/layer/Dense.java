package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;

import java.util.List;

/**
 * A fully connected layer y = f(x·Wᵀ + b) on a batch (rows × features), laid out like PyTorch's {@code nn.Linear}:
 * {@code weight} is out × in and {@code bias} is 1 × out, so weights can be exchanged with PyTorch and compared.
 * The shared behaviour (checks, buffers, activation, backward) is {@link AffineLayer}'s; this class holds the weight
 * and the two products over it, each fused into one pass with the formula above it.
 */
public final class Dense extends AffineLayer {

    private final Param weight;
    private final List<Param> params;

    /**
     * @param name       prefix of the parameter names ({@code name + ".weight"}, {@code name + ".bias"})
     * @param inputs     fan-in, 1..4096
     * @param outputs    fan-out, 1..4096
     * @param activation the element-wise f
     */
    public Dense(String name, int inputs, int outputs, Activation activation) {
        super(name, inputs, outputs, activation);
        this.weight = Param.zeros(name + ".weight", outputs, inputs);
        this.params = List.of(weight, bias());
    }

    /** out × in, like {@code nn.Linear.weight}. */
    public Param weight() {
        return weight;
    }

    /** weight, bias (in that order). */
    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    void affine(double[] x, double[] b, double[] z, int from, int to) {
        int in = inputs();
        int out = outputs();
        double[] w = weight.value().data;
        // z[r, j] = b[j] + Σ_k x[r, k] · W[j, k]
        for (int r = from; r < to; r++) {
            int xo = r * in;
            int zo = r * out;
            for (int j = 0; j < out; j++) {
                double s = b[j];
                int wo = j * in;
                for (int k = 0; k < in; k++) {
                    s += x[xo + k] * w[wo + k];
                }
                z[zo + j] = s;
            }
        }
    }

    @Override
    void addGradients(double[] dz, double[] x, double[] db, double[] dx, int from, int to) {
        int in = inputs();
        int out = outputs();
        double[] w = weight.value().data;
        double[] dw = weight.grad().data;
        if (dx == null) {
            // dW[j, k] += Σ_r dz[r, j] · x[r, k];  db[j] += Σ_r dz[r, j]
            for (int r = from; r < to; r++) {
                int xo = r * in;
                int zo = r * out;
                for (int j = 0; j < out; j++) {
                    double g = dz[zo + j];
                    db[j] += g;
                    int wo = j * in;
                    for (int k = 0; k < in; k++) {
                        dw[wo + k] += g * x[xo + k];
                    }
                }
            }
            return;
        }
        // one pass over dz for all three:
        // dW[j, k] += Σ_r dz[r, j] · x[r, k];  db[j] += Σ_r dz[r, j];  dx[r, k] = Σ_j dz[r, j] · W[j, k]
        for (int r = from; r < to; r++) {
            int xo = r * in;
            int zo = r * out;
            for (int k = 0; k < in; k++) {
                dx[xo + k] = 0.0;
            }
            for (int j = 0; j < out; j++) {
                double g = dz[zo + j];
                db[j] += g;
                int wo = j * in;
                for (int k = 0; k < in; k++) {
                    dw[wo + k] += g * x[xo + k];
                    dx[xo + k] += g * w[wo + k];
                }
            }
        }
    }
}
