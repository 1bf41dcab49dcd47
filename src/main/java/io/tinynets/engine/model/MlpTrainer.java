package io.tinynets.engine.model;

import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.optim.GradientClipping;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.Regularization;
import org.ejml.data.DMatrixRMaj;

import java.util.random.RandomGenerator;

/**
 * Drives an {@link Mlp} through a training set in mini-batches: each epoch visits every row once in an order
 * shuffled by the run's own random generator (so one seed gives the same batches run after run); the last batch of
 * an epoch may be smaller. Learning rate, regularization and clipping can change between steps; the optimizer's
 * state is kept.
 */
public final class MlpTrainer {

    private final Mlp mlp;
    private final Loss loss;
    private final Optimizer optimizer;
    private final RandomGenerator rng;
    private final boolean shuffle;
    private int batchSize;
    private Regularization regularization = Regularization.NONE;
    private GradientClipping clipping = GradientClipping.NONE;

    private DMatrixRMaj inputs;
    private DMatrixRMaj targets;
    private int[] order;
    private int cursor;
    private long steps;
    private long samplesSeen;
    private int epochs;
    private final DMatrixRMaj batchInputs = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj batchTargets = new DMatrixRMaj(1, 1);

    /**
     * @param shuffle whether each epoch visits rows in a fresh random order (from {@code rng}) or in data order
     */
    public MlpTrainer(Mlp mlp, Loss loss, Optimizer optimizer, int batchSize, boolean shuffle, RandomGenerator rng) {
        this.mlp = mlp;
        this.loss = loss;
        this.optimizer = optimizer;
        this.shuffle = shuffle;
        this.rng = rng;
        setBatchSize(batchSize);
    }

    /** Training rows (n × inputs) and their targets (n × outputs, or n × 1 class indices); starts a new epoch. */
    public void setData(DMatrixRMaj inputs, DMatrixRMaj targets) {
        if (inputs.numRows == 0) {
            throw new IllegalArgumentException("training data must have at least one row");
        }
        if (targets.numRows != inputs.numRows) {
            throw new IllegalArgumentException("targets must have one row per input row: " + inputs.numRows
                    + " inputs, " + targets.numRows + " targets");
        }
        if (inputs.numCols != mlp.spec().inputs()) {
            throw new IllegalArgumentException("inputs must have " + mlp.spec().inputs() + " columns, got "
                    + inputs.numCols);
        }
        this.inputs = inputs;
        this.targets = targets;
        this.order = new int[inputs.numRows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.cursor = order.length;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be in 1..10000, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public void setRegularization(Regularization regularization) {
        this.regularization = regularization;
    }

    public void setClipping(GradientClipping clipping) {
        this.clipping = clipping;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Mlp mlp() {
        return mlp;
    }

    public long steps() {
        return steps;
    }

    public long samplesSeen() {
        return samplesSeen;
    }

    /** Completed epochs. */
    public int epochs() {
        return epochs;
    }

    /** One mini-batch step. */
    public StepReport step() {
        if (inputs == null) {
            throw new IllegalStateException("setData must be called before training");
        }
        if (cursor >= order.length) {
            startEpoch();
        }
        int size = Math.min(batchSize, order.length - cursor);
        int in = inputs.numCols;
        int out = targets.numCols;
        batchInputs.reshape(size, in);
        batchTargets.reshape(size, out);
        // copy the batch's rows into the reused batch matrices
        for (int r = 0; r < size; r++) {
            int src = order[cursor + r];
            System.arraycopy(inputs.data, src * in, batchInputs.data, r * in, in);
            System.arraycopy(targets.data, src * out, batchTargets.data, r * out, out);
        }
        cursor += size;
        if (cursor >= order.length) {
            epochs++;
        }
        steps++;
        samplesSeen += size;
        return mlp.trainStep(batchInputs, batchTargets, loss, optimizer, regularization, clipping);
    }

    /**
     * Steps until the current epoch is complete (a whole epoch when called at an epoch boundary). Returns the mean of
     * the batch losses, or the first non-finite report's loss (NaN/Inf) as soon as a step diverges.
     */
    public double epoch() {
        double sum = 0;
        int batches = 0;
        int target = epochs + 1;
        while (epochs < target) {
            StepReport report = step();
            if (!report.finite()) {
                return Double.isFinite(report.loss()) ? Double.NaN : report.loss();
            }
            sum += report.loss();
            batches++;
        }
        return sum / batches;
    }

    /**
     * Advances the batch order as if {@code epochs} whole epochs had been trained, without training: the shuffles
     * are drawn from the generator exactly as training draws them, so a run continued from saved weights and
     * optimizer state after {@code epochs} epochs sees the batches the uninterrupted run saw next. The counters
     * ({@link #steps()}, {@link #epochs()}, {@link #samplesSeen()}) are left alone: they count what this trainer
     * trained. Call it between epochs, after {@link #setData}.
     *
     * @throws IllegalArgumentException if {@code epochs} is negative
     * @throws IllegalStateException    before {@link #setData} or in the middle of an epoch
     */
    public void fastForward(long epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs to fast-forward must be >= 0, was " + epochs);
        }
        if (inputs == null) {
            throw new IllegalStateException("setData must be called before fast-forwarding");
        }
        if (cursor < order.length) {
            throw new IllegalStateException("fast-forward only between epochs, not in the middle of one");
        }
        for (long e = 0; e < epochs; e++) {
            startEpoch();
            cursor = order.length;
        }
    }

    private void startEpoch() {
        cursor = 0;
        if (shuffle) {
            // Fisher–Yates with the run's generator
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }
}
