package io.tinynets.lab.depth;

import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DepthPictureTest {

    private final LivePicture live = new DepthPicture();

    private static DepthTrainer trainer() {
        return new DepthTrainer(new DepthConfig(DatasetKind.XOR, 3, 8, List.of(Activation.TANH, Activation.SIGMOID),
                Initializer.XAVIER, 0.1), 5);
    }

    @Test
    void liveBoundaryIsTheSavedPictureOfTheFirstNetwork() {
        DepthTrainer t = trainer();
        t.trainEpoch();
        t.trainEpoch();
        DepthInternals in = t.captureInternals();
        Picture p = live.of(in).orElseThrow();
        assertThat(p).isEqualTo(DepthPicture.boundary(in)); // what the view's draft() saves
        assertThat(live.lab()).isEqualTo("depth");
        assertThat(p.cols()).isEqualTo(NetworkInternals.GRID);
        assertThat(p.rows()).isEqualTo(40);
        assertThat(p.min()).isEqualTo(0.0);
        assertThat(p.max()).isEqualTo(1.0);
        double[] first = in.networks().get(0).boundary();
        for (int[] cell : new int[][] {{0, 0}, {39, 0}, {20, 20}, {7, 33}}) {
            assertThat(p.valueAt(cell[0], cell[1])).isCloseTo(first[cell[1] * 40 + cell[0]],
                    within(0.5 / 255 + 1e-12));
        }
        // the second (sigmoid) network learns something else: the picture is the first one's
        assertThat(p).isNotEqualTo(Picture.quantize(40, 40, in.networks().get(1).boundary(), 0, 1));
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.DIVERGING);
    }

    @Test
    void overlayIsTheTrainingDataColouredByTarget() {
        DepthTrainer t = trainer();
        double[][] points = t.trainingPoints();
        LivePicture.Overlay o = live.overlay(t.captureInternals()).orElseThrow();
        assertThat(o.size()).isEqualTo(points[0].length).isPositive();
        assertThat(o.xMin()).isEqualTo(-6.0);
        assertThat(o.yMax()).isEqualTo(6.0);
        for (int i = 0; i < o.size(); i += 17) {
            assertThat(o.x()[i]).isEqualTo(points[0][i]);
            assertThat(o.y()[i]).isEqualTo(points[1][i]);
            assertThat(o.classes()[i]).isEqualTo(points[2][i] >= 0.5 ? 1 : 0);
            assertThat(o.hollow()[i]).isFalse();
        }
        assertThat(o.classes()).contains(0, 1);
    }

    @Test
    void foreignOrMissingInternalsGiveNoPicture() {
        assertThat(live.of(null)).isEmpty();
        assertThat(live.of(new Object())).isEmpty();
        assertThat(live.overlay(null)).isEmpty();
    }
}
