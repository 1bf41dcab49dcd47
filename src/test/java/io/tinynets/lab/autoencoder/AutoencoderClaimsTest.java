package io.tinynets.lab.autoencoder;

import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latent space keeps the promise of the lab's first "Try this": the default network, trained headless through
 * the lab's own trainer with the default seed, separates the digits into clusters (measured as nearest-neighbour
 * label agreement in the code space), and its linear code does not pile up at tanh's ±1. Configs saved before the
 * linear code existed still mean what they meant.
 */
class AutoencoderClaimsTest {

    @Test
    void theDefaultNetworkSeparatesTheDigitsIntoClustersWithin200Epochs() {
        AutoencoderConfig c = AutoencoderConfig.defaults();
        AutoencoderLabTrainer trainer = new AutoencoderLabTrainer(c, c.seed());
        CodeNeighbours before = trainer.captureInternals().neighbours();
        for (int e = 0; e < 200; e++) {
            trainer.trainEpoch();
        }
        AutoencoderInternals in = trainer.captureInternals();
        CodeNeighbours after = in.neighbours();
        System.out.printf("5-NN label agreement in the code space: %.3f at the start, %.3f after 200 epochs "
                + "(chance %.3f)%n", before.agreement(), after.agreement(), after.chance());
        // "more than half of each point's 5 nearest neighbours share its digit (chance: 10 %)"
        assertThat(after.chance()).isBetween(0.08, 0.12);
        assertThat(after.agreement()).isGreaterThan(0.5).isGreaterThan(before.agreement() + 0.2);
        // the codes spread out: far fewer than half of them on the rim of the square they are drawn in
        assertThat(rimShare(in.latentX(), in.latentY())).isLessThan(0.2);
    }

    @Test
    void theDefaultCodeIsLinearAndTheHiddenLayersStayTanh() {
        AutoencoderSpec spec = AutoencoderConfig.defaults().spec(64);
        assertThat(spec.codeActivation()).isEqualTo(Activation.LINEAR);
        assertThat(spec.activation()).isEqualTo(Activation.TANH);
        assertThat(spec.outputActivation()).isEqualTo(Activation.SIGMOID);
        assertThat(spec.layerSizes()).containsExactly(64, 32, 16, 2, 16, 32, 64);
    }

    @Test
    void aConfigSavedBeforeTheLinearCodeExistedReopensWithItsTanhCode() {
        // the default of the earlier release, as an experiment of that time stored it
        String saved = "{\"version\":1,\"data\":\"digits8\",\"samples\":1000,\"hidden\":[16],\"bottleneck\":2,"
                + "\"activation\":\"tanh\",\"tied\":false,\"loss\":\"mse\",\"noise\":\"none\",\"noiseLevel\":0.0,"
                + "\"optimizer\":\"adam\",\"learningRate\":0.01,\"seed\":42}";
        AutoencoderConfig old = AutoencoderConfigJson.read(saved, 1);
        assertThat(old.linearCode()).isFalse();
        assertThat(old.spec(64).codeActivation()).isEqualTo(Activation.TANH);
        assertThat(old.hidden()).containsExactly(16);
        // written again it says so explicitly, and reads back the same
        String again = AutoencoderConfigJson.write(old);
        assertThat(again).contains("\"linearCode\":false");
        assertThat(AutoencoderConfigJson.read(again, 1)).isEqualTo(old);
        // and it replays exactly as before: the same curve as a config built without the option
        AutoencoderConfig legacy = new AutoencoderConfig(old.data(), old.samples(), old.hidden(), old.bottleneck(),
                old.activation(), old.tied(), old.loss(), old.noise(), old.optimizer(), old.learningRate(),
                old.seed());
        AutoencoderLabTrainer a = new AutoencoderLabTrainer(old, 42);
        AutoencoderLabTrainer b = new AutoencoderLabTrainer(legacy, 42);
        for (int e = 0; e < 3; e++) {
            assertThat(a.trainEpoch().trainLoss()).isEqualTo(b.trainEpoch().trainLoss());
        }
        // its codes are tanh's: inside [-1, 1]
        for (double x : a.captureInternals().latentX()) {
            assertThat(Math.abs(x)).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void theLinearCodeSurvivesTheRoundTripAndAWrongTypeIsRefused() {
        String json = AutoencoderConfigJson.write(AutoencoderConfig.defaults());
        assertThat(json).contains("\"linearCode\":true");
        assertThat(AutoencoderConfigJson.read(json, 1).linearCode()).isTrue();
        io.tinynets.lab.ConfigProblems.refused(() -> AutoencoderConfigJson.read(
                json.replace("\"linearCode\":true", "\"linearCode\":\"yes\""), 1),
                "experiments.config.bool", "linearCode");
    }

    @Test
    void neighbourAgreementCountsSameLabelNeighboursAndKnowsChance() {
        // two tight clusters far apart: every neighbour shares the label
        double[] codes = new double[24];
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            labels[i] = i < 6 ? 0 : 1;
            codes[2 * i] = (i < 6 ? 0 : 100) + i * 0.01;
            codes[2 * i + 1] = i * 0.01;
        }
        CodeNeighbours n = CodeNeighbours.of(codes, 2, labels);
        assertThat(n.agreement()).isEqualTo(1.0);
        assertThat(n.chance()).isEqualTo(2 * 6 * 5 / (12.0 * 11));
        // the same points with alternating labels along one line: at most 3 of 5 neighbours share a label
        int[] mixed = new int[12];
        for (int i = 0; i < 12; i++) {
            mixed[i] = i % 2;
        }
        assertThat(CodeNeighbours.of(codes, 2, mixed).agreement()).isLessThan(0.6);
        assertThat(CodeNeighbours.of(new double[2], 2, new int[]{0}).measured()).isFalse();
    }

    /** Share of points within 2 % of the border of their bounding box on either axis, per axis beyond the extremes. */
    private static double rimShare(double[] x, double[] y) {
        double[] rx = range(x);
        double[] ry = range(y);
        int rim = 0;
        for (int i = 0; i < x.length; i++) {
            boolean nearX = x[i] - rx[0] < 0.02 * (rx[1] - rx[0]) || rx[1] - x[i] < 0.02 * (rx[1] - rx[0]);
            boolean nearY = y[i] - ry[0] < 0.02 * (ry[1] - ry[0]) || ry[1] - y[i] < 0.02 * (ry[1] - ry[0]);
            if (nearX || nearY) {
                rim++;
            }
        }
        return (double) rim / x.length;
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return new double[]{lo, hi};
    }
}
