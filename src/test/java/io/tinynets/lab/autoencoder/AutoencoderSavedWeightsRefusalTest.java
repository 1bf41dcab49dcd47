package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Corrupt or misfitting saved weights are refused with the same message by the factory's check (before any run is
 * built) and by a continued run that reads them in pieces while it prepares.
 */
class AutoencoderSavedWeightsRefusalTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AutoencoderConfig CONFIG = new AutoencoderConfig(ImageSetKind.DIGITS_8, 120, new int[]{12}, 2,
            Activation.TANH, false, AutoencoderLoss.MSE, AutoencoderNoise.NONE, OptimizerKind.ADAM, 0.01);
    private static String valid;

    @BeforeAll
    static void save() {
        AutoencoderLabTrainer t = new AutoencoderLabTrainer(CONFIG, 5);
        t.trainEpoch();
        valid = t.captureInternals().decoder().weightsJson();
    }

    private static Arguments edited(String message, Consumer<ObjectNode> edit) {
        return arguments(message, edit);
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                edited("saved weights must be an object with version 1 and params", root -> root.put("version", 2)),
                edited("saved weights must be an object with version 1 and params", root -> root.put("params", 3)),
                edited("saved weights hold 7 parameters, this network 8",
                        root -> ((ObjectNode) root.get("params")).remove("decoder.0.bias")),
                edited("saved weights lack encoder.0.weight", root -> {
                    ObjectNode params = (ObjectNode) root.get("params");
                    params.set("encoder.9.weight", params.remove("encoder.0.weight"));
                }),
                edited("encoder.0.weight must be 12x64, was 13x64",
                        root -> ((ObjectNode) root.get("params").get("encoder.0.weight")).put("rows", 13)),
                edited("encoder.1.weight must be 2x12, was 2x12",
                        root -> ((ArrayNode) root.get("params").get("encoder.1.weight").get("data")).remove(5)),
                edited("decoder.0.bias holds a value that is not a finite number",
                        root -> ((ArrayNode) root.get("params").get("decoder.0.bias").get("data")).set(3, "NaN")),
                edited("encoder.0.weight holds a value that is not a finite number",
                        root -> ((ArrayNode) root.get("params").get("encoder.0.weight").get("data"))
                                .set(0, new java.math.BigDecimal("1e400"))),
                edited("optimizer state 'steps' must be a whole number >= 0, was -1",
                        root -> ((ObjectNode) root.get("optimizer")).put("steps", -1)),
                edited("saved weights' epochs must be a whole number in 0..1000000, was -3",
                        root -> root.put("epochs", -3)),
                edited("saved weights' epochs must be a whole number in 0..1000000, was \"x\"",
                        root -> root.put("epochs", "x")));
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void corruptSavedWeightsAreRefusedWithTheSameMessage(String message, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(valid);
        edit.accept(root);
        assertRefused(MAPPER.writeValueAsString(root), message);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void textsThatAreNotSavedWeightsAreRefused(String json, String message) {
        assertRefused(json, message);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments("{\"version\":1,\"params\":{", "saved weights are not valid JSON"),
                arguments("[1,2]", "saved weights must be an object with version 1 and params"),
                arguments("", "saved weights must be an object with version 1 and params"));
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> AutoencoderLabTrainer.factory(CONFIG, json).check())
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        AutoencoderLabTrainer continued = new AutoencoderLabTrainer(CONFIG, 5, json);
        assertThatThrownBy(() -> {
            while (continued.prepare()) {
                // piece by piece, as on the runtime's pool
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
