package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.Trainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AutoencoderLabTrainerTest {

    private static AutoencoderConfig config(ImageSetKind data, int bottleneck, AutoencoderNoise noise) {
        return new AutoencoderConfig(data, 200, new int[]{16}, bottleneck, Activation.TANH, false,
                AutoencoderLoss.MSE, noise, OptimizerKind.ADAM, 0.01);
    }

    @Test
    void sameSeedGivesTheSameCurve() {
        var factory = AutoencoderLabTrainer.factory(config(ImageSetKind.DIGITS_8, 2, AutoencoderNoise.gaussian(0.2)));
        Trainer<AutoencoderInternals> a = factory.create(5);
        Trainer<AutoencoderInternals> b = factory.create(5);
        for (int e = 0; e < 3; e++) {
            assertThat(a.trainEpoch().trainLoss()).isEqualTo(b.trainEpoch().trainLoss());
        }
    }

    @Test
    void internalsHoldThreeRowsOfImagesLatentPointsAndThePcaLine() {
        Trainer<AutoencoderInternals> t = AutoencoderLabTrainer.factory(
                config(ImageSetKind.DIGITS_8, 2, AutoencoderNoise.NONE)).create(1);
        double first = t.trainEpoch().trainLoss();
        for (int e = 0; e < 20; e++) {
            t.trainEpoch();
        }
        AutoencoderInternals in = t.captureInternals();
        assertThat(in.grid()).hasSize(3 * AutoencoderLabTrainer.SHOWN * 64);
        // without noise the noisy row equals the input row
        assertThat(java.util.Arrays.copyOfRange(in.grid(), 0, 640))
                .isEqualTo(java.util.Arrays.copyOfRange(in.grid(), 640, 1280));
        assertThat(in.latentX()).hasSize(200);
        assertThat(in.pcaError()).isPositive();
        assertThat(in.reconstructionError()).isLessThan(first);
        // for k = 2 the plane is the code itself: decoding at a point's plane position rebuilds that sample
        double[] plane = in.decoder().planeOf(in.shownSample(3));
        assertThat(plane[0]).isCloseTo(in.latentX()[3], within(1e-12));
    }

    /**
     * The capture encodes and reconstructs {@value AutoencoderLabTrainer#ROWS_PER_PIECE} rows a piece, and its codes
     * and error are exactly those of one pass over every row.
     */
    @Test
    void theCaptureInPiecesGivesWhatOnePassOverEveryRowGives() {
        AutoencoderConfig c = new AutoencoderConfig(ImageSetKind.DIGITS_8, 230, new int[]{16}, 2, Activation.TANH,
                false, AutoencoderLoss.MSE, AutoencoderNoise.NONE, OptimizerKind.ADAM, 0.01);
        AutoencoderLabTrainer t = new AutoencoderLabTrainer(c, 4);
        t.trainEpoch();
        io.tinynets.training.InternalsCapture<AutoencoderInternals> capture = t.startCapture();
        int pieces = 1;
        while (!capture.step()) {
            pieces++;
        }
        AutoencoderInternals in = capture.result();
        // 230 codes and 230 reconstructions, 50 rows a piece; the plane; the pictures
        assertThat(pieces).isEqualTo(5 + 1 + 5 + 1);

        io.tinynets.data.images.ImageSet data = c.data().generate(c.samples(), new java.util.SplittableRandom(4));
        io.tinynets.engine.model.Autoencoder model = in.decoder().frozenModelForTests();
        org.ejml.data.DMatrixRMaj codes = model.encode(data.samples()).copy();
        for (int i = 0; i < 230; i++) {
            assertThat(in.latentX()[i]).isEqualTo(codes.get(i, 0));
            assertThat(in.latentY()[i]).isEqualTo(codes.get(i, 1));
        }
        double[] out = model.forward(data.samples()).data;
        double[] target = data.samples().data;
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double diff = out[i] - target[i];
            sum += diff * diff;
        }
        assertThat(in.reconstructionError()).isEqualTo(sum / ((double) 230 * 64));
    }

    @Test
    void aWideCodeIsShownOnItsFirstTwoPrincipalComponents() {
        Trainer<AutoencoderInternals> t = AutoencoderLabTrainer.factory(
                config(ImageSetKind.SHAPES, 6, AutoencoderNoise.NONE)).create(2);
        t.trainEpoch();
        AutoencoderInternals in = t.captureInternals();
        double meanX = java.util.Arrays.stream(in.latentX()).average().orElseThrow();
        assertThat(meanX).isCloseTo(0.0, within(1e-9)); // PCA coordinates are centred
        assertThat(in.decoder().decodeAt(0.1, -0.2)).hasSize(256);
        assertThat(in.decoder().interpolate(in.shownSample(0), in.shownSample(1), 8)).hasNumberOfRows(8);
    }

    @Test
    void noiseLevelChangesLiveWithinTheKindsRange() {
        Trainer<AutoencoderInternals> t = AutoencoderLabTrainer.factory(
                config(ImageSetKind.DIGITS_8, 2, AutoencoderNoise.mask(0.2))).create(1);
        assertThat(t.hyperparameters()).singleElement()
                .satisfies(h -> assertThat(h.max()).isEqualTo(0.9));
        t.setHyperparameter(AutoencoderLabTrainer.NOISE_LEVEL, 0.5);
        assertThatThrownBy(() -> t.setHyperparameter("momentum", 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointsRefuseBinaryCrossEntropyWithAClearMessage() {
        assertThatThrownBy(() -> new AutoencoderConfig(ImageSetKind.CURVE_3D, 200, new int[0], 1, Activation.TANH,
                false, AutoencoderLoss.BINARY_CROSS_ENTROPY, AutoencoderNoise.NONE, OptimizerKind.ADAM, 0.01))
                .hasMessageContaining("use MSE for points");
    }

    @Test
    void aLinearActivationMakesTheWholeNetworkLinearUnlessCrossEntropyNeedsTheSigmoid() {
        AutoencoderConfig linear = new AutoencoderConfig(ImageSetKind.DIGITS_8, 200, new int[0], 4, Activation.LINEAR,
                false, AutoencoderLoss.MSE, AutoencoderNoise.NONE, OptimizerKind.ADAM, 0.01);
        assertThat(linear.spec(64).outputActivation()).isEqualTo(Activation.LINEAR);
        AutoencoderConfig bce = new AutoencoderConfig(ImageSetKind.DIGITS_8, 200, new int[0], 4, Activation.LINEAR,
                false, AutoencoderLoss.BINARY_CROSS_ENTROPY, AutoencoderNoise.NONE, OptimizerKind.ADAM, 0.01);
        assertThat(bce.spec(64).outputActivation()).isEqualTo(Activation.SIGMOID);
        assertThat(config(ImageSetKind.DIGITS_8, 2, AutoencoderNoise.NONE).spec(64).outputActivation())
                .isEqualTo(Activation.SIGMOID);
    }

    @Test
    void hiddenSizesParseFromCommaOrSpaceSeparatedText() {
        assertThat(AutoencoderConfig.parseHidden("32, 8")).containsExactly(32, 8);
        assertThat(AutoencoderConfig.parseHidden(" ")).isEmpty();
        assertThatThrownBy(() -> AutoencoderConfig.parseHidden("16, 300"))
                .hasMessage("each hidden size must be in 1..128, was 300");
    }
}
