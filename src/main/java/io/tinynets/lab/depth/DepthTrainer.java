package io.tinynets.lab.depth;

import io.tinynets.engine.Activation;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One or two deep networks trained in lock-step, one epoch each per runtime epoch, so a side-by-side comparison is
 * always at the same epoch and one play/pause drives both. Each network is built from the same seed: same data,
 * same initial draws; only the activation differs. The reported loss is the worse of the two, so a diverging
 * network ends the run with the runtime's advice.
 */
public final class DepthTrainer implements Trainer<DepthInternals> {

    private final List<DepthNetwork> networks = new ArrayList<>();
    private double learningRate;
    private long epoch;

    public DepthTrainer(DepthConfig config, long seed) {
        for (Activation a : config.activations()) {
            networks.add(new DepthNetwork(config, a, seed));
        }
        learningRate = config.learningRate();
    }

    public static TrainerFactory<DepthInternals> factory(DepthConfig config) {
        return seed -> new DepthTrainer(config, seed);
    }

    @Override
    public EpochMetrics trainEpoch() {
        epoch++;
        double worst = Double.NEGATIVE_INFINITY;
        for (DepthNetwork n : networks) {
            double loss = n.trainEpoch();
            worst = Double.isNaN(loss) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, loss);
        }
        return EpochMetrics.of(worst);
    }

    @Override
    public DepthInternals captureInternals() {
        List<NetworkInternals> out = new ArrayList<>(networks.size());
        for (DepthNetwork n : networks) {
            out.add(n.capture());
        }
        return new DepthInternals(epoch, out);
    }

    @Override
    public boolean parametersFinite() {
        return networks.stream().allMatch(DepthNetwork::parametersFinite);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        networks.forEach(n -> n.setLearningRate(learningRate));
        this.learningRate = learningRate;
    }

    @Override
    public long parameterCount() {
        return networks.stream().mapToLong(DepthNetwork::parameterCount).sum();
    }

    @Override
    public int datasetSize() {
        return networks.get(0).datasetSize();
    }

    /** The training points as {x₁…}, {x₂…}, {label…} (the same for every network). */
    public double[][] trainingPoints() {
        DepthNetwork n = networks.get(0);
        int rows = n.inputs().numRows;
        double[][] out = new double[3][rows];
        for (int r = 0; r < rows; r++) {
            out[0][r] = n.inputs().get(r, 0);
            out[1][r] = n.inputs().get(r, 1);
            out[2][r] = n.targets().get(r, 0);
        }
        return out;
    }

    List<DepthNetwork> networks() {
        return networks;
    }
}
