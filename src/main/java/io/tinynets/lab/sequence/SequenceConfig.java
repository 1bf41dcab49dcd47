package io.tinynets.lab.sequence;

import io.tinynets.data.sequence.AddingTask;
import io.tinynets.data.sequence.DelayedRecallTask;
import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.data.sequence.NoisySineTask;
import io.tinynets.data.sequence.SequenceTask;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything that defines a sequence-lab run. A run is rebuilt from this and a seed, so the same config and seed
 * give the same curves.
 *
 * @param task          what to learn
 * @param delay         D for delayed recall, 1..100 (the sequence is D + 1 steps)
 * @param length        steps per sequence for the other tasks, 2..200
 * @param customText    the student's text for {@link SequenceTaskKind#CUSTOM_TEXT}; ignored otherwise
 * @param cell          the cell trained alone, and the one whose gates are shown in a race
 * @param race          train RNN, LSTM and GRU side by side on the same batches
 * @param hidden        hidden units, 1..64
 * @param optimizer     optimizer of every model
 * @param learningRate  (0, 10]
 * @param clipping      global gradient-norm limit, 0 = no clipping, else (0, 100]
 * @param carryGateOpen start the LSTM forget gate and the GRU update gate with bias 3 (keep ≈ 95 % per step)
 */
public record SequenceConfig(SequenceTaskKind task, int delay, int length, String customText, CellKind cell,
                             boolean race, int hidden, OptimizerKind optimizer, double learningRate, double clipping,
                             boolean carryGateOpen) {

    public static final int MIN_DELAY = 1;
    public static final int MAX_DELAY = DelayedRecallTask.MAX_DELAY;
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 200;
    public static final int MIN_HIDDEN = 1;
    public static final int MAX_HIDDEN = 64;
    public static final double MAX_LEARNING_RATE = 10;
    public static final double MAX_CLIPPING = 100;
    /** Symbols of delayed recall: chance is 1/8. */
    public static final int SYMBOLS = 8;
    /** The bias the carry-gate option sets: σ(3) ≈ 0.95 kept per step. */
    public static final double CARRY_GATE_BIAS = 3.0;

    /** The classroom default: race on delayed recall D = 20, hidden 16, Adam 0.01, clipping 1, carry gates open. */
    public static SequenceConfig defaults() {
        return new SequenceConfig(SequenceTaskKind.DELAYED_RECALL, 20, 30, "", CellKind.LSTM, true, 16,
                OptimizerKind.ADAM, 0.01, 1.0, true);
    }

    public SequenceConfig {
        if (task == null || cell == null || optimizer == null) {
            throw new IllegalArgumentException("task, cell and optimizer must be chosen");
        }
        customText = customText == null ? "" : customText;
    }

    /**
     * Throws an IllegalArgumentException naming the first invalid field and its allowed range; does nothing when
     * every field is valid.
     */
    public void validate() {
        if (task.usesDelay()) {
            range("delay", delay, MIN_DELAY, MAX_DELAY);
        } else {
            range("length", length, MIN_LENGTH, MAX_LENGTH);
        }
        range("hidden", hidden, MIN_HIDDEN, MAX_HIDDEN);
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learning rate must be in (0, " + MAX_LEARNING_RATE + "], was "
                    + learningRate);
        }
        if (!(clipping >= 0 && clipping <= MAX_CLIPPING)) {
            throw new IllegalArgumentException("clipping must be 0 (off) or in (0, " + MAX_CLIPPING + "], was "
                    + clipping);
        }
        if (task == SequenceTaskKind.CUSTOM_TEXT) {
            NextCharacterTask.fromText(customText, length); // throws with the data package's message
        }
    }

    /** Steps per sequence. */
    public int steps() {
        return task.usesDelay() ? delay + 1 : length;
    }

    /** The cells this config trains: all three in a race, else only {@link #cell}. */
    public List<CellKind> cells() {
        return race ? List.of(CellKind.RNN, CellKind.LSTM, CellKind.GRU) : List.of(cell);
    }

    /** The data task; draws the sine's noise from {@code random} (the only task with fixed random data). */
    public SequenceTask createTask(SplittableRandom random) {
        validate();
        return switch (task) {
            // distractors in the gap: the network must hold on to the first symbol, not the most recent one
            case DELAYED_RECALL -> new DelayedRecallTask(SYMBOLS, delay, true);
            case NOISY_SINE -> new NoisySineTask(length, 25, 0.1, 4096, false, random);
            case ADDING -> new AddingTask(length);
            case NEXT_CHARACTER -> NextCharacterTask.builtIn(length);
            case CUSTOM_TEXT -> NextCharacterTask.fromText(customText, length);
        };
    }

    public SequenceConfig withCell(CellKind newCell) {
        return new SequenceConfig(task, delay, length, customText, newCell, race, hidden, optimizer, learningRate,
                clipping, carryGateOpen);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", was " + value);
        }
    }
}
