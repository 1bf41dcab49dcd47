package io.tinynets.lab.playground;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.training.EpochMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlaygroundTrainerTest {

    private static PlaygroundConfig config(List<Feature> features, List<Integer> hidden, Activation f,
                                           OutputLoss out, double lr) {
        return new PlaygroundConfig(DatasetKind.CIRCLE, 200, 0, 0.5, 10, 1, features, hidden,
                hidden.stream().map(h -> f).toList(), out, Initializer.XAVIER, OptimizerKind.SGD, lr,
                RegularizationKind.NONE, 0);
    }

    private static Dataset2D data(DatasetKind kind) {
        return Dataset2D.generate(kind, 200, 0, 0.5, new SplittableRandom(1));
    }

    @Test
    void configNamesTheFieldAndRangeOfABadValue() {
        assertThatThrownBy(() -> new PlaygroundConfig(DatasetKind.XOR, 200, 0, 0.5, 0, 1, List.of(Feature.X1),
                List.of(), List.of(), OutputLoss.TANH_SQUARED, Initializer.XAVIER, OptimizerKind.SGD, 0.03,
                RegularizationKind.NONE, 0)).hasMessage("batch size must be in 1..100, was 0");
        assertThatThrownBy(() -> config(List.of(Feature.X1), List.of(9), Activation.TANH, OutputLoss.TANH_SQUARED,
                0.03)).hasMessage("hidden layer 1 neurons must be in 1..8, was 9");
        assertThatThrownBy(() -> config(List.of(), List.of(), Activation.TANH, OutputLoss.TANH_SQUARED, 0.03))
                .hasMessage("at least one input feature must be selected");
        assertThatThrownBy(() -> config(List.of(Feature.X1), List.of(), Activation.TANH, OutputLoss.TANH_SQUARED, 20))
                .hasMessage("learning rate must be in [1.0E-5, 10.0], was 20.0");
        assertThat(PlaygroundConfig.defaults().hidden()).containsExactly(4, 2);
    }

    @Test
    void outputLossMustSuitTheTask() {
        PlaygroundConfig softmax = config(List.of(Feature.X1), List.of(), Activation.TANH, OutputLoss.SIGMOID_BINARY_CROSS_ENTROPY, 0.1);
        assertThatThrownBy(() -> new PlaygroundTrainer(softmax, data(DatasetKind.SPIRAL_3), 1))
                .hasMessage("output and loss sigmoid_bce cannot learn 3 classes");
        assertThat(OutputLoss.choicesFor(3)).containsExactly(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        assertThat(OutputLoss.choicesFor(0).get(0)).isEqualTo(OutputLoss.LINEAR_SQUARED);
    }

    @Test
    void oneNeuronOnSquaredFeaturesLearnsTheCircle() {
        PlaygroundConfig c = config(List.of(Feature.X1_SQUARED, Feature.X2_SQUARED), List.of(), Activation.TANH,
                OutputLoss.TANH_SQUARED, 0.05);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data(DatasetKind.CIRCLE), 3);
        EpochMetrics first = t.trainEpoch();
        EpochMetrics last = first;
        for (int i = 0; i < 150; i++) {
            last = t.trainEpoch();
        }
        assertThat(last.trainLoss()).isLessThan(first.trainLoss() / 2);
        assertThat(last.accuracy().getAsDouble()).isGreaterThan(0.95);
        PlaygroundInternals in = t.captureInternals();
        assertThat(in.boundary()).hasSize(50 * 50);
        // the middle of the map is the inner class (+1), the corner the outer ring (−1); row 0 is the top
        assertThat(in.boundary()[25 * 50 + 25]).isGreaterThan(0.5);
        assertThat(in.boundary()[0]).isLessThan(-0.5);
        assertThat(in.layerSizes()).containsExactly(2, 1);
        assertThat(in.unitGrids()[0]).hasNumberOfRows(2); // the two input features
        assertThat(in.unitGrids()[0][0][0]).isCloseTo(36.0, within(1e-9)); // x1² at the top-left corner (−6, 6)
    }

    @Test
    void sameSeedGivesTheSameCurve() {
        PlaygroundConfig c = config(List.of(Feature.X1, Feature.X2), List.of(3), Activation.RELU,
                OutputLoss.SIGMOID_BINARY_CROSS_ENTROPY, 0.1);
        PlaygroundTrainer a = new PlaygroundTrainer(c, data(DatasetKind.XOR), 5);
        PlaygroundTrainer b = new PlaygroundTrainer(c, data(DatasetKind.XOR), 5);
        for (int i = 0; i < 5; i++) {
            assertThat(a.trainEpoch().trainLoss()).isEqualTo(b.trainEpoch().trainLoss());
        }
    }

    @Test
    void queuedEditLandsAtTheNextEpochBoundaryOnly() {
        PlaygroundConfig c = config(List.of(Feature.X1, Feature.X2), List.of(2), Activation.TANH,
                OutputLoss.TANH_SQUARED, 0.01);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data(DatasetKind.XOR), 1);
        t.queueEdit(new WeightEdit(0, 1, 0, 3.0));
        t.queueEdit(new WeightEdit(1, 0, -1, -2.0));
        assertThat(t.pendingEdits()).isEqualTo(2);
        assertThat(t.mlp().layers().get(0).weight().value().get(1, 0)).isNotEqualTo(3.0);
        PlaygroundInternals in = t.captureInternals();
        assertThat(t.pendingEdits()).isZero();
        assertThat(in.weights()[0][1 * 2 + 0]).isEqualTo(3.0);
        assertThat(in.biases()[1][0]).isEqualTo(-2.0);
        assertThatThrownBy(() -> t.queueEdit(new WeightEdit(1, 0, 2, 1.0)))
                .hasMessage("layer 1 has 1 units with 2 inputs each; no link 2 → 0");
    }

    @Test
    void hugeLearningRateDivergesInsteadOfThrowing() {
        PlaygroundConfig c = new PlaygroundConfig(DatasetKind.PLANE, 200, 0, 0.5, 10, 1, List.of(Feature.values()),
                List.of(8, 8), List.of(Activation.LINEAR, Activation.LINEAR), OutputLoss.LINEAR_SQUARED,
                Initializer.XAVIER, OptimizerKind.SGD, 10, RegularizationKind.NONE, 0);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data(DatasetKind.PLANE), 1);
        boolean diverged = false;
        for (int i = 0; i < 20 && !diverged; i++) {
            diverged = !t.trainEpoch().lossesFinite() || !t.parametersFinite();
        }
        assertThat(diverged).isTrue();
    }

    @Test
    void regularizationRateChangesLive() {
        PlaygroundConfig c = new PlaygroundConfig(DatasetKind.XOR, 200, 0, 0.5, 10, 1, List.of(Feature.X1),
                List.of(2), List.of(Activation.TANH), OutputLoss.TANH_SQUARED, Initializer.XAVIER,
                OptimizerKind.SGD, 0.01, RegularizationKind.L2, 0);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data(DatasetKind.XOR), 1);
        assertThat(t.hyperparameters()).extracting(h -> h.key()).containsExactly("regularizationRate");
        t.setHyperparameter("regularizationRate", 5);
        double before = Math.abs(t.mlp().layers().get(0).weight().value().get(0, 0));
        for (int i = 0; i < 20; i++) {
            t.trainEpoch();
        }
        assertThat(Math.abs(t.mlp().layers().get(0).weight().value().get(0, 0))).isLessThan(before / 2);
        assertThatThrownBy(() -> t.setHyperparameter("momentum", 0.5)).hasMessage("unknown hyperparameter momentum");
    }
}
