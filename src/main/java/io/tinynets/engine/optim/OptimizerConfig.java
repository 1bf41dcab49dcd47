package io.tinynets.engine.optim;

/**
 * An optimizer's kind and hyperparameters; each kind reads only the ones it uses (PyTorch's names and defaults).
 *
 * @param kind         which update rule
 * @param learningRate η, in (0, 1000]
 * @param momentum     μ for momentum and Nesterov, in [0, 1)
 * @param beta1        Adam's first-moment decay, in [0, 1)
 * @param beta2        Adam's second-moment decay, in [0, 1)
 * @param rho          RMSProp's squared-gradient decay (PyTorch's alpha), in [0, 1)
 * @param epsilon      added to √v in adaptive methods, in (0, 1]
 */
public record OptimizerConfig(OptimizerKind kind, double learningRate, double momentum, double beta1, double beta2,
                              double rho, double epsilon) {

    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-8;

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer kind must not be null");
        }
        Optimizer.checkLearningRate(learningRate);
        checkDecay("momentum", momentum);
        checkDecay("beta1", beta1);
        checkDecay("beta2", beta2);
        checkDecay("rho", rho);
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1], was " + epsilon);
        }
    }

    /** {@code kind} at {@code learningRate} with the default hyperparameters. */
    public static OptimizerConfig of(OptimizerKind kind, double learningRate) {
        return new OptimizerConfig(kind, learningRate, DEFAULT_MOMENTUM, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_RHO,
                DEFAULT_EPSILON);
    }

    public OptimizerConfig withLearningRate(double lr) {
        return new OptimizerConfig(kind, lr, momentum, beta1, beta2, rho, epsilon);
    }

    public OptimizerConfig withMomentum(double mu) {
        return new OptimizerConfig(kind, learningRate, mu, beta1, beta2, rho, epsilon);
    }

    /** A new optimizer of this kind with fresh state. */
    public Optimizer create() {
        return switch (kind) {
            case SGD -> new Sgd(this);
            case MOMENTUM -> new Momentum(this, false);
            case NESTEROV -> new Momentum(this, true);
            case RMSPROP -> new RmsProp(this);
            case ADAM -> new Adam(this);
            case ADAGRAD -> new AdaGrad(this);
        };
    }

    private static void checkDecay(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + v);
        }
    }
}
