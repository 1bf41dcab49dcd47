package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.Trainer;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoencoderPictureTest {

    private final LivePicture live = new AutoencoderPicture();

    private static AutoencoderInternals trained(ImageSetKind data) {
        Trainer<AutoencoderInternals> t = AutoencoderLabTrainer.factory(new AutoencoderConfig(data, 200,
                new int[] {16}, 2, Activation.TANH, false, AutoencoderLoss.MSE, AutoencoderNoise.NONE,
                OptimizerKind.ADAM, 0.01)).create(1);
        t.trainEpoch();
        t.trainEpoch();
        return t.captureInternals();
    }

    @Test
    void liveReconstructionsAreTheSavedPictureImageByImage() {
        AutoencoderInternals in = trained(ImageSetKind.DIGITS_8);
        Picture p = live.of(in).orElseThrow();
        assertThat(p).isEqualTo(AutoencoderPicture.reconstructions(in).orElseThrow()); // what draft() saves
        assertThat(live.lab()).isEqualTo("autoencoder");
        assertThat(p.cols()).isEqualTo(AutoencoderLabTrainer.SHOWN * 8);
        assertThat(p.rows()).isEqualTo(8);
        assertThat(p.min()).isEqualTo(0.0);
        assertThat(p.max()).isEqualTo(1.0);
        // pixel (x, y) of shown image i is the reconstruction row's byte, not the clean or noisy input's
        int rows = 2 * AutoencoderLabTrainer.SHOWN * 64;
        for (int[] at : new int[][] {{0, 0, 0}, {3, 4, 5}, {9, 7, 7}}) {
            int i = at[0];
            int x = at[1];
            int y = at[2];
            assertThat(p.values()[y * p.cols() + i * 8 + x]).isEqualTo(in.grid()[rows + i * 64 + y * 8 + x]);
        }
        assertThat(p.values()).isNotEqualTo(java.util.Arrays.copyOfRange(in.grid(), 0, p.values().length));
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.SEQUENTIAL);
        assertThat(live.captionKey(in)).isEqualTo("classroom.dashboard.picture.autoencoder");
    }

    @Test
    void pointDataAndForeignInternalsGiveNoPicture() {
        assertThat(live.of(trained(ImageSetKind.CURVE_3D))).isEmpty();
        assertThat(live.of(null)).isEmpty();
        assertThat(live.of(42)).isEmpty();
    }
}
