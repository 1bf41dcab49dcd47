package io.tinynets.lab.playground;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.data.Point2D;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static io.tinynets.lab.ConfigProblems.refused;

class PlaygroundConfigJsonTest {

    private static PlaygroundConfig unusual() {
        return new PlaygroundConfig(DatasetKind.SPIRAL, 321, 0.17, 0.7, 7, 424242,
                List.of(Feature.X1, Feature.SIN_X2, Feature.X1_TIMES_X2), List.of(8, 3, 1),
                List.of(Activation.RELU, Activation.SIGMOID, Activation.LINEAR), OutputLoss.SIGMOID_BINARY_CROSS_ENTROPY,
                Initializer.HE, OptimizerKind.ADAM, 0.0123, RegularizationKind.L2, 0.004);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        PlaygroundConfig config = unusual();
        PlaygroundConfigJson.Saved back = PlaygroundConfigJson.read(PlaygroundConfigJson.write(config, null),
                PlaygroundConfigJson.VERSION);
        assertThat(back.config()).isEqualTo(config);
        assertThat(back.customData()).isNull();
        assertThat(PlaygroundConfigJson.write(config, null)).startsWith("{\"version\":1,");
    }

    @Test
    void theStudentsOwnPointsTravelWithTheConfig() {
        Dataset2D own = new Dataset2D(List.of(new Point2D(0.1, -2.5, 1), new Point2D(1.0 / 3, 4, 0)),
                List.of(new Point2D(-1, 1e-9, 1)), 2);
        PlaygroundConfigJson.Saved back = PlaygroundConfigJson.read(
                PlaygroundConfigJson.write(PlaygroundConfig.defaults(), own), 1);
        assertThat(back.config()).isEqualTo(PlaygroundConfig.defaults());
        assertThat(back.customData()).isEqualTo(own);
    }

    @Test
    void anOutOfRangeValueIsRefusedNamingTheFieldAndItsRange() {
        String json = PlaygroundConfigJson.write(unusual(), null).replace("\"batchSize\":7", "\"batchSize\":500");
        refused(() -> PlaygroundConfigJson.read(json, 1), "experiments.config.range", "batchSize", 1, 100, 500);
    }

    @Test
    void malformedFieldsAreNamed() {
        String json = PlaygroundConfigJson.write(unusual(), null);
        refused(() -> PlaygroundConfigJson.read(json.replace("\"relu\"", "\"swish\""), 1), "experiments.config.key",
                "activations[0]", "swish");
        refused(() -> PlaygroundConfigJson.read(json.replace("\"points\":321", "\"points\":\"many\""), 1),
                "experiments.config.wholeNumber", "points");
        refused(() -> PlaygroundConfigJson.read(json.replace("\"learningRate\":0.0123,", ""), 1),
                "experiments.config.missing", "learningRate");
        refused(() -> PlaygroundConfigJson.read(json.replace("\"noise\":0.17", "\"noise\":0.17,\"extra\":{}"), 1),
                "experiments.config.unknownField", "extra");
        refused(() -> PlaygroundConfigJson.read("[1,2]", 1), "experiments.config.json");
        refused(() -> PlaygroundConfigJson.read("{nope", 1), "experiments.config.json");
        refused(() -> PlaygroundConfigJson.read(json, 2), "experiments.config.version", 2, 1);
        refused(() -> PlaygroundConfigJson.read(json.replace("[8,3,1]", "[8,3]"), 1), "experiments.config.listSize",
                "activations", 2, 2, 3);
    }

    /** The crafted import of issue 15: a class list of 10⁸ and points no data set can hold are refused, not built. */
    @Test
    void craftedCustomDataIsRefusedBeforeAnythingIsBuilt() {
        Dataset2D own = new Dataset2D(List.of(new Point2D(0.1, -2.5, 1), new Point2D(1.0 / 3, 4, 0)), List.of(), 2);
        String json = PlaygroundConfigJson.write(PlaygroundConfig.defaults(), own);
        refused(() -> PlaygroundConfigJson.read(json.replace("\"classes\":2", "\"classes\":100000000"), 1),
                "experiments.config.range", "customData.classes", 0, 10, 100000000);
        refused(() -> PlaygroundConfigJson.read(json.replace("[0.1,-2.5,1.0]", "[0.1,-2.5,7]"), 1),
                "experiments.config.label", "customData.train[0]", 7, 1);
        refused(() -> PlaygroundConfigJson.read(json.replace("[0.1,-2.5,1.0]", "[1e400,-2.5,1]"), 1),
                "experiments.config.point", "customData.train[0]");
        refused(() -> PlaygroundConfigJson.read(json.replace("[0.1,-2.5,1.0]", "[0.1,-2.5,0.5]"), 1),
                "experiments.config.label", "customData.train[0]");
        refused(() -> PlaygroundConfigJson.read(json.replace("\"classes\":2", "\"classes\":1"), 1),
                "experiments.config.classes", "customData.classes");
    }
}
