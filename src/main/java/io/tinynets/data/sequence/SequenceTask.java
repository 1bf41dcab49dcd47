package io.tinynets.data.sequence;

import java.util.SplittableRandom;

/**
 * A seeded source of training sequences for the recurrent lab. Every batch is drawn from the {@link SplittableRandom}
 * the caller passes in, so one seed gives one stream of data.
 */
public interface SequenceTask {

    /** Stable persisted name. */
    String key();

    /** Features per step. */
    int inputSize();

    /** Classes (classification) or real outputs (regression). */
    int outputSize();

    /** Steps per sequence. */
    int length();

    /** True when there is a target at every step, false for one answer after the last step. */
    boolean manyToMany();

    /** True when targets are class indices (softmax cross-entropy), false for real values (squared error). */
    boolean classification();

    /** {@code batchSize} fresh sequences. */
    SequenceBatch batch(int batchSize, SplittableRandom random);

    static void checkBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize must be in 1..4096, was " + batchSize);
        }
    }

    static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", was " + value);
        }
    }
}
