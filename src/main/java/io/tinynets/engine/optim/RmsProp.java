package io.tinynets.engine.optim;

/** RMSProp: s ← ρs + (1 − ρ)g²; w ← w − η·g / (√s + ε). */
final class RmsProp extends AbstractOptimizer {

    private static final String[] BUFFERS = {"square_avg"};

    RmsProp(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected String[] bufferNames() {
        return BUFFERS;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] buffers, int n) {
        double lr = learningRate;
        double rho = config.rho();
        double eps = config.epsilon();
        double[] s = buffers[0];
        // s ← ρ s + (1 − ρ) g²;  w ← w − η g / (√s + ε)
        for (int i = 0; i < n; i++) {
            s[i] = rho * s[i] + (1.0 - rho) * g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
        }
    }
}
