package io.tinynets.engine.optim;

/** Plain gradient descent: w ← w − η·g. */
final class Sgd extends AbstractOptimizer {

    private static final String[] NO_BUFFERS = {};

    Sgd(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected String[] bufferNames() {
        return NO_BUFFERS;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] buffers, int n) {
        double lr = learningRate;
        // w ← w − η g
        for (int i = 0; i < n; i++) {
            w[i] -= lr * g[i];
        }
    }
}
