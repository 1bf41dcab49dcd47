package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A race: one surface, one start, one learning rate and the optimizers that walk from there, each with the same
 * hyperparameters (μ for momentum and Nesterov, β₁/β₂ for Adam, ρ for RMSProp).
 */
public record DescentConfig(SurfaceKind surface, List<OptimizerKind> optimizers, double learningRate, double momentum,
                            double beta1, double beta2, double rho, double[] start) {

    public static final int MAX_RACERS = OptimizerKind.values().length;
    /** The learning rates the lab's log slider offers (10⁻⁴ to 10), and a saved race may hold. */
    public static final double MIN_LEARNING_RATE = 1e-4;
    public static final double MAX_LEARNING_RATE = 10;

    public DescentConfig {
        if (surface == null) {
            throw new IllegalArgumentException("surface must not be null");
        }
        if (optimizers == null || optimizers.isEmpty()) {
            throw new IllegalArgumentException("optimizers: pick at least one, at most " + MAX_RACERS);
        }
        if (new LinkedHashSet<>(optimizers).size() != optimizers.size()) {
            throw new IllegalArgumentException("optimizers: each may race only once, got " + optimizers);
        }
        optimizers = List.copyOf(optimizers);
        // OptimizerConfig checks the ranges with the engine's own messages
        new OptimizerConfig(OptimizerKind.SGD, learningRate, momentum, beta1, beta2, rho,
                OptimizerConfig.DEFAULT_EPSILON);
        Surface s = surface.create();
        if (start == null || start.length != s.dimensions()) {
            throw new IllegalArgumentException("start needs " + s.dimensions() + " coordinates for " + surface.key());
        }
        Surface.Domain d = s.domain();
        if (!d.contains(start[0], s.dimensions() == 2 ? start[1] : d.yMin())) {
            throw new IllegalArgumentException("start must lie in [" + d.xMin() + ", " + d.xMax() + "]"
                    + (s.dimensions() == 2 ? " x [" + d.yMin() + ", " + d.yMax() + "]" : ""));
        }
        start = start.clone();
    }

    /** The surface's default start, the default hyperparameters. */
    public static DescentConfig of(SurfaceKind surface, List<OptimizerKind> optimizers, double learningRate) {
        return new DescentConfig(surface, optimizers, learningRate, OptimizerConfig.DEFAULT_MOMENTUM,
                OptimizerConfig.DEFAULT_BETA1, OptimizerConfig.DEFAULT_BETA2, OptimizerConfig.DEFAULT_RHO,
                surface.create().defaultStart());
    }

    /** The same race with another rate (the rate changes live while the racers walk). */
    public DescentConfig withLearningRate(double newRate) {
        return new DescentConfig(surface, optimizers, newRate, momentum, beta1, beta2, rho, start);
    }

    public DescentConfig withStart(double... newStart) {
        return new DescentConfig(surface, optimizers, learningRate, momentum, beta1, beta2, rho, newStart);
    }

    /** The engine configuration of each racer, in race order. */
    public List<OptimizerConfig> optimizerConfigs() {
        List<OptimizerConfig> out = new ArrayList<>();
        for (OptimizerKind k : optimizers) {
            out.add(new OptimizerConfig(k, learningRate, momentum, beta1, beta2, rho, OptimizerConfig.DEFAULT_EPSILON));
        }
        return out;
    }

    @Override
    public double[] start() {
        return start.clone();
    }
}
