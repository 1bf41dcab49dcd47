package io.tinynets.engine.model;

import io.tinynets.engine.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

import java.util.random.RandomGenerator;

/**
 * Drives an {@link Autoencoder} through its samples in shuffled mini-batches: each batch is copied clean, corrupted
 * by the current {@link AutoencoderNoise} into the input, and trained to give back the clean copy. One run's
 * generator shuffles and draws the noise, so one seed gives the same curve. Noise and loss can change between
 * steps.
 */
public final class AutoencoderBatches {

    private final Autoencoder model;
    private final Optimizer optimizer;
    private final RandomGenerator rng;
    private final DMatrixRMaj samples;
    private final int[] order;
    private int batchSize;
    private AutoencoderLoss loss;
    private AutoencoderNoise noise = AutoencoderNoise.NONE;
    private final DMatrixRMaj clean = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj input = new DMatrixRMaj(1, 1);
    private long samplesSeen;
    /** Where the next batch starts in {@link #order}; {@code order.length} between two epochs. */
    private int cursor;

    public AutoencoderBatches(Autoencoder model, DMatrixRMaj samples, AutoencoderLoss loss, Optimizer optimizer,
                              int batchSize, RandomGenerator rng) {
        if (samples.numRows < 1 || samples.numCols != model.spec().inputs()) {
            throw new IllegalArgumentException("samples must have at least 1 row and " + model.spec().inputs()
                    + " columns, got " + samples.numRows + "x" + samples.numCols);
        }
        loss.incompatibility(model.spec().outputActivation()).ifPresent(m -> {
            throw new IllegalArgumentException(m);
        });
        this.model = model;
        this.samples = samples;
        this.loss = loss;
        this.optimizer = optimizer;
        this.rng = rng;
        this.order = new int[samples.numRows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.cursor = order.length;
        setBatchSize(batchSize);
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("batch size must be in 1..1024, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public void setNoise(AutoencoderNoise noise) {
        this.noise = noise == null ? AutoencoderNoise.NONE : noise;
    }

    public AutoencoderNoise noise() {
        return noise;
    }

    public AutoencoderLoss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public long samplesSeen() {
        return samplesSeen;
    }

    /**
     * Advances the generator as if {@code epochs} whole epochs had been trained, without training: each epoch's
     * shuffle and each batch's noise are drawn exactly as {@link #epoch()} draws them (the noise's kind fixes how
     * many draws; its level does not matter), so a run continued from saved weights and optimizer state sees the
     * batches and the noise the uninterrupted run saw next. The order of the samples follows too.
     *
     * @throws IllegalArgumentException if {@code epochs} is negative
     * @throws IllegalStateException    in the middle of an epoch begun with {@link #batch()}
     */
    public void fastForward(long epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs to fast-forward must be >= 0, was " + epochs);
        }
        if (inEpoch()) {
            throw new IllegalStateException("fast-forward only between epochs, not in the middle of one");
        }
        int n = order.length;
        int d = samples.numCols;
        for (long e = 0; e < epochs; e++) {
            shuffle();
            for (int start = 0; start < n; start += batchSize) {
                // only the number of draws matters: the values of clean are not read for the noise's draws
                clean.reshape(Math.min(batchSize, n - start), d);
                noise.apply(clean, input, rng);
            }
        }
    }

    /**
     * One batch of {@link #fastForward}: the draws of the next batch (after the epoch's shuffle before its first),
     * without training. Returns true when that batch ended the epoch. An epoch of a large data set with noise is half
     * a million draws; this lets a caller fast-forward it in pieces between which its worker trains other runs.
     */
    public boolean fastForwardBatch() {
        int n = order.length;
        if (cursor >= n) {
            shuffle();
            cursor = 0;
        }
        int size = Math.min(batchSize, n - cursor);
        // only the number of draws matters: the values of clean are not read for the noise's draws
        clean.reshape(size, samples.numCols);
        noise.apply(clean, input, rng);
        cursor += size;
        return cursor >= n;
    }

    /**
     * One pass over every sample in a fresh order (the rest of the current one, if {@link #batch()} began it);
     * returns the mean batch loss (NaN/Inf as soon as one is).
     */
    public double epoch() {
        double sum = 0;
        int batches = 0;
        do {
            double value = batch();
            if (!Double.isFinite(value)) {
                return value;
            }
            sum += value;
            batches++;
        } while (inEpoch());
        return sum / batches;
    }

    /**
     * One mini-batch step: the next batch of the current epoch, or the first of a new epoch (a fresh order) between
     * two epochs. Returns the batch's loss; a NaN or infinite one ends the epoch (the next batch starts a fresh
     * order, as after {@link #epoch()}). Lets a caller interleave other work between the batches of an epoch; the
     * batches, noise and results are exactly those of {@link #epoch()}.
     */
    public double batch() {
        int n = order.length;
        int d = samples.numCols;
        if (cursor >= n) {
            shuffle();
            cursor = 0;
        }
        int start = cursor;
        int size = Math.min(batchSize, n - start);
        clean.reshape(size, d);
        for (int r = 0; r < size; r++) {
            System.arraycopy(samples.data, order[start + r] * d, clean.data, r * d, d);
        }
        noise.apply(clean, input, rng);
        cursor = start + size;
        samplesSeen += size;
        double value = model.trainStep(input, clean, loss, optimizer);
        if (!Double.isFinite(value)) {
            cursor = n;
        }
        return value;
    }

    /** True between the first and the last batch of an epoch begun with {@link #batch()}. */
    public boolean inEpoch() {
        return cursor < order.length;
    }

    private void shuffle() {
        // Fisher–Yates shuffle with the run's generator
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
