package io.tinynets.lab.sequence;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static io.tinynets.lab.ConfigProblems.refused;

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
        refused(() -> SequenceConfigJson.read(json.replace("\"hidden\":16", "\"hidden\":65"), 1),
                "experiments.config.range", "hidden", 1, 64, 65);
        refused(() -> SequenceConfigJson.read(json.replace("\"delay\":20", "\"delay\":0"), 1),
                "experiments.config.range", "delay", 1, 100, 0);
        refused(() -> SequenceConfigJson.read(json.replace("\"learningRate\":0.01", "\"learningRate\":-1"), 1),
                "experiments.config.rangeAbove", "learningRate", 0, 10, -1);
        String text = SequenceConfigJson.write(new SequenceConfig(SequenceTaskKind.CUSTOM_TEXT, 20, 10, "hello world!",
                CellKind.GRU, false, 8, OptimizerKind.ADAM, 0.01, 1, true));
        refused(() -> SequenceConfigJson.read(text.replace("hello world!", "hi"), 1), "experiments.config.textSize",
                "customText", 2, 11);
    }

    @Test
    void malformedJsonNamesTheField() {
        String json = SequenceConfigJson.write(SequenceConfig.defaults());
        refused(() -> SequenceConfigJson.read(json.replace("\"hidden\":16", "\"hidden\":\"many\""), 1),
                "experiments.config.wholeNumber", "hidden");
        refused(() -> SequenceConfigJson.read(json.replace("\"task\":\"delayed_recall\",", ""), 1),
                "experiments.config.missing", "task");
        refused(() -> SequenceConfigJson.read(json.replace("\"lstm\"", "\"transformer\""), 1),
                "experiments.config.key", "cell", "transformer");
        refused(() -> SequenceConfigJson.read("[1,2]", 1), "experiments.config.json");
        refused(() -> SequenceConfigJson.read("{oops", 1), "experiments.config.json");
        refused(() -> SequenceConfigJson.read(json, 2), "experiments.config.version", 2, 1);
    }
}
