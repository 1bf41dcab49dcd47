package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.training.lab.Suggestion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "Try this" of the autoencoder lab keeps its promise: each suggestion's step is applied to the lab's defaults
 * and trained headless with the lab's own trainer and the configuration's seed, and the figures the panels show (the
 * loss against the PCA line, the image rows) are checked against the text (autoencoder.try.N, English and Korean).
 * The first suggestion is the default network, whose promise AutoencoderClaimsTest checks.
 */
class AutoencoderTryThisClaimsTest {

    @Test
    void theFirstSuggestionIsTheDefaultNetworkWhoseClustersAutoencoderClaimsTestMeasures() {
        AutoencoderConfig c = suggestion(1).apply(AutoencoderConfig.defaults());
        assertThat(AutoencoderConfigJson.write(c)).isEqualTo(AutoencoderConfigJson.write(AutoencoderConfig.defaults()));
        assertThat(c.spec(64).layerSizes()).containsExactly(64, 32, 16, 2, 16, 32, 64);
    }

    /** "within 50 epochs the loss settles on the PCA line, within 3 % of it; back to tanh it drops below half". */
    @Test
    void aLinearAutoencoderLandsOnThePcaLineAndTanhGoesBelowIt() {
        AutoencoderConfig c = suggestion(2).apply(AutoencoderConfig.defaults());
        assertThat(c.activation()).isEqualTo(Activation.LINEAR);
        assertThat(c.bottleneck()).isEqualTo(4);
        AutoencoderInternals linear = train(c, 50);
        AutoencoderInternals tanh = train(new AutoencoderConfig(c.data(), c.samples(), c.hidden(), c.bottleneck(),
                Activation.TANH, c.tied(), c.loss(), c.noise(), c.optimizer(), c.learningRate(), c.seed(),
                c.linearCode()), 50);
        System.out.printf("bottleneck 4, 50 epochs: PCA %.5f, linear %.5f, tanh %.5f%n", linear.pcaError(),
                linear.reconstructionError(), tanh.reconstructionError());
        // PCA is the best a linear map can do: the linear network reaches it from above
        assertThat(linear.reconstructionError()).isBetween(0.99 * linear.pcaError(), 1.03 * linear.pcaError());
        assertThat(tanh.reconstructionError()).isLessThan(0.5 * tanh.pcaError());
    }

    /** "after 50 epochs the rebuilt row is at most two thirds as far from the clean row as the noisy row". */
    @Test
    void aDenoisingAutoencoderRebuildsCleanerThanItsInput() {
        AutoencoderConfig c = suggestion(3).apply(AutoencoderConfig.defaults());
        assertThat(c.noise()).isEqualTo(AutoencoderNoise.gaussian(0.4));
        AutoencoderInternals in = train(c, 50);
        byte[] grid = in.grid();
        int n = grid.length / 3;
        double noisy = 0;
        double rebuilt = 0;
        for (int i = 0; i < n; i++) {
            double clean = grid[i] & 0xff;
            noisy += Math.pow((grid[n + i] & 0xff) - clean, 2);
            rebuilt += Math.pow((grid[2 * n + i] & 0xff) - clean, 2);
        }
        System.out.printf("Gaussian noise 0.4, 50 epochs: squared distance to the clean row: noisy %.0f, rebuilt %.0f%n",
                noisy / n, rebuilt / n);
        assertThat(n).isPositive();
        assertThat(rebuilt).isLessThan(2.0 / 3 * noisy);
    }

    /** "within 50 epochs tanh rebuilds the roll with less than half of PCA's error; Linear stays on the PCA line". */
    @Test
    void theSwissRollUnrollsWhereAFlatProjectionCannot() {
        AutoencoderConfig c = suggestion(4).apply(AutoencoderConfig.defaults());
        assertThat(c.data()).isEqualTo(ImageSetKind.SURFACE_3D);
        assertThat(c.bottleneck()).isEqualTo(2);
        AutoencoderInternals tanh = train(c, 50);
        AutoencoderInternals linear = train(new AutoencoderConfig(c.data(), c.samples(), c.hidden(), 2,
                Activation.LINEAR, c.tied(), c.loss(), c.noise(), c.optimizer(), c.learningRate(), c.seed(),
                c.linearCode()), 50);
        System.out.printf("Swiss roll, bottleneck 2, 50 epochs: PCA %.4f, tanh %.4f, linear %.4f%n", tanh.pcaError(),
                tanh.reconstructionError(), linear.reconstructionError());
        assertThat(tanh.reconstructionError()).isLessThan(0.5 * tanh.pcaError());
        assertThat(linear.reconstructionError()).isGreaterThan(0.99 * linear.pcaError());
    }

    private static Suggestion<AutoencoderConfig> suggestion(int n) {
        Suggestion<AutoencoderConfig> s = AutoencoderSuggestions.ALL.get(n - 1);
        assertThat(s.key()).isEqualTo("autoencoder.try." + n);
        return s;
    }

    private static AutoencoderInternals train(AutoencoderConfig c, int epochs) {
        AutoencoderLabTrainer trainer = new AutoencoderLabTrainer(c, c.seed());
        for (int e = 0; e < epochs; e++) {
            trainer.trainEpoch();
        }
        return trainer.captureInternals();
    }
}
