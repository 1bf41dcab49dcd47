package io.tinynets.lab.depth;

import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.training.lab.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "Try this" of the vanishing-gradient lab keeps its promise: each suggestion's step is applied to the lab's
 * opening settings and trained headless with the lab's own trainer and the default seed, and the bars, counts and
 * histograms the panels show are checked against the text (depth.try.N, English and Korean).
 */
class DepthClaimsTest {

    /**
     * "at the start the sigmoid column's first bar is under a hundred-thousandth of its last, ReLU's more than a
     * twentieth; over 50 epochs the sigmoid's stays below a twentieth, ReLU's above; ReLU solves XOR, sigmoid not".
     */
    @Test
    void atDepthTenSigmoidGivesTheFirstLayerAFarSmallerGradientThanReluWithHe() {
        DepthConfig c = suggestion(1).apply(DepthSuggestions.DEFAULTS);
        assertThat(c.activations()).containsExactly(Activation.SIGMOID, Activation.RELU);
        assertThat(c.initializer()).isEqualTo(Initializer.HE);
        DepthTrainer t = new DepthTrainer(c, DepthSuggestions.DEFAULT_SEED);
        DepthInternals start = t.captureInternals();
        assertThat(firstOverLast(start.networks().get(0))).isLessThan(1e-5);
        assertThat(firstOverLast(start.networks().get(1))).isGreaterThan(0.05);
        double worstSigmoid = 0;
        double worstRelu = Double.POSITIVE_INFINITY;
        for (int e = 0; e <= 50; e++) {
            DepthInternals in = t.captureInternals();
            worstSigmoid = Math.max(worstSigmoid, firstOverLast(in.networks().get(0)));
            worstRelu = Math.min(worstRelu, firstOverLast(in.networks().get(1)));
            t.trainEpoch();
        }
        System.out.printf("first/last layer gradient over 50 epochs: sigmoid at most %.1e, ReLU at least %.2f%n",
                worstSigmoid, worstRelu);
        assertThat(worstSigmoid).isLessThan(0.05);
        assertThat(worstRelu).isGreaterThan(0.05);
        // "ReLU solves XOR while the sigmoid network stays near chance"
        DepthInternals in = t.captureInternals();
        assertThat(in.networks().get(1).accuracy()).isGreaterThan(0.95);
        assertThat(in.networks().get(0).accuracy()).isLessThan(0.65);
    }

    /** "within ten epochs more units are dead than at the start and the first layer's bar drops to zero". */
    @Test
    void reluAtLearningRateThreeKillsUnitsAndStopsTheFirstLayer() {
        DepthConfig c = suggestion(2).apply(DepthSuggestions.DEFAULTS);
        assertThat(c.activations()).containsExactly(Activation.RELU);
        assertThat(c.learningRate()).isEqualTo(3.0);
        DepthTrainer t = new DepthTrainer(c, DepthSuggestions.DEFAULT_SEED);
        NetworkInternals start = t.captureInternals().networks().get(0);
        for (int e = 0; e < 10; e++) {
            t.trainEpoch();
        }
        NetworkInternals after = t.captureInternals().networks().get(0);
        System.out.printf("dead units: %d at the start, %d after 10 epochs at η = 3%n", start.deadCount(),
                after.deadCount());
        assertThat(after.deadCount()).isGreaterThan(start.deadCount());
        assertThat(after.gradientNorms()[0]).isZero();
        assertThat(start.gradientNorms()[0]).isPositive();
    }

    /** "the boundary stays straight, the loss stalls near 0.69 and accuracy stays below 80 % at depth 1, 3, 10, 30". */
    @Test
    void aLinearNetworkCannotSolveXorAtAnyDepth() {
        DepthConfig c = suggestion(3).apply(DepthSuggestions.DEFAULTS);
        assertThat(c.dataset()).isEqualTo(DatasetKind.XOR);
        assertThat(c.activations()).containsExactly(Activation.LINEAR);
        for (int depth : new int[]{1, 3, c.depth(), DepthConfig.MAX_DEPTH}) {
            DepthConfig atDepth = new DepthConfig(c.dataset(), depth, c.width(), c.activations(), c.initializer(),
                    c.learningRate());
            DepthTrainer t = new DepthTrainer(atDepth, DepthSuggestions.DEFAULT_SEED);
            for (int e = 0; e < 200; e++) {
                t.trainEpoch();
            }
            NetworkInternals n = t.captureInternals().networks().get(0);
            System.out.printf("linear, depth %d: loss %.3f, accuracy %.3f%n", depth, n.loss(), n.accuracy());
            assertThat(n.collapse()).as("one matrix at depth " + depth).isNotNull();
            assertThat(n.accuracy()).as("accuracy at depth " + depth).isLessThan(0.8);
            // the loss stalls near ln 2 (0.69), a coin toss
            assertThat(n.loss()).as("loss at depth " + depth).isGreaterThan(0.65);
        }
    }

    /** "at depth 30 with tanh and Xavier the histograms narrow: the last layer's spread is under a quarter". */
    @Test
    void tanhWithXavierAtDepthThirtyNarrowsTheActivationsLayerByLayer() {
        DepthConfig c = suggestion(4).apply(DepthSuggestions.DEFAULTS);
        assertThat(c.depth()).isEqualTo(30);
        NetworkInternals n = new DepthTrainer(c, DepthSuggestions.DEFAULT_SEED).captureInternals().networks().get(0);
        double first = spread(n, 0);
        double last = spread(n, n.histograms().length - 1);
        System.out.printf("tanh, Xavier, depth 30: spread %.3f in the first layer, %.3f in the last%n", first, last);
        assertThat(last).isLessThan(first / 4);
    }

    @Test
    void theOpeningSettingsAreTheFormsDefaults() {
        assertThat(DepthSuggestions.DEFAULTS).isEqualTo(new DepthConfig(DatasetKind.XOR, 10, 8,
                List.of(Activation.SIGMOID, Activation.RELU), Initializer.XAVIER, 0.1));
    }

    private static Suggestion<DepthConfig> suggestion(int n) {
        Suggestion<DepthConfig> s = DepthSuggestions.ALL.get(n - 1);
        assertThat(s.key()).isEqualTo("depth.try." + n);
        return s;
    }

    private static double firstOverLast(NetworkInternals n) {
        double[] g = n.gradientNorms();
        return g[0] / g[g.length - 1];
    }

    /** The standard deviation of a hidden layer's activations, from its histogram (bin centres). */
    private static double spread(NetworkInternals n, int layer) {
        double[] h = n.histograms()[layer];
        double w = (n.histMax() - n.histMin()) / h.length;
        double mean = 0;
        double square = 0;
        for (int i = 0; i < h.length; i++) {
            double x = n.histMin() + (i + 0.5) * w;
            mean += h[i] * x;
            square += h[i] * x * x;
        }
        return Math.sqrt(Math.max(0, square - mean * mean));
    }
}
