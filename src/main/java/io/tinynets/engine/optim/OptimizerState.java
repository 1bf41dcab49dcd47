package io.tinynets.engine.optim;

import java.util.Map;

/**
 * An optimizer's state as plain data: the step count and, per parameter name, its named buffers (for example
 * {@code "m"} and {@code "v"} for Adam), each as many doubles as the parameter has elements, row-major.
 */
public record OptimizerState(long steps, Map<String, Map<String, double[]>> buffers) {

    public OptimizerState {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, was " + steps);
        }
        buffers = Map.copyOf(buffers);
    }
}
