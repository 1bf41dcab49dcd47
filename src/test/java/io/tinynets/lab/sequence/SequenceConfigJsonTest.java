package io.tinynets.lab.sequence;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceConfigJsonTest {

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        SequenceConfig c = new SequenceConfig(SequenceTaskKind.CUSTOM_TEXT, 7, 12, "hello tiny nets, hello again",
                CellKind.GRU, false, 24, OptimizerKind.SGD, 0.125, 0.0, false);
        String json = SequenceConfigJson.write(c);
        assertThat(json).startsWith("{\"version\":1,");
        assertThat(SequenceConfigJson.read(json, 1)).isEqualTo(c);
        assertThat(SequenceConfigJson.read(SequenceConfigJson.write(SequenceConfig.defaults()), 1))
                .isEqualTo(SequenceConfig.defaults());
    }

    @Test
    void outOfRangeValuesAreRefusedLikeTheForm() {
        String json = SequenceConfigJson.write(SequenceConfig.defaults());
        assertThatThrownBy(() -> SequenceConfigJson.read(json.replace("\"hidden\":16", "\"hidden\":65"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hidden must be in 1..64, was 65");
        assertThatThrownBy(() -> SequenceConfigJson.read(json.replace("\"delay\":20", "\"delay\":0"), 1))
                .hasMessage("delay must be in 1..100, was 0");
        assertThatThrownBy(() -> SequenceConfigJson.read(json.replace("\"learningRate\":0.01",
                "\"learningRate\":-1"), 1)).hasMessageStartingWith("learning rate must be in (0, 10.0]");
    }

    @Test
    void malformedJsonNamesTheField() {
        String json = SequenceConfigJson.write(SequenceConfig.defaults());
        assertThatThrownBy(() -> SequenceConfigJson.read(json.replace("\"hidden\":16", "\"hidden\":\"many\""), 1))
                .hasMessage("hidden must be a whole number, was \"many\"");
        assertThatThrownBy(() -> SequenceConfigJson.read(json.replace("\"task\":\"delayed_recall\",", ""), 1))
                .hasMessage("task is missing");
        assertThatThrownBy(() -> SequenceConfigJson.read(json.replace("\"lstm\"", "\"transformer\""), 1))
                .hasMessage("cell must be rnn, lstm or gru, was \"transformer\"");
        assertThatThrownBy(() -> SequenceConfigJson.read("[1,2]", 1)).hasMessage("sequence config must be a JSON object");
        assertThatThrownBy(() -> SequenceConfigJson.read("{oops", 1)).hasMessage("sequence config is not valid JSON");
        assertThatThrownBy(() -> SequenceConfigJson.read(json, 2)).hasMessage("sequence config version must be 1, was 2");
    }
}
