package io.tinynets.engine.optim;

/**
 * Heavy-ball momentum and its Nesterov variant, in PyTorch's form: v ← μv + g, then w ← w − η·v, or for Nesterov
 * w ← w − η·(g + μv) (the gradient is taken as if one velocity step ahead).
 */
final class Momentum extends AbstractOptimizer {

    private static final String[] BUFFERS = {"velocity"};
    private final boolean nesterov;

    Momentum(OptimizerConfig config, boolean nesterov) {
        super(config);
        this.nesterov = nesterov;
    }

    @Override
    protected String[] bufferNames() {
        return BUFFERS;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] buffers, int n) {
        double lr = learningRate;
        double mu = config.momentum();
        double[] v = buffers[0];
        if (nesterov) {
            // v ← μv + g;  w ← w − η (g + μv)
            for (int i = 0; i < n; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= lr * (g[i] + mu * v[i]);
            }
        } else {
            // v ← μv + g;  w ← w − η v
            for (int i = 0; i < n; i++) {
                v[i] = mu * v[i] + g[i];
                w[i] -= lr * v[i];
            }
        }
    }
}
