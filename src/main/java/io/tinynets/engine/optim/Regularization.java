package io.tinynets.engine.optim;

import io.tinynets.engine.Param;

import java.util.List;

/**
 * A weight penalty added to the data loss: L1 = rate·Σ|w| (gradient rate·sign(w)), L2 = rate·½Σw² (gradient
 * rate·w). Usable by any model: pass the params to penalize (an MLP passes its weights, not its biases, as
 * TensorFlow Playground does). Immutable, so changing the rate between steps means passing a new instance.
 *
 * @param kind none, L1 or L2
 * @param rate λ, finite and in [0, 10]
 */
public record Regularization(RegularizationKind kind, double rate) {

    public static final Regularization NONE = new Regularization(RegularizationKind.NONE, 0.0);

    public Regularization {
        if (kind == null) {
            throw new IllegalArgumentException("regularization kind must not be null");
        }
        if (!(rate >= 0 && rate <= 10)) {
            throw new IllegalArgumentException("regularization rate must be in [0, 10], was " + rate);
        }
    }

    public static Regularization l1(double rate) {
        return new Regularization(RegularizationKind.L1, rate);
    }

    public static Regularization l2(double rate) {
        return new Regularization(RegularizationKind.L2, rate);
    }

    public boolean isActive() {
        return kind != RegularizationKind.NONE && rate > 0;
    }

    /** The penalty term over {@code params}. */
    public double penalty(List<Param> params) {
        if (!isActive()) {
            return 0.0;
        }
        double sum = 0;
        for (Param p : params) {
            double[] w = p.value().data;
            for (int i = 0, n = p.size(); i < n; i++) {
                sum += kind == RegularizationKind.L1 ? Math.abs(w[i]) : 0.5 * w[i] * w[i];
            }
        }
        return rate * sum;
    }

    /** Adds ∂penalty/∂w into each param's grad. */
    public void addGradient(List<Param> params) {
        if (!isActive()) {
            return;
        }
        for (Param p : params) {
            double[] w = p.value().data;
            double[] g = p.grad().data;
            int n = p.size();
            if (kind == RegularizationKind.L1) {
                // g += λ sign(w)  (0 at w = 0)
                for (int i = 0; i < n; i++) {
                    g[i] += rate * Math.signum(w[i]);
                }
            } else {
                // g += λ w
                for (int i = 0; i < n; i++) {
                    g[i] += rate * w[i];
                }
            }
        }
    }
}
