package io.tinynets.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How far a saved run had trained, kept as {@code "epochs"} beside its weights and optimizer state. A lab's data
 * stream (batch shuffles, noise, drawn sequences) comes from the run's one seeded generator, whose state cannot be
 * saved; a continued run therefore redraws, without training, the draws of that many epochs, and then sees exactly
 * the batches the uninterrupted run saw next. Saved weights without the field (older experiments), and runs too long
 * to redraw within {@link #MAX_FAST_FORWARD_DRAWS}, continue on the replay's stream from epoch 1, as before.
 */
public final class ResumePoint {

    public static final String FIELD = "epochs";
    /**
     * Most epochs a continued run fast-forwards: ten runs at the default limit of 100 000 epochs; redrawing them
     * takes at most a second or two even for the largest data set, and a hand-edited value cannot stall a worker.
     */
    public static final long MAX_EPOCHS = 1_000_000;

    /**
     * Most random draws a continued run spends redrawing the saved epochs' data stream (about a second on these
     * machines, spent on the training pool in pieces of {@link #DRAWS_PER_PIECE}, never on a request thread), so a
     * very long run is not fast-forwarded: it continues with its optimizer state on the replay's batch order instead,
     * as if from epoch 1.
     */
    public static final long MAX_FAST_FORWARD_DRAWS = 100_000_000;

    /**
     * Random draws of one piece of a fast-forward ({@code Trainer.prepare()}): about a millisecond, so preparing a
     * continued run takes turns with the other runs' slices instead of holding a worker for a second.
     */
    public static final long DRAWS_PER_PIECE = 200_000;

    /**
     * The epochs to fast-forward: {@code savedEpochs}, or 0 when redrawing them ({@code drawsPerEpoch} random draws
     * each) would exceed {@link #MAX_FAST_FORWARD_DRAWS}. Deterministic, so a saved experiment always continues the
     * same way.
     */
    public static long epochsToFastForward(long savedEpochs, long drawsPerEpoch) {
        if (savedEpochs <= 0) {
            return 0;
        }
        long perEpoch = Math.max(1, drawsPerEpoch);
        return savedEpochs <= MAX_FAST_FORWARD_DRAWS / perEpoch ? savedEpochs : 0;
    }

    /** Whole epochs one fast-forward piece redraws: at least one, else as many as fit {@link #DRAWS_PER_PIECE}. */
    public static long epochsPerPiece(long drawsPerEpoch) {
        return Math.max(1, DRAWS_PER_PIECE / Math.max(1, drawsPerEpoch));
    }

    /**
     * Most characters of a lab's saved weights with the optimizer state: the experiment store's limit on saved
     * weights ({@code ExperimentLimits.WEIGHTS_MAX_CHARS}, which the lab packages do not import; a test keeps the two
     * equal). Adam's two moments triple the size of the weights, so the largest networks would no longer save; the
     * labs then save the weights alone, as before the state was kept (continue starts a fresh optimizer).
     */
    public static final int MAX_SAVED_CHARS = 2 * 1024 * 1024;

    private ResumePoint() {
    }

    /** Whether saved weights of this length fit {@link #MAX_SAVED_CHARS}. */
    public static boolean fits(String json, int maxChars) {
        return json.length() <= maxChars;
    }

    /** Adds {@code "epochs": epochs} to a saved-weights object. */
    public static void put(ObjectNode root, long epochs) {
        check(epochs);
        root.put(FIELD, epochs);
    }

    /** The saved {@code "epochs"} of a saved-weights object, 0 when absent. */
    public static long epochs(JsonNode root) {
        JsonNode n = root == null ? null : root.get(FIELD);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("saved weights' epochs must be a whole number in 0.." + MAX_EPOCHS
                    + ", was " + n);
        }
        check(n.asLong());
        return n.asLong();
    }

    private static void check(long epochs) {
        if (epochs < 0 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("saved weights' epochs must be a whole number in 0.." + MAX_EPOCHS
                    + ", was " + epochs);
        }
    }
}
