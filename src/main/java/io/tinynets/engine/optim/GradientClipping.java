package io.tinynets.engine.optim;

import io.tinynets.engine.Param;

import java.util.List;

/**
 * Global gradient-norm clipping: if ‖g‖ = √(Σ over all params of Σg²) exceeds {@code maxNorm}, every gradient is
 * scaled by maxNorm/‖g‖ (PyTorch's {@code clip_grad_norm_}), keeping the direction. Usable by any model.
 *
 * @param maxNorm the largest allowed norm, &gt; 0; {@link Double#POSITIVE_INFINITY} turns clipping off
 */
public record GradientClipping(double maxNorm) {

    public static final GradientClipping NONE = new GradientClipping(Double.POSITIVE_INFINITY);

    public GradientClipping {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("gradient clipping max norm must be > 0 (or infinite for off), was "
                    + maxNorm);
        }
    }

    public boolean isActive() {
        return maxNorm != Double.POSITIVE_INFINITY;
    }

    /** ‖g‖ over all params' gradients. */
    public static double globalNorm(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            double[] g = p.grad().data;
            for (int i = 0, n = p.size(); i < n; i++) {
                sum += g[i] * g[i];
            }
        }
        return Math.sqrt(sum);
    }

    /** Clips in place when active; returns the norm before clipping either way. */
    public double apply(List<Param> params) {
        double norm = globalNorm(params);
        if (isActive() && norm > maxNorm && Double.isFinite(norm)) {
            double scale = maxNorm / norm;
            for (Param p : params) {
                double[] g = p.grad().data;
                for (int i = 0, n = p.size(); i < n; i++) {
                    g[i] *= scale;
                }
            }
        }
        return norm;
    }
}
