package io.tinynets.engine.optim;

/** AdaGrad: s ← s + g²; w ← w − η·g / (√s + ε); steps shrink for often-updated weights. */
final class AdaGrad extends AbstractOptimizer {

    private static final String[] BUFFERS = {"sum"};

    AdaGrad(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected String[] bufferNames() {
        return BUFFERS;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] buffers, int n) {
        double lr = learningRate;
        double eps = config.epsilon();
        double[] s = buffers[0];
        // s ← s + g²;  w ← w − η g / (√s + ε)
        for (int i = 0; i < n; i++) {
            s[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
        }
    }
}
