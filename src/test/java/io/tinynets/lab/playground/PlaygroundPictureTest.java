package io.tinynets.lab.playground;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlaygroundPictureTest {

    private final LivePicture live = new PlaygroundPicture();

    private static PlaygroundInternals trained(DatasetKind kind, OutputLoss out, int epochs) {
        PlaygroundConfig c = new PlaygroundConfig(kind, 200, 0, 0.5, 10, 1, List.of(Feature.X1, Feature.X2),
                List.of(4), List.of(Activation.TANH), out, Initializer.XAVIER, OptimizerKind.SGD, 0.1,
                RegularizationKind.NONE, 0);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data(kind), 3);
        for (int e = 0; e < epochs; e++) {
            t.trainEpoch();
        }
        return t.captureInternals();
    }

    private static Dataset2D data(DatasetKind kind) {
        return Dataset2D.generate(kind, 200, 0, 0.5, new SplittableRandom(1));
    }

    @Test
    void liveBoundaryIsTheSavedPictureOfTheSameInternals() {
        PlaygroundInternals in = trained(DatasetKind.CIRCLE, OutputLoss.TANH_SQUARED, 3);
        Picture p = live.of(in).orElseThrow();
        assertThat(p).isEqualTo(PlaygroundPicture.boundary(in)); // what the view's draft() saves
        assertThat(live.lab()).isEqualTo("playground");
        assertThat(p.cols()).isEqualTo(50);
        assertThat(p.rows()).isEqualTo(50);
        assertThat(p.min()).isEqualTo(-1.0);
        assertThat(p.max()).isEqualTo(1.0);
        // one byte per cell: within half a step of 2/255 of the network's output
        for (int[] cell : new int[][] {{0, 0}, {49, 0}, {25, 25}, {3, 41}, {49, 49}}) {
            assertThat(p.valueAt(cell[0], cell[1])).as("cell %s", List.of(cell[0], cell[1]))
                    .isCloseTo(in.boundary()[cell[1] * 50 + cell[0]], within(1.0 / 255 + 1e-12));
        }
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.DIVERGING);
        assertThat(live.captionKey(in)).isEqualTo("classroom.dashboard.picture.playground");
    }

    @Test
    void softmaxPredictedClassesAreAPictureOfWholeClassesInTheirPointColours() {
        PlaygroundInternals in = trained(DatasetKind.SPIRAL_3, OutputLoss.SOFTMAX_CROSS_ENTROPY, 2);
        Picture p = live.of(in).orElseThrow();
        assertThat(p.min()).isEqualTo(0.0);
        assertThat(p.max()).isEqualTo(2.0);
        for (int i = 0; i < 50; i += 7) {
            double predicted = in.boundary()[(49 - i) * 50 + i];
            assertThat(predicted).isIn(0.0, 1.0, 2.0);
            // class 1 sits between two bytes of the 0..2 scale: within half a step
            assertThat(p.valueAt(i, 49 - i)).isCloseTo(predicted, within(1.0 / 255 + 1e-12));
        }
        // each region in its class's point colour (a sequential ramp gave class 3 yellow beside green points)
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.CLASSES);
    }

    @Test
    void overlayDrawsTrainingPointsSolidAndTestPointsHollowOverTheBoundarysSquare() {
        PlaygroundInternals in = trained(DatasetKind.XOR, OutputLoss.TANH_SQUARED, 1);
        Dataset2D data = data(DatasetKind.XOR);
        LivePicture.Overlay o = live.overlay(in).orElseThrow();
        assertThat(o.size()).isEqualTo(200);
        assertThat(o.xMin()).isEqualTo(-in.domain());
        assertThat(o.yMax()).isEqualTo(in.domain());
        assertThat(o.x()[0]).isEqualTo(data.train().get(0).x1());
        assertThat(o.y()[0]).isEqualTo(data.train().get(0).x2());
        int hollow = 0;
        for (boolean h : o.hollow()) {
            hollow += h ? 1 : 0;
        }
        assertThat(hollow).isEqualTo(data.test().size()).isPositive();
        assertThat(o.hollow()[o.size() - 1]).isTrue();
        // XOR labels are ±1: drawn as two classes by sign
        assertThat(o.classes()).containsOnly(0, 1);
        assertThat(o).isEqualTo(PlaygroundPicture.points(data)); // by value: a view resends nothing new
    }

    @Test
    void foreignOrMissingInternalsGiveNoPicture() {
        assertThat(live.of(null)).isEmpty();
        assertThat(live.of("not internals")).isEmpty();
        assertThat(live.of(0.5)).isEmpty();
        assertThat(live.overlay(null)).isEmpty();
        assertThat(live.overlay(Double.valueOf(1))).isEmpty();
    }
}
