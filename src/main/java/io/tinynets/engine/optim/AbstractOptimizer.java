package io.tinynets.engine.optim;

import io.tinynets.engine.Param;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared plumbing: the learning rate, the step count and per-parameter buffers keyed by Param identity (two params
 * may share a name in different models; identity never collides). Subclasses give one update rule over flat arrays.
 */
abstract class AbstractOptimizer implements Optimizer {

    protected final OptimizerConfig config;
    protected double learningRate;
    protected long steps;
    private final Map<Param, double[][]> state = new IdentityHashMap<>();

    AbstractOptimizer(OptimizerConfig config) {
        this.config = config;
        this.learningRate = config.learningRate();
    }

    /** Names of the per-parameter buffers this rule keeps (empty for plain SGD). */
    protected abstract String[] bufferNames();

    /** Updates n values of w in place from gradient g, using and updating {@code buffers}. */
    protected abstract void update(double[] w, double[] g, double[][] buffers, int n);

    @Override
    public final void step(List<Param> params) {
        steps++;
        String[] names = bufferNames();
        for (int i = 0, size = params.size(); i < size; i++) {
            Param p = params.get(i);
            int n = p.size();
            double[][] buffers = state.get(p);
            if (buffers == null) {
                buffers = new double[names.length][n];
                state.put(p, buffers);
            }
            update(p.value().data, p.grad().data, buffers, n);
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        Optimizer.checkLearningRate(learningRate);
        this.learningRate = learningRate;
    }

    @Override
    public OptimizerConfig config() {
        return config.withLearningRate(learningRate);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public OptimizerState exportState() {
        String[] names = bufferNames();
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (Map.Entry<Param, double[][]> e : state.entrySet()) {
            Map<String, double[]> perParam = new LinkedHashMap<>();
            for (int b = 0; b < names.length; b++) {
                perParam.put(names[b], e.getValue()[b].clone());
            }
            out.put(e.getKey().name(), perParam);
        }
        return new OptimizerState(steps, out);
    }

    @Override
    public void importState(OptimizerState imported, List<Param> params) {
        String[] names = bufferNames();
        Map<Param, double[][]> fresh = new IdentityHashMap<>();
        for (Param p : params) {
            Map<String, double[]> perParam = imported.buffers().get(p.name());
            if (perParam == null) {
                continue;
            }
            double[][] buffers = new double[names.length][];
            for (int b = 0; b < names.length; b++) {
                double[] values = perParam.get(names[b]);
                if (values == null || values.length != p.size()) {
                    throw new IllegalArgumentException("optimizer state for " + p.name() + " needs buffer '"
                            + names[b] + "' of " + p.size() + " values");
                }
                buffers[b] = values.clone();
            }
            fresh.put(p, buffers);
        }
        for (String name : imported.buffers().keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("optimizer state names unknown parameter " + name);
            }
        }
        state.clear();
        state.putAll(fresh);
        steps = imported.steps();
    }

    @Override
    public void reset() {
        state.clear();
        steps = 0;
    }
}
