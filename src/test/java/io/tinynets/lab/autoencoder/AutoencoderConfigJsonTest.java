package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;

import static io.tinynets.lab.ConfigProblems.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoencoderConfigJsonTest {

    @Test
    void everyFieldSurvivesTheRoundTripSeedIncluded() {
        AutoencoderConfig c = new AutoencoderConfig(ImageSetKind.DIGITS_8, 600, new int[]{32, 8}, 3,
                Activation.RELU, true, AutoencoderLoss.BINARY_CROSS_ENTROPY,
                new AutoencoderNoise(AutoencoderNoise.Kind.values()[1], 0.25), OptimizerKind.SGD, 0.5, 12345);
        String json = AutoencoderConfigJson.write(c);
        assertThat(json).startsWith("{\"version\":1,").contains("\"seed\":12345");
        AutoencoderConfig back = AutoencoderConfigJson.read(json, 1);
        assertThat(back).isEqualTo(c);
        assertThat(back.hidden()).containsExactly(32, 8);
        assertThat(AutoencoderConfigJson.read(AutoencoderConfigJson.write(AutoencoderConfig.defaults()), 1))
                .isEqualTo(AutoencoderConfig.defaults());
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheFieldNamed() {
        String json = AutoencoderConfigJson.write(AutoencoderConfig.defaults());
        refused(() -> AutoencoderConfigJson.read(json.replace("\"bottleneck\":2", "\"bottleneck\":40"), 1),
                "experiments.config.range", "bottleneck", 1, 32, 40);
        refused(() -> AutoencoderConfigJson.read(json.replace("\"seed\":42", "\"seed\":-1"), 1),
                "experiments.config.range", "seed", 0, 2147483647, -1);
        refused(() -> AutoencoderConfigJson.read(json.replace("\"hidden\":[32,16]", "\"hidden\":[32,200]"), 1),
                "experiments.config.range", "hidden[1]", 1, 128, 200);
        refused(() -> AutoencoderConfigJson.read(json.replace("\"learningRate\":0.01", "\"learningRate\":3"), 1),
                "experiments.config.rangeAbove", "learningRate", 0, 1, 3);
        refused(() -> AutoencoderConfigJson.read(json.replace("\"loss\":\"mse\"", "\"loss\":\"bce\"")
                .replace("\"digits8\"", "\"curve3d\""), 1), "experiments.config.lossNeedsImages");
    }

    @Test
    void malformedJsonNamesTheField() {
        String json = AutoencoderConfigJson.write(AutoencoderConfig.defaults());
        refused(() -> AutoencoderConfigJson.read(json.replace("\"hidden\":[32,16]", "\"hidden\":\"16\""), 1),
                "experiments.config.list", "hidden");
        refused(() -> AutoencoderConfigJson.read(json.replace("\"seed\":42", "\"seed\":\"x\""), 1),
                "experiments.config.wholeNumber", "seed");
        refused(() -> AutoencoderConfigJson.read(json.replace(",\"tied\":false", ""), 1),
                "experiments.config.missing", "tied");
        refused(() -> AutoencoderConfigJson.read("{oops", 1), "experiments.config.json");
        refused(() -> AutoencoderConfigJson.read(json, 3), "experiments.config.version", 3, 1);
    }

    @Test
    void seedIsValidatedAndDrivesTheTrainer() {
        assertThatThrownBy(() -> AutoencoderConfig.defaults().withSeed(-5))
                .hasMessage("seed must be in 0..2147483647, was -5");
        AutoencoderConfig a = AutoencoderConfig.defaults().withSeed(1);
        double first = AutoencoderLabTrainer.factory(a).create(a.seed()).trainEpoch().trainLoss();
        double again = AutoencoderLabTrainer.factory(a).create(a.seed()).trainEpoch().trainLoss();
        double other = AutoencoderLabTrainer.factory(a).create(2).trainEpoch().trainLoss();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void weightsRoundTripExactlyAndWrongShapesAreRefused() {
        AutoencoderConfig c = AutoencoderConfig.defaults();
        AutoencoderLabTrainer trained = new AutoencoderLabTrainer(c, 3);
        trained.trainEpoch();
        String json = trained.captureInternals().decoder().weightsJson();
        AutoencoderLabTrainer resumed = new AutoencoderLabTrainer(c, 3, json);
        assertThat(resumed.captureInternals().decoder().weightsJson()).isEqualTo(json);
        AutoencoderConfig wider = new AutoencoderConfig(c.data(), c.samples(), new int[]{48, 16}, c.bottleneck(),
                c.activation(), c.tied(), c.loss(), c.noise(), c.optimizer(), c.learningRate(), c.seed());
        // the trainer makes its model while it prepares (in pieces on the runtime's pool), and refuses them there
        AutoencoderLabTrainer misfit = new AutoencoderLabTrainer(wider, 3, json);
        assertThatThrownBy(misfit::trainEpoch).hasMessage("encoder.0.weight must be 48x64, was 32x64");
        // the factory's check refuses them before any run is built
        assertThatThrownBy(() -> AutoencoderLabTrainer.factory(wider, json).check())
                .hasMessage("encoder.0.weight must be 48x64, was 32x64");
    }
}
