package io.tinynets.engine.optim;

/**
 * Adam: m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; w ← w − η·m̂ / (√v̂ + ε) with the bias corrections
 * m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), t the step count.
 */
final class Adam extends AbstractOptimizer {

    private static final String[] BUFFERS = {"m", "v"};

    Adam(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected String[] bufferNames() {
        return BUFFERS;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] buffers, int n) {
        double lr = learningRate;
        double b1 = config.beta1();
        double b2 = config.beta2();
        double eps = config.epsilon();
        double c1 = 1.0 - Math.pow(b1, steps);
        double c2 = 1.0 - Math.pow(b2, steps);
        double[] m = buffers[0];
        double[] v = buffers[1];
        // m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  w ← w − η (m/c₁) / (√(v/c₂) + ε)
        for (int i = 0; i < n; i++) {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }
}
