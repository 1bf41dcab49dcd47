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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void anOutOfRangeValueIsRefusedWithTheConfigsOwnMessage() {
        String json = PlaygroundConfigJson.write(unusual(), null).replace("\"batchSize\":7", "\"batchSize\":500");
        assertThatThrownBy(() -> PlaygroundConfigJson.read(json, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be in 1..100, was 500");
    }

    @Test
    void malformedFieldsAreNamed() {
        String json = PlaygroundConfigJson.write(unusual(), null);
        assertThatThrownBy(() -> PlaygroundConfigJson.read(json.replace("\"relu\"", "\"swish\""), 1))
                .hasMessage("activations has the unknown key 'swish'");
        assertThatThrownBy(() -> PlaygroundConfigJson.read(json.replace("\"points\":321", "\"points\":\"many\""), 1))
                .hasMessageStartingWith("points must be a whole number, was ");
        assertThatThrownBy(() -> PlaygroundConfigJson.read(json.replace("\"learningRate\":0.0123,", ""), 1))
                .hasMessageStartingWith("learningRate must be a finite number, was ");
        assertThatThrownBy(() -> PlaygroundConfigJson.read("[1,2]", 1))
                .hasMessage("playground config must be a JSON object");
        assertThatThrownBy(() -> PlaygroundConfigJson.read("{nope", 1))
                .hasMessage("playground config is not valid JSON");
        assertThatThrownBy(() -> PlaygroundConfigJson.read(json, 2))
                .hasMessage("playground config version must be 1, was 2");
    }
}
