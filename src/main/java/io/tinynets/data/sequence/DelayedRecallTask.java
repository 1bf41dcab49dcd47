package io.tinynets.data.sequence;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Remember a symbol across a gap: at t = 0 one of K symbols (one-hot), then D steps that carry no information, and
 * the answer after the last step is the first symbol. Length D + 1; chance is 1/K. A vanilla RNN fails once D grows
 * past a dozen or so steps because the gradient from the answer vanishes before it reaches t = 0; LSTM and GRU
 * carry it.
 *
 * <p>Inputs have K + 1 channels: the K symbols and a "blank" channel that the gap steps light up. With distractors
 * on, the gap steps instead show random symbols from the same K, so the network must hold on to the <em>first</em>.
 */
public final class DelayedRecallTask implements SequenceTask {

    public static final int MAX_DELAY = 100;
    public static final int MAX_SYMBOLS = 16;

    private final int symbols;
    private final int delay;
    private final boolean distractors;

    /**
     * @param symbols     K, 2..16
     * @param delay       D, 1..100
     * @param distractors gap steps show random symbols rather than blanks
     */
    public DelayedRecallTask(int symbols, int delay, boolean distractors) {
        SequenceTask.checkRange("symbols", symbols, 2, MAX_SYMBOLS);
        SequenceTask.checkRange("delay", delay, 1, MAX_DELAY);
        this.symbols = symbols;
        this.delay = delay;
        this.distractors = distractors;
    }

    @Override
    public String key() {
        return "delayed_recall";
    }

    public int symbols() {
        return symbols;
    }

    public int delay() {
        return delay;
    }

    @Override
    public int inputSize() {
        return symbols + 1;
    }

    @Override
    public int outputSize() {
        return symbols;
    }

    @Override
    public int length() {
        return delay + 1;
    }

    @Override
    public boolean manyToMany() {
        return false;
    }

    @Override
    public boolean classification() {
        return true;
    }

    @Override
    public SequenceBatch batch(int batchSize, SplittableRandom random) {
        SequenceTask.checkBatchSize(batchSize);
        int in = inputSize();
        DMatrixRMaj[] x = new DMatrixRMaj[length()];
        for (int t = 0; t < x.length; t++) {
            x[t] = new DMatrixRMaj(batchSize, in);
        }
        DMatrixRMaj target = new DMatrixRMaj(batchSize, 1);
        for (int b = 0; b < batchSize; b++) {
            int first = random.nextInt(symbols);
            x[0].set(b, first, 1.0);
            target.set(b, 0, first);
            for (int t = 1; t <= delay; t++) {
                x[t].set(b, distractors ? random.nextInt(symbols) : symbols, 1.0);
            }
        }
        return new SequenceBatch(x, new DMatrixRMaj[] {target});
    }
}
