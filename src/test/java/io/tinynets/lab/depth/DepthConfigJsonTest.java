package io.tinynets.lab.depth;

import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tinynets.lab.ConfigProblems.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepthConfigJsonTest {

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        for (DepthConfig config : List.of(
                new DepthConfig(DatasetKind.MOONS, 17, 5, List.of(Activation.ELU, Activation.LEAKY_RELU),
                        Initializer.HE, 0.047),
                new DepthConfig(DatasetKind.XOR, 1, 32, List.of(Activation.LINEAR), Initializer.XAVIER, 3.0))) {
            String json = DepthConfigJson.write(config);
            assertThat(json).startsWith("{\"version\":1,");
            assertThat(DepthConfigJson.read(json, DepthConfigJson.VERSION)).isEqualTo(config);
        }
    }

    @Test
    void outOfRangeAndMalformedFieldsAreNamed() {
        String json = DepthConfigJson.write(new DepthConfig(DatasetKind.CIRCLE, 10, 8,
                List.of(Activation.SIGMOID, Activation.RELU), Initializer.XAVIER, 0.1));
        refused(() -> DepthConfigJson.read(json.replace("\"depth\":10", "\"depth\":31"), 1),
                "experiments.config.range", "depth", 1, 30, 31);
        refused(() -> DepthConfigJson.read(json.replace("\"width\":8", "\"width\":8.5"), 1),
                "experiments.config.wholeNumber", "width");
        refused(() -> DepthConfigJson.read(json.replace("\"circle\"", "\"plane\""), 1), "experiments.config.key",
                "dataset", "plane");
        refused(() -> DepthConfigJson.read(json.replace("\"relu\"", "\"nope\""), 1), "experiments.config.key",
                "activations[1]", "nope");
        refused(() -> DepthConfigJson.read(json.replace("\"initializer\":\"xavier\",", ""), 1),
                "experiments.config.missing", "initializer");
        refused(() -> DepthConfigJson.read(json.replace("\"learningRate\":0.1", "\"learningRate\":0.0001"), 1),
                "experiments.config.range", "learningRate", "0.001", 10);
        refused(() -> DepthConfigJson.read(json, 3), "experiments.config.version", 3, 1);
        refused(() -> DepthConfigJson.read("nope", 1), "experiments.config.json");
    }

    @Test
    void savedWeightsRestartTheNetworksExactlyWhereTheCaptureWas() {
        DepthConfig config = new DepthConfig(DatasetKind.XOR, 3, 4, List.of(Activation.TANH, Activation.RELU),
                Initializer.XAVIER, 0.3);
        DepthTrainer trained = new DepthTrainer(config, 7);
        for (int i = 0; i < 5; i++) {
            trained.trainEpoch();
        }
        DepthInternals captured = trained.captureInternals();
        DepthTrainer continued = new DepthTrainer(config, 7, DepthTrainer.weightsJson(config, captured));
        DepthInternals again = continued.captureInternals();
        for (int n = 0; n < 2; n++) {
            assertThat(again.networks().get(n).loss()).isEqualTo(captured.networks().get(n).loss());
            assertThat(again.networks().get(n).parameters()).isDeepEqualTo(captured.networks().get(n).parameters());
        }
        DepthConfig wider = new DepthConfig(DatasetKind.XOR, 3, 5, config.activations(), Initializer.XAVIER, 0.3);
        assertThatThrownBy(() -> new DepthTrainer(wider, 7, DepthTrainer.weightsJson(config, captured)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("saved weights are for the network");
    }
}
