package io.tinynets.data.sequence;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The adding problem (Hochreiter &amp; Schmidhuber 1997): each step carries a value in [0, 1) and a marker; exactly two
 * steps are marked, one in each half of the sequence, and the target after the last step is the sum of the two
 * marked values. Predicting 1 always gives a mean squared error of about 1/6, the baseline to beat.
 */
public final class AddingTask implements SequenceTask {

    private final int length;

    /** @param length steps per sequence, 2..500 */
    public AddingTask(int length) {
        SequenceTask.checkRange("length", length, 2, 500);
        this.length = length;
    }

    @Override
    public String key() {
        return "adding";
    }

    /** Two channels: the value and the 0/1 marker. */
    @Override
    public int inputSize() {
        return 2;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean manyToMany() {
        return false;
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public SequenceBatch batch(int batchSize, SplittableRandom random) {
        SequenceTask.checkBatchSize(batchSize);
        DMatrixRMaj[] x = new DMatrixRMaj[length];
        for (int t = 0; t < length; t++) {
            x[t] = new DMatrixRMaj(batchSize, 2);
        }
        DMatrixRMaj y = new DMatrixRMaj(batchSize, 1);
        int half = length / 2;
        for (int b = 0; b < batchSize; b++) {
            for (int t = 0; t < length; t++) {
                x[t].set(b, 0, random.nextDouble());
            }
            int first = random.nextInt(half);
            int second = half + random.nextInt(length - half);
            x[first].set(b, 1, 1.0);
            x[second].set(b, 1, 1.0);
            y.set(b, 0, x[first].get(b, 0) + x[second].get(b, 0));
        }
        return new SequenceBatch(x, new DMatrixRMaj[] {y});
    }
}
