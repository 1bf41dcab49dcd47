package io.tinynets.lab.sequence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;

import static io.tinynets.lab.ConfigJsonFields.field;
import static io.tinynets.lab.ConfigJsonFields.integer;
import static io.tinynets.lab.ConfigJsonFields.number;
import static io.tinynets.lab.ConfigJsonFields.bool;
import static io.tinynets.lab.ConfigJsonFields.text;

/**
 * The sequence lab's config as versioned JSON, the form a saved experiment keeps. Reading applies the same
 * {@link SequenceConfig#validate()} as the form, so a stored or imported config can never start a run the form would
 * have refused; every problem names its field.
 */
public final class SequenceConfigJson {

    /** The schema written today; {@link #read} accepts this version. */
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SequenceConfigJson() {
    }

    public static String write(SequenceConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("task", c.task().key());
        root.put("delay", c.delay());
        root.put("length", c.length());
        root.put("customText", c.customText());
        root.put("cell", c.cell().key());
        root.put("race", c.race());
        root.put("hidden", c.hidden());
        root.put("optimizer", c.optimizer().key());
        root.put("learningRate", c.learningRate());
        root.put("clipping", c.clipping());
        root.put("carryGateOpen", c.carryGateOpen());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a config written by {@link #write}; {@code version} is the experiment's config version. */
    public static SequenceConfig read(String json, int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("sequence config version must be " + VERSION + ", was " + version);
        }
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sequence config is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("sequence config must be a JSON object");
        }
        int v = integer(root, "version");
        if (v != VERSION) {
            throw new IllegalArgumentException("version must be " + VERSION + ", was " + v);
        }
        SequenceTaskKind task = SequenceTaskKind.fromKey(text(root, "task"))
                .orElseThrow(() -> new IllegalArgumentException("task must be one of delayed_recall, noisy_sine, "
                        + "adding, next_character, custom_text, was " + root.get("task")));
        CellKind cell = CellKind.fromKey(text(root, "cell"))
                .orElseThrow(() -> new IllegalArgumentException("cell must be rnn, lstm or gru, was "
                        + root.get("cell")));
        OptimizerKind optimizer = OptimizerKind.fromKey(text(root, "optimizer"))
                .orElseThrow(() -> new IllegalArgumentException("optimizer is unknown: " + root.get("optimizer")));
        SequenceConfig config = new SequenceConfig(task, integer(root, "delay"), integer(root, "length"),
                text(root, "customText"), cell, bool(root, "race"), integer(root, "hidden"), optimizer,
                number(root, "learningRate"), number(root, "clipping"), bool(root, "carryGateOpen"));
        config.validate();
        return config;
    }
}
