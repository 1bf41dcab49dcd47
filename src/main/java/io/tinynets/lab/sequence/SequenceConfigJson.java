package io.tinynets.lab.sequence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.ConfigJsonFields;
import io.tinynets.training.lab.LabConfigCodec;

import java.util.Arrays;
import java.util.Set;

/**
 * The sequence lab's config as versioned JSON, the form a saved experiment keeps. Reading applies the same
 * {@link SequenceConfig#validate()} as the form, so a stored or imported config can never start a run the form would
 * have refused; every problem names its field.
 */
public final class SequenceConfigJson {

    /** The lab's key: its route, and the lab experiments and assignments name. */
    public static final String LAB = "sequence";
    /** The schema written today; {@link #read} accepts this version. */
    public static final int VERSION = 1;

    // the fields, which are also the configuration paths an assignment locks
    public static final String TASK = "task";
    public static final String DELAY = "delay";
    public static final String LENGTH = "length";
    public static final String CUSTOM_TEXT = "customText";
    public static final String CELL = "cell";
    public static final String RACE = "race";
    public static final String HIDDEN = "hidden";
    public static final String OPTIMIZER = "optimizer";
    public static final String LEARNING_RATE = "learningRate";
    public static final String CLIPPING = "clipping";
    public static final String CARRY_GATE_OPEN = "carryGateOpen";
    /** Not a field of the JSON (the run's seed is the experiment's own), but a path an assignment fixes. */
    public static final String SEED = "seed";

    static final Set<String> FIELDS = Set.of(TASK, DELAY, LENGTH, CUSTOM_TEXT, CELL, RACE, HIDDEN, OPTIMIZER,
            LEARNING_RATE, CLIPPING, CARRY_GATE_OPEN);

    /** This codec as the frame and the experiment features see it; "seed" is lockable too. */
    public static final LabConfigCodec<SequenceConfig> CODEC = LabConfigCodec.of(LAB, VERSION,
            SequenceConfigJson::write, SequenceConfigJson::read, Set.of(TASK, DELAY, LENGTH, CUSTOM_TEXT, CELL, RACE,
                    HIDDEN, OPTIMIZER, LEARNING_RATE, CLIPPING, CARRY_GATE_OPEN, SEED));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SequenceConfigJson() {
    }

    public static String write(SequenceConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put(TASK, c.task().key());
        root.put(DELAY, c.delay());
        root.put(LENGTH, c.length());
        root.put(CUSTOM_TEXT, c.customText());
        root.put(CELL, c.cell().key());
        root.put(RACE, c.race());
        root.put(HIDDEN, c.hidden());
        root.put(OPTIMIZER, c.optimizer().key());
        root.put(LEARNING_RATE, c.learningRate());
        root.put(CLIPPING, c.clipping());
        root.put(CARRY_GATE_OPEN, c.carryGateOpen());
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
        SequenceTaskKind task = root.key(TASK, SequenceTaskKind::fromKey);
        int delay = task.usesDelay()
                ? root.intIn(DELAY, SequenceConfig.MIN_DELAY, SequenceConfig.MAX_DELAY)
                : root.intIn(DELAY, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int length = task.usesDelay()
                ? root.intIn(LENGTH, Integer.MIN_VALUE, Integer.MAX_VALUE)
                : root.intIn(LENGTH, SequenceConfig.MIN_LENGTH, SequenceConfig.MAX_LENGTH);
        // code points, so up to twice as many UTF-16 characters
        String customText = root.text(CUSTOM_TEXT, 2 * NextCharacterTask.MAX_TEXT_LENGTH);
        if (task == SequenceTaskKind.CUSTOM_TEXT) {
            checkText(customText, length);
        }
        CellKind cell = root.key(CELL, CellKind::fromKey);
        boolean race = root.bool(RACE);
        int hidden = root.intIn(HIDDEN, SequenceConfig.MIN_HIDDEN, SequenceConfig.MAX_HIDDEN);
        OptimizerKind optimizer = root.key(OPTIMIZER, OptimizerKind::fromKey);
        double learningRate = root.numberAbove(LEARNING_RATE, 0, SequenceConfig.MAX_LEARNING_RATE);
        double clipping = root.numberIn(CLIPPING, 0, SequenceConfig.MAX_CLIPPING);
        boolean carryGateOpen = root.bool(CARRY_GATE_OPEN);
        SequenceConfig config = new SequenceConfig(task, delay, length, customText, cell, race, hidden, optimizer,
                learningRate, clipping, carryGateOpen);
        config.validate();
        return config;
    }

    /** The checks of {@link NextCharacterTask#fromText}, each with its own message. */
    private static void checkText(String text, int window) {
        int[] cps = text.replace("\r\n", "\n").replace('\r', '\n').codePoints().toArray();
        if (text.isBlank() || cps.length < window + 1 || cps.length > NextCharacterTask.MAX_TEXT_LENGTH) {
            throw ConfigJsonFields.problem("experiments.config.textSize", CUSTOM_TEXT, cps.length, window + 1,
                    NextCharacterTask.MAX_TEXT_LENGTH);
        }
        long distinct = Arrays.stream(cps).distinct().count();
        if (distinct > NextCharacterTask.MAX_ALPHABET) {
            throw ConfigJsonFields.problem("experiments.config.alphabet", CUSTOM_TEXT, distinct,
                    NextCharacterTask.MAX_ALPHABET);
        }
    }
}
