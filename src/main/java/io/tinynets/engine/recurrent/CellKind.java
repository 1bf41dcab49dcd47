package io.tinynets.engine.recurrent;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The three recurrent cells, as data: a stable {@link #key()} that is persisted, the number of stacked gate blocks in
 * PyTorch's weight layout, and a factory.
 */
public enum CellKind {

    /** Elman RNN with tanh, PyTorch {@code nn.RNN}: one block. */
    RNN("rnn", 1),
    /** PyTorch {@code nn.LSTM}: four blocks, in the order i, f, g, o. */
    LSTM("lstm", 4),
    /** PyTorch {@code nn.GRU}: three blocks, in the order r, z, n. */
    GRU("gru", 3);

    private final String key;
    private final int gateBlocks;

    CellKind(String key, int gateBlocks) {
        this.key = key;
        this.gateBlocks = gateBlocks;
    }

    public String key() {
        return key;
    }

    /** How many H-row blocks are stacked in weight_ih / weight_hh (1, 4 or 3). */
    public int gateBlocks() {
        return gateBlocks;
    }

    /**
     * Trainable numbers of a cell: blocks·H·(I + H) weights plus 2·blocks·H biases (PyTorch keeps both b_ih and b_hh).
     * A GRU has exactly 3/4 of an LSTM's.
     */
    public int parameterCount(int inputSize, int hiddenSize) {
        return gateBlocks * hiddenSize * (inputSize + hiddenSize) + 2 * gateBlocks * hiddenSize;
    }

    /** A new cell with PyTorch's default initialisation U(−1/√H, 1/√H) drawn from {@code random}. */
    public RecurrentCell create(int inputSize, int hiddenSize, SplittableRandom random) {
        return switch (this) {
            case RNN -> new RnnCell(inputSize, hiddenSize, random);
            case LSTM -> new LstmCell(inputSize, hiddenSize, random);
            case GRU -> new GruCell(inputSize, hiddenSize, random);
        };
    }

    public static Optional<CellKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
