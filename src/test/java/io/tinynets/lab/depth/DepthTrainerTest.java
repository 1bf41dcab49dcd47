package io.tinynets.lab.depth;

import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepthTrainerTest {

    private static DepthConfig config(int depth, Initializer init, double lr, Activation... activations) {
        return new DepthConfig(DatasetKind.XOR, depth, 8, List.of(activations), init, lr);
    }

    private static double firstOverLast(NetworkInternals n) {
        double[] g = n.gradientNorms();
        return g[0] / g[g.length - 1];
    }

    @Test
    void sigmoidAtDepthTenStarvesTheFirstLayerWhileReluWithHeDoesNot() {
        NetworkInternals sigmoid = new DepthTrainer(config(10, Initializer.XAVIER, 0.1, Activation.SIGMOID), 42)
                .captureInternals().networks().get(0);
        NetworkInternals relu = new DepthTrainer(config(10, Initializer.HE, 0.1, Activation.RELU), 42)
                .captureInternals().networks().get(0);
        assertThat(sigmoid.gradientNorms()).hasSize(11);
        assertThat(firstOverLast(sigmoid)).as("sigmoid first/last").isLessThan(1e-3);
        assertThat(firstOverLast(relu)).as("relu first/last").isGreaterThan(1e-1);
        assertThat(firstOverLast(relu)).isGreaterThan(1000 * firstOverLast(sigmoid));
    }

    @Test
    void comparedNetworksShareDataAndInitialDraws() {
        DepthTrainer pair = new DepthTrainer(config(3, Initializer.XAVIER, 0.1, Activation.TANH, Activation.TANH), 5);
        DepthInternals in = pair.captureInternals();
        assertThat(in.networks().get(0).gradientNorms()).containsExactly(in.networks().get(1).gradientNorms());
        DepthTrainer other = new DepthTrainer(config(3, Initializer.XAVIER, 0.1, Activation.SIGMOID), 5);
        assertThat(other.trainingPoints()[0]).containsExactly(pair.trainingPoints()[0]);
        assertThat(pair.networks().get(0).mlp().params().get(0).value().data)
                .containsExactly(other.networks().get(0).mlp().params().get(0).value().data);
    }

    @Test
    void linearNetworkCollapsesToOneLineAndFailsXor() {
        DepthTrainer t = new DepthTrainer(config(6, Initializer.XAVIER, 0.05, Activation.LINEAR), 3);
        for (int i = 0; i < 60; i++) {
            t.trainEpoch();
        }
        NetworkInternals n = t.captureInternals().networks().get(0);
        LinearCollapse c = n.collapse();
        assertThat(c).isNotNull();
        // the network's boundary (p ≥ ½) is exactly the side of the line z = 0, at every grid cell
        for (int row = 0; row < NetworkInternals.GRID; row++) {
            for (int col = 0; col < NetworkInternals.GRID; col++) {
                double p = n.boundary()[row * NetworkInternals.GRID + col];
                double z = c.z(DepthNetwork.gridX(col), DepthNetwork.gridY(row));
                if (Math.abs(z) > 1e-9) {
                    assertThat(p >= 0.5).as("cell %d,%d", row, col).isEqualTo(z > 0);
                }
            }
        }
        assertThat(n.accuracy()).as("a straight line cannot solve XOR").isLessThan(0.8);
    }

    @Test
    void highLearningRateKillsRelus() {
        DepthTrainer calm = new DepthTrainer(config(6, Initializer.HE, 0.01, Activation.RELU), 11);
        DepthTrainer wild = new DepthTrainer(config(6, Initializer.HE, 3.0, Activation.RELU), 11);
        int atInit = wild.captureInternals().networks().get(0).deadCount();
        for (int i = 0; i < 20 && wild.parametersFinite(); i++) {
            calm.trainEpoch();
            wild.trainEpoch();
        }
        int calmDead = calm.captureInternals().networks().get(0).deadCount();
        NetworkInternals w = wild.captureInternals().networks().get(0);
        assertThat(w.deadCount()).isGreaterThan(atInit + 5).isGreaterThan(calmDead + 5);
        int marked = 0;
        for (boolean[] layer : w.dead()) {
            for (boolean d : layer) {
                marked += d ? 1 : 0;
            }
        }
        assertThat(marked).isEqualTo(w.deadCount());
    }

    @Test
    void histogramsAreSharesOfEveryActivation() {
        NetworkInternals n = new DepthTrainer(config(4, Initializer.XAVIER, 0.1, Activation.SIGMOID), 1)
                .captureInternals().networks().get(0);
        assertThat(n.histograms()).hasNumberOfRows(4);
        for (double[] h : n.histograms()) {
            assertThat(java.util.Arrays.stream(h).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(n.histMin()).isZero();
        assertThat(n.histMax()).isEqualTo(1.0);
    }

    @Test
    void invalidConfigurationsNameTheFieldAndRange() {
        assertThatThrownBy(() -> config(31, Initializer.HE, 0.1, Activation.RELU))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("depth must be in 1..30, was 31");
        assertThatThrownBy(() -> new DepthConfig(DatasetKind.XOR, 3, 1, List.of(Activation.RELU), Initializer.HE, 0.1))
                .hasMessage("width must be in 2..32, was 1");
        assertThatThrownBy(() -> config(3, Initializer.HE, 0.1, Activation.GELU))
                .hasMessageContaining("activation must be one of");
    }
}
