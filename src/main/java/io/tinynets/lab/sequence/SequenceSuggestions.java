package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.training.lab.Suggestion;

import java.util.List;

import static io.tinynets.lab.sequence.SequenceConfigJson.CARRY_GATE_OPEN;
import static io.tinynets.lab.sequence.SequenceConfigJson.CELL;
import static io.tinynets.lab.sequence.SequenceConfigJson.DELAY;
import static io.tinynets.lab.sequence.SequenceConfigJson.RACE;
import static io.tinynets.lab.sequence.SequenceConfigJson.TASK;

/**
 * The sequence lab's "Try this" ({@code sequence.try.N}): each text's step as a change of the configuration, shared
 * by the lab's buttons and SequenceClaimsTest, which trains each step and checks what its text promises.
 */
public final class SequenceSuggestions {

    /** The view's default run seed (SequenceForm). */
    public static final long DEFAULT_SEED = 1;

    public static final List<Suggestion<SequenceConfig>> ALL = List.of(
            Suggestion.<SequenceConfig>of("sequence.try.1", c -> recall(c, 20, true, c.cell(), c.carryGateOpen()),
                    TASK, DELAY, RACE).andPlay(),
            Suggestion.<SequenceConfig>of("sequence.try.2", c -> recall(c, 5, true, c.cell(), c.carryGateOpen()),
                    TASK, DELAY, RACE).andPlay(),
            Suggestion.<SequenceConfig>of("sequence.try.3", c -> recall(c, 20, false, CellKind.LSTM,
                    c.carryGateOpen()), TASK, DELAY, RACE, CELL).andPlay(),
            Suggestion.<SequenceConfig>of("sequence.try.4", c -> recall(c, 20, true, c.cell(), false),
                    TASK, DELAY, RACE, CARRY_GATE_OPEN).andPlay(),
            Suggestion.<SequenceConfig>of("sequence.try.5", c -> new SequenceConfig(SequenceTaskKind.NEXT_CHARACTER,
                    c.delay(), c.length(), c.customText(), c.cell(), c.race(), c.hidden(), c.optimizer(),
                    c.learningRate(), c.clipping(), c.carryGateOpen()), TASK).andPlay());

    private SequenceSuggestions() {
    }

    private static SequenceConfig recall(SequenceConfig c, int delay, boolean race, CellKind cell, boolean carry) {
        return new SequenceConfig(SequenceTaskKind.DELAYED_RECALL, delay, c.length(), c.customText(), cell, race,
                c.hidden(), c.optimizer(), c.learningRate(), c.clipping(), carry);
    }
}
