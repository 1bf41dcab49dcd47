package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AutoencoderViewTest extends KaribuTest {

    private AutoencoderView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("autoencoder");
        view = _get(AutoencoderView.class);
    }

    @AfterEach
    void stop() {
        view.training.discard();
    }

    @Test
    void defaultsDrawTheMirroredHourglassWithItsCompressionRatio() {
        assertThat(view.panels.hourglass.getChildren().count()).isEqualTo(7); // 64-32-16-2-16-32-64
        assertThat(view.panels.compression.getText()).isEqualTo("64 inputs → 2 code numbers: compression ratio 32×");
        assertThat(view.controls.playButton().isEnabled()).isTrue();
    }

    @Test
    void editingTheEncoderMirrorsTheDecoder() {
        view.form.hidden.setValue("32, 8");
        view.form.bottleneck.setValue(4);
        assertThat(view.panels.hourglass.getChildren().count()).isEqualTo(7); // 64-32-8-4-8-32-64
        assertThat(view.panels.compression.getText()).contains("compression ratio 16×");
    }

    @Test
    void invalidHiddenSizesOrBottleneckDisablePlayWithAMessage() {
        view.form.hidden.setValue("16, abc");
        assertThat(view.form.hidden.isInvalid()).isTrue();
        assertThat(view.form.hidden.getErrorMessage()).contains("up to 3 whole numbers from 1 to 128");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        assertThat(view.ensureRun()).isFalse();
        view.form.hidden.setValue("16");
        view.form.bottleneck.setValue(33);
        assertThat(view.form.bottleneck.isInvalid()).isTrue();
        assertThat(view.form.bottleneck.getErrorMessage()).isEqualTo("Choose a bottleneck from 1 to 32");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
    }

    @Test
    void pointDataSwitchesTheLossToMeanSquaredError() {
        view.form.loss.setValue(AutoencoderLoss.BINARY_CROSS_ENTROPY);
        view.form.dataKind.setValue(ImageSetKind.SURFACE_3D);
        assertThat(view.form.loss.getValue()).isEqualTo(AutoencoderLoss.MSE);
        assertThat(view.panels.compression.getText()).startsWith("3 inputs");
    }

    @Test
    void trainingShowsReconstructionsLatentPointsAndThePcaLine() {
        view.form.noiseKind.setValue(AutoencoderNoise.Kind.GAUSSIAN);
        assertThat(view.ensureRun()).isTrue();
        view.training.step(3);
        awaitUi(Duration.ofSeconds(30), "three epochs with internals",
                () -> view.lastInternals() != null && view.panels.lossChart.pointCount(0) >= 3);
        assertThat(view.panels.lossChart.pointCount(1)).isEqualTo(view.panels.lossChart.pointCount(0));
        double pca = view.panels.lossChart.yValues(1)[0];
        assertThat(pca).isEqualTo(view.lastInternals().pcaError()).isPositive();
        // 3 rows (input, noisy, rebuilt) of 10 8×8 images
        assertThat(view.panels.samplesGrid.imageCount()).isEqualTo(30);
        assertThat(view.panels.samplesGrid.imageWidth()).isEqualTo(8);
        int differing = 0;
        for (int p = 0; p < 64; p++) {
            differing += view.panels.samplesGrid.pixel(0, p) != view.panels.samplesGrid.pixel(10, p) ? 1 : 0;
        }
        assertThat(differing).as("the noisy row differs from the clean row").isGreaterThan(30);
        assertThat(view.panels.explorer.latentPlane.pointCount()).isEqualTo(300);
        assertThat(view.panels.errorReadout.getText()).startsWith("Clean reconstruction error (MSE)");
    }

    @Test
    void decoderExplorerDrawsAtThePickedPointAndInterpolates() {
        view.panels.explorer.pick(0.1, 0.2);
        assertThat(view.panels.explorer.decodedText.getText())
                .isEqualTo("Train a little, then click or drag in the latent space, or type a point in Latent x and"
                        + " Latent y.");
        assertThat(view.ensureRun()).isTrue();
        view.training.step(2);
        awaitUi(Duration.ofSeconds(30), "internals", () -> view.lastInternals() != null);
        view.panels.explorer.pick(0.1, 0.2);
        assertThat(view.panels.explorer.decodedImage.imageCount()).isEqualTo(1);
        assertThat(view.panels.explorer.decodedText.getText()).isEqualTo("The decoder at (0.1, 0.2)");
        double[] expected = view.lastInternals().decoder().decodeAt(0.1, 0.2);
        assertThat(view.panels.explorer.decodedImage.pixel(0, 20)).isEqualTo(Math.round(expected[20] * 255));
        view.panels.explorer.interpolate.click();
        assertThat(view.panels.explorer.interpolation.imageCount()).isEqualTo(DecoderExplorer.INTERPOLATION_STEPS);
    }

    @Test
    void theLatentPointCanBeTypedInsteadOfDragged() {
        assertThat(view.ensureRun()).isTrue();
        view.training.step(2);
        awaitUi(Duration.ofSeconds(30), "internals", () -> view.lastInternals() != null);
        view.panels.explorer.pickX.setValue(-0.3);
        view.panels.explorer.pickY.setValue(0.4);
        assertThat(view.panels.explorer.decodedText.getText()).isEqualTo("The decoder at (-0.3, 0.4)");
        double[] expected = view.lastInternals().decoder().decodeAt(-0.3, 0.4);
        assertThat(view.panels.explorer.decodedImage.pixel(0, 20)).isEqualTo(Math.round(expected[20] * 255));
    }

    @Test
    void changingTheArchitectureDiscardsTheRun() {
        assertThat(view.ensureRun()).isTrue();
        assertThat(view.training.hasRun()).isTrue();
        view.form.activation.setValue(Activation.RELU);
        assertThat(view.training.hasRun()).isFalse();
        assertThat(view.runConfig()).isNull();
    }
}
