package io.tinynets.lab.sequence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.ConfigJsonFields;

import java.util.Arrays;
import java.util.Set;

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

    /**
     * Reads a config written by {@link #write} strictly; {@code version} is the experiment's config version. Every field
     * above must be there with its type and no other; the delay (delayed recall) or the length (the other tasks) in the
     * form's range, the other one a whole number it ignores; hidden, rate and clipping in range; a custom text of
     * {@code length + 1} to {@link NextCharacterTask#MAX_TEXT_LENGTH} characters with at most
     * {@link NextCharacterTask#MAX_ALPHABET} different ones. Any problem is an
     * {@link io.tinynets.experiment.ExperimentValidationException} naming the field; then {@link SequenceConfig#validate()}
     * holds.
     */
    public static SequenceConfig read(String json, int version) {
        ConfigJsonFields root = ConfigJsonFields.root(json, version, VERSION, FIELDS, Set.of());
        SequenceTaskKind task = root.key("task", SequenceTaskKind::fromKey);
        int delay = task.usesDelay()
                ? root.intIn("delay", SequenceConfig.MIN_DELAY, SequenceConfig.MAX_DELAY)
                : root.intIn("delay", Integer.MIN_VALUE, Integer.MAX_VALUE);
        int length = task.usesDelay()
                ? root.intIn("length", Integer.MIN_VALUE, Integer.MAX_VALUE)
                : root.intIn("length", SequenceConfig.MIN_LENGTH, SequenceConfig.MAX_LENGTH);
        // code points, so up to twice as many UTF-16 characters
        String customText = root.text("customText", 2 * NextCharacterTask.MAX_TEXT_LENGTH);
        if (task == SequenceTaskKind.CUSTOM_TEXT) {
            checkText(customText, length);
        }
        CellKind cell = root.key("cell", CellKind::fromKey);
        boolean race = root.bool("race");
        int hidden = root.intIn("hidden", SequenceConfig.MIN_HIDDEN, SequenceConfig.MAX_HIDDEN);
        OptimizerKind optimizer = root.key("optimizer", OptimizerKind::fromKey);
        double learningRate = root.numberAbove("learningRate", 0, SequenceConfig.MAX_LEARNING_RATE);
        double clipping = root.numberIn("clipping", 0, SequenceConfig.MAX_CLIPPING);
        boolean carryGateOpen = root.bool("carryGateOpen");
        SequenceConfig config = new SequenceConfig(task, delay, length, customText, cell, race, hidden, optimizer,
                learningRate, clipping, carryGateOpen);
        config.validate();
        return config;
    }

    static final Set<String> FIELDS = Set.of("task", "delay", "length", "customText", "cell", "race", "hidden",
            "optimizer", "learningRate", "clipping", "carryGateOpen");

    /** The checks of {@link NextCharacterTask#fromText}, each with its own message. */
    private static void checkText(String text, int window) {
        int[] cps = text.replace("\r\n", "\n").replace('\r', '\n').codePoints().toArray();
        if (text.isBlank() || cps.length < window + 1 || cps.length > NextCharacterTask.MAX_TEXT_LENGTH) {
            throw ConfigJsonFields.problem("experiments.config.textSize", "customText", cps.length, window + 1,
                    NextCharacterTask.MAX_TEXT_LENGTH);
        }
        long distinct = Arrays.stream(cps).distinct().count();
        if (distinct > NextCharacterTask.MAX_ALPHABET) {
            throw ConfigJsonFields.problem("experiments.config.alphabet", "customText", distinct,
                    NextCharacterTask.MAX_ALPHABET);
        }
    }
}
