package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import io.tinynets.engine.layer.Dense;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.optim.GradientClipping;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.engine.recurrent.GradientFlow;
import io.tinynets.engine.recurrent.RecurrentCell;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent cell followed by a linear output layer ({@code fc}, PyTorch {@code nn.Linear} layout): y_t = W h_t + b.
 * Many-to-one reads y only after the last step; many-to-many at every step (all steps go through {@code fc} as one
 * stacked (T·B) × H batch, so the loss is the mean over every step of every sequence, as PyTorch's losses give on
 * flattened outputs). Classification uses softmax cross-entropy on class-index targets, regression squared error.
 *
 * <p>Training: {@link #trainStep} = zero grads, forward, loss, BPTT (full or truncated), global gradient-norm
 * clipping, one optimizer step. A non-finite loss skips the update and leaves the weights as they were, so the
 * caller can stop the run as diverged.
 */
public final class SequenceModel {


    private final RecurrentCell cell;
    private final Dense fc;
    private final boolean manyToMany;
    private final Loss loss;
    private final List<Param> params;
    private int truncation;
    private GradientClipping clipping = GradientClipping.NONE;
    private double lastGradientNorm;

    private final DMatrixRMaj stackedH = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj stackedTarget = new DMatrixRMaj(1, 1);
    /** dy = ∂L/∂y for the fc outputs, and dhLoss[t] = ∂L/∂h_t that they hand to the cell (null: no loss at t). */
    private final DMatrixRMaj dy = new DMatrixRMaj(1, 1);
    private final List<DMatrixRMaj> dhLossBuffers = new ArrayList<>();
    private DMatrixRMaj[] dhLoss = new DMatrixRMaj[0];

    /**
     * @param kind           RNN, LSTM or GRU
     * @param inputSize      features per step
     * @param hiddenSize     1..64
     * @param outputSize     classes or real outputs, 1..512
     * @param manyToMany     a target at every step rather than one after the last
     * @param classification softmax cross-entropy on class indices; otherwise squared error
     * @param random         draws PyTorch's default initial weights (cell and fc both U(−1/√H, 1/√H))
     */
    public SequenceModel(CellKind kind, int inputSize, int hiddenSize, int outputSize, boolean manyToMany,
                         boolean classification, SplittableRandom random) {
        if (kind == null) {
            throw new IllegalArgumentException("cell kind must not be null");
        }
        if (outputSize < 1 || outputSize > 512) {
            throw new IllegalArgumentException("outputSize must be in 1..512, was " + outputSize);
        }
        this.cell = kind.create(inputSize, hiddenSize, random);
        this.fc = new Dense("fc", hiddenSize, outputSize, Activation.LINEAR);
        // nn.Linear's default: weight and bias ~ U(−1/√in, 1/√in)
        double k = 1.0 / Math.sqrt(hiddenSize);
        for (Param p : fc.params()) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] = random.nextDouble(-k, k);
            }
        }
        this.manyToMany = manyToMany;
        this.loss = classification ? Loss.SOFTMAX_CROSS_ENTROPY : Loss.SQUARED_ERROR;
        List<Param> all = new ArrayList<>(cell.params());
        all.addAll(fc.params());
        this.params = Collections.unmodifiableList(all);
    }

    public RecurrentCell cell() {
        return cell;
    }

    public Dense output() {
        return fc;
    }

    public Loss loss() {
        return loss;
    }

    public boolean manyToMany() {
        return manyToMany;
    }

    public boolean classification() {
        return loss == Loss.SOFTMAX_CROSS_ENTROPY;
    }

    /** Cell parameters (weight_ih, weight_hh, bias_ih, bias_hh) then fc.weight, fc.bias. */
    public List<Param> params() {
        return params;
    }

    public int parameterCount() {
        return params.stream().mapToInt(Param::size).sum();
    }

    /** 0 = full BPTT; k &gt; 0 = gradient flows back at most through windows of k steps (see RecurrentCell). */
    public void setTruncation(int truncation) {
        if (truncation < 0 || truncation > 10_000) {
            throw new IllegalArgumentException("truncation must be 0 (full BPTT) or in 1..10000, was " + truncation);
        }
        this.truncation = truncation;
    }

    public int truncation() {
        return truncation;
    }

    public void setClipping(GradientClipping clipping) {
        if (clipping == null) {
            throw new IllegalArgumentException("clipping must not be null (use GradientClipping.NONE)");
        }
        this.clipping = clipping;
    }

    public GradientClipping clipping() {
        return clipping;
    }

    /** ‖g‖ over all parameters before clipping, from the last train step. */
    public double lastGradientNorm() {
        return lastGradientNorm;
    }

    /**
     * Runs the sequence and returns the outputs: batch × outputs after the last step (many-to-one) or (T·batch) ×
     * outputs with step t in rows t·batch .. (t+1)·batch−1 (many-to-many). An internal buffer.
     */
    public DMatrixRMaj forward(DMatrixRMaj[] x) {
        cell.forward(x, null, null);
        return head(x.length);
    }

    /** The output layer on the cell's hidden states of the last forward of {@code steps} steps. */
    private DMatrixRMaj head(int steps) {
        return fc.forward(headInput(steps));
    }

    /** What the output layer reads: h after the last step, or every step's h stacked into one (T·B) × H batch. */
    private DMatrixRMaj headInput(int steps) {
        if (!manyToMany) {
            return cell.hidden(steps - 1);
        }
        int t = steps;
        int b = cell.batchSize();
        int h = cell.hiddenSize();
        stackedH.reshape(t * b, h, false);
        for (int s = 0; s < t; s++) {
            System.arraycopy(cell.hidden(s).data, 0, stackedH.data, s * b * h, b * h);
        }
        return stackedH;
    }

    /** {@code targets} as one matrix matching the forward's output rows. */
    private DMatrixRMaj stackTargets(DMatrixRMaj[] targets, int steps, int batch) {
        int expected = manyToMany ? steps : 1;
        if (targets == null || targets.length != expected) {
            throw new IllegalArgumentException("targets must have " + expected + " entr" + (expected == 1 ? "y" : "ies")
                    + ", was " + (targets == null ? "null" : targets.length));
        }
        if (!manyToMany) {
            return targets[0];
        }
        int cols = targets[0].numCols;
        stackedTarget.reshape(steps * batch, cols, false);
        for (int s = 0; s < steps; s++) {
            if (targets[s].numRows != batch || targets[s].numCols != cols) {
                throw new IllegalArgumentException("target at step " + s + " must be " + batch + "x" + cols);
            }
            System.arraycopy(targets[s].data, 0, stackedTarget.data, s * batch * cols, batch * cols);
        }
        return stackedTarget;
    }

    /** Mean loss of the model on a batch, without touching gradients. */
    public double evaluate(DMatrixRMaj[] x, DMatrixRMaj[] targets) {
        DMatrixRMaj out = forward(x);
        return loss.value(out, stackTargets(targets, x.length, cell.batchSize()));
    }

    /** Fraction of rows (or steps × rows) whose arg-max output is the target class. Classification only. */
    public double accuracy(DMatrixRMaj[] x, DMatrixRMaj[] targets) {
        if (!classification()) {
            throw new IllegalStateException("accuracy needs a classification model");
        }
        return accuracyOf(forward(x), targets, x.length, cell.batchSize());
    }

    private double accuracyOf(DMatrixRMaj out, DMatrixRMaj[] targets, int steps, int batch) {
        DMatrixRMaj target = stackTargets(targets, steps, batch);
        int k = out.numCols;
        int correct = 0;
        for (int r = 0; r < out.numRows; r++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (out.data[r * k + j] > out.data[r * k + best]) {
                    best = j;
                }
            }
            if (best == (int) target.data[r]) {
                correct++;
            }
        }
        return (double) correct / out.numRows;
    }

    /**
     * Forward + loss + backward, gradients added into {@link #params()} (not zeroed first). Returns the loss; a
     * non-finite loss returns at once without a backward.
     */
    public double computeGradients(DMatrixRMaj[] x, DMatrixRMaj[] targets) {
        DMatrixRMaj out = forward(x);
        DMatrixRMaj target = stackTargets(targets, x.length, cell.batchSize());
        double value = loss.value(out, target);
        if (!Double.isFinite(value)) {
            return value;
        }
        cell.backward(hiddenGradients(out, target, x.length), truncation, false);
        return value;
    }

    /**
     * dhLoss[t] = ∂L/∂h_t for each step, through the output layer (whose own grads it adds), from the forward's
     * outputs: dy = ∂L/∂y, then dhStacked = ∂L/∂(the output layer's input).
     */
    private DMatrixRMaj[] hiddenGradients(DMatrixRMaj out, DMatrixRMaj target, int steps) {
        loss.gradient(out, target, dy);
        return hiddenGradients(fc.backward(dy, true), steps);
    }

    /** dhLoss[t] = ∂L/∂h_t for each step from dhStacked = ∂L/∂(the output layer's input). */
    private DMatrixRMaj[] hiddenGradients(DMatrixRMaj dhStacked, int steps) {
        int b = cell.batchSize();
        int h = cell.hiddenSize();
        if (dhLoss.length != steps) {
            dhLoss = new DMatrixRMaj[steps];
        }
        while (dhLossBuffers.size() < steps) {
            dhLossBuffers.add(new DMatrixRMaj(1, 1));
        }
        if (manyToMany) {
            for (int s = 0; s < steps; s++) {
                DMatrixRMaj m = dhLossBuffers.get(s);
                m.reshape(b, h, false);
                System.arraycopy(dhStacked.data, s * b * h, m.data, 0, b * h);
                dhLoss[s] = m;
            }
        } else {
            // Only the last step carries a loss; earlier entries stay null.
            java.util.Arrays.fill(dhLoss, null);
            DMatrixRMaj m = dhLossBuffers.get(steps - 1);
            m.reshape(b, h, false);
            System.arraycopy(dhStacked.data, 0, m.data, 0, b * h);
            dhLoss[steps - 1] = m;
        }
        return dhLoss;
    }

    /**
     * One training step on a batch: zero grads, forward, loss, BPTT, clip, update. Returns the loss before the
     * update; if it is NaN or infinite the weights are left unchanged.
     */
    public double trainStep(DMatrixRMaj[] x, DMatrixRMaj[] targets, Optimizer optimizer) {
        for (Param p : params) {
            p.zeroGrad();
        }
        double value = computeGradients(x, targets);
        if (!Double.isFinite(value)) {
            return value;
        }
        lastGradientNorm = clipping.apply(params);
        if (!Double.isFinite(lastGradientNorm)) {
            return Double.NaN;
        }
        optimizer.step(params);
        return value;
    }

    /**
     * {@link #trainStep} in pieces of at most {@code stepsPerPiece} time steps of the forward and of the backward
     * pass, for a caller that shares its thread between pieces (a long sequence's step can take a tenth of a second).
     * The arithmetic is trainStep's in the same order, so the result is the same bit for bit. The model must not be
     * used otherwise until the step is {@linkplain PiecewiseStep#advance() complete}.
     */
    public PiecewiseStep beginTrainStep(DMatrixRMaj[] x, DMatrixRMaj[] targets, Optimizer optimizer,
                                        int stepsPerPiece) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new PiecewiseStep(x, targets, optimizer, stepsPerPiece);
    }

    /**
     * {@link #evaluate} (or {@link #accuracy} when {@code accuracy}) in pieces of at most {@code stepsPerPiece} time
     * steps of the forward pass; the same result bit for bit.
     */
    public PiecewiseStep beginEvaluation(DMatrixRMaj[] x, DMatrixRMaj[] targets, boolean accuracy,
                                         int stepsPerPiece) {
        if (accuracy && !classification()) {
            throw new IllegalStateException("accuracy needs a classification model");
        }
        return beginEvaluation(x, targets, accuracy, stepsPerPiece, Integer.MAX_VALUE);
    }

    /**
     * {@link #beginEvaluation(DMatrixRMaj[], DMatrixRMaj[], boolean, int)} with the recurrent forward run over at most
     * {@code rowsPerPass} sequences of the batch at a time, their hidden states gathered into one batch for the output
     * layer and the loss. Each sequence's recurrence reads only its own row, so the result is the same bit for bit;
     * what changes is that the cell's per-step caches never grow past {@code rowsPerPass} rows. A trainer that
     * evaluates on a larger batch than it trains on thus keeps caches the size of its training batch, not of its
     * evaluation batch (the sequence lab: 32 rather than 64 rows per step, for each of its three cells).
     */
    public PiecewiseStep beginEvaluation(DMatrixRMaj[] x, DMatrixRMaj[] targets, boolean accuracy,
                                         int stepsPerPiece, int rowsPerPass) {
        if (accuracy && !classification()) {
            throw new IllegalStateException("accuracy needs a classification model");
        }
        if (rowsPerPass < 1) {
            throw new IllegalArgumentException("rowsPerPass must be at least 1, was " + rowsPerPass);
        }
        return new PiecewiseStep(x, targets, accuracy, stepsPerPiece, rowsPerPass);
    }

    /** A training step or an evaluation done piece by piece; see {@link #beginTrainStep}, {@link #beginEvaluation}. */
    public final class PiecewiseStep {

        /**
         * The recurrent forward, the output layer over its rows, the loss, its gradient, the output layer's backward
         * over its rows, the recurrent backward, the update: each long part a few time steps (or their rows) at a
         * time.
         */
        private enum Phase { FORWARD, OUTPUT, LOSS, LOSS_GRADIENT, OUTPUT_BACKWARD, BACKWARD, UPDATE, DONE }

        private final DMatrixRMaj[] x;
        private final DMatrixRMaj[] targets;
        private final Optimizer optimizer; // null for an evaluation
        private final boolean accuracy;
        private final int stepsPerPiece;
        /** Sequences in the batch, and how many the cell runs at a time (all of them but in a passed evaluation). */
        private final int batchRows;
        private final int rowsPerPass;
        /** The first sequence of the pass under way, when the forward runs in passes. */
        private int passStart;
        private Phase phase = Phase.FORWARD;
        private int rows;
        private int row;
        private DMatrixRMaj target;
        private DMatrixRMaj dhStacked;
        private double result = Double.NaN;

        private PiecewiseStep(DMatrixRMaj[] x, DMatrixRMaj[] targets, Optimizer optimizer, int stepsPerPiece) {
            this(x, targets, optimizer, false, stepsPerPiece, Integer.MAX_VALUE);
            for (Param p : params) {
                p.zeroGrad();
            }
        }

        private PiecewiseStep(DMatrixRMaj[] x, DMatrixRMaj[] targets, boolean accuracy, int stepsPerPiece,
                              int rowsPerPass) {
            this(x, targets, null, accuracy, stepsPerPiece, rowsPerPass);
        }

        private PiecewiseStep(DMatrixRMaj[] x, DMatrixRMaj[] targets, Optimizer optimizer, boolean accuracy,
                              int stepsPerPiece, int rowsPerPass) {
            if (stepsPerPiece < 1) {
                throw new IllegalArgumentException("stepsPerPiece must be at least 1, was " + stepsPerPiece);
            }
            this.x = x;
            this.targets = targets;
            this.optimizer = optimizer;
            this.accuracy = accuracy;
            this.stepsPerPiece = stepsPerPiece;
            this.batchRows = x == null || x.length == 0 || x[0] == null ? 0 : x[0].numRows;
            this.rowsPerPass = rowsPerPass;
            if (inPasses()) {
                beginPass();
            } else {
                cell.beginForward(x, null, null);
            }
        }

        /** Whether the forward runs a few sequences at a time: never in a training step, whose backward needs all. */
        private boolean inPasses() {
            return optimizer == null && batchRows > rowsPerPass;
        }

        /** Starts the cell's forward on sequences passStart .. passStart + rowsPerPass − 1 (copies of their rows). */
        private void beginPass() {
            int n = Math.min(rowsPerPass, batchRows - passStart);
            DMatrixRMaj[] part = new DMatrixRMaj[x.length];
            for (int t = 0; t < x.length; t++) {
                DMatrixRMaj all = x[t];
                if (all == null || all.numRows != batchRows) {
                    throw new IllegalArgumentException("input at step " + t + " must have " + batchRows + " rows, was "
                            + (all == null ? "null" : all.numRows));
                }
                part[t] = new DMatrixRMaj(n, all.numCols);
                System.arraycopy(all.data, passStart * all.numCols, part[t].data, 0, n * all.numCols);
            }
            cell.beginForward(part, null, null);
        }

        /**
         * Copies the finished pass's hidden states into the whole batch's output-layer input, laid out as
         * {@link #headInput} lays out a whole forward's: h after the last step, or every step's h stacked.
         */
        private void gatherPass() {
            int n = cell.batchSize();
            int h = cell.hiddenSize();
            int steps = x.length;
            if (passStart == 0) {
                stackedH.reshape(manyToMany ? steps * batchRows : batchRows, h, false);
            }
            if (manyToMany) {
                for (int s = 0; s < steps; s++) {
                    System.arraycopy(cell.hidden(s).data, 0, stackedH.data, (s * batchRows + passStart) * h, n * h);
                }
            } else {
                System.arraycopy(cell.hidden(steps - 1).data, 0, stackedH.data, passStart * h, n * h);
            }
            passStart += n;
        }

        /** Output-layer rows per piece: those of {@code stepsPerPiece} time steps. */
        private int rowsPerPiece() {
            return stepsPerPiece * batchRows;
        }

        /** Does the next piece; true once the step (or evaluation) is complete. */
        public boolean advance() {
            switch (phase) {
                case FORWARD -> {
                    if (cell.continueForward(stepsPerPiece)) {
                        if (inPasses()) {
                            gatherPass();
                            if (passStart < batchRows) {
                                beginPass();
                                return false;
                            }
                        }
                        DMatrixRMaj in = inPasses() ? stackedH : headInput(x.length);
                        fc.beginForward(in);
                        rows = in.numRows;
                        row = 0;
                        phase = Phase.OUTPUT;
                    }
                }
                case OUTPUT -> {
                    int to = Math.min(rows, row + rowsPerPiece());
                    fc.forwardRows(row, to);
                    row = to;
                    if (row == rows) {
                        phase = Phase.LOSS;
                    }
                }
                case LOSS -> loss();
                case LOSS_GRADIENT -> {
                    loss.gradient(fc.output(), target, dy);
                    row = 0;
                    phase = Phase.OUTPUT_BACKWARD;
                }
                case OUTPUT_BACKWARD -> {
                    int to = Math.min(rows, row + rowsPerPiece());
                    dhStacked = fc.backwardRows(dy, row, to, true);
                    row = to;
                    if (row == rows) {
                        cell.beginBackward(hiddenGradients(dhStacked, x.length), truncation, false);
                        phase = Phase.BACKWARD;
                    }
                }
                case BACKWARD -> {
                    if (cell.continueBackward(stepsPerPiece)) {
                        phase = Phase.UPDATE;
                    }
                }
                case UPDATE -> {
                    // clip, update: as trainStep
                    lastGradientNorm = clipping.apply(params);
                    if (!Double.isFinite(lastGradientNorm)) {
                        result = Double.NaN;
                    } else {
                        optimizer.step(params);
                    }
                    phase = Phase.DONE;
                }
                case DONE -> {
                }
            }
            return phase == Phase.DONE;
        }

        private void loss() {
            DMatrixRMaj out = fc.output();
            if (optimizer == null && accuracy) {
                result = accuracyOf(out, targets, x.length, batchRows);
                phase = Phase.DONE;
                return;
            }
            target = stackTargets(targets, x.length, batchRows);
            result = loss.value(out, target);
            // an evaluation, or a non-finite loss: no update, as trainStep
            phase = optimizer == null || !Double.isFinite(result) ? Phase.DONE : Phase.LOSS_GRADIENT;
        }

        public boolean isDone() {
            return phase == Phase.DONE;
        }

        /** The loss before the update (as trainStep returns it), the evaluation's loss or accuracy, once done. */
        public double result() {
            if (phase != Phase.DONE) {
                throw new IllegalStateException("the step is not complete");
            }
            return result;
        }
    }

    /**
     * ‖∂L/∂h_t‖ (and ‖∂L/∂c_t‖) for every step of this batch, usually one chosen sequence. Leaves every gradient at
     * zero afterwards, so it can be called between training steps.
     */
    public GradientFlow gradientFlow(DMatrixRMaj[] x, DMatrixRMaj[] targets) {
        for (Param p : params) {
            p.zeroGrad();
        }
        computeGradients(x, targets);
        GradientFlow flow = GradientFlow.of(cell);
        for (Param p : params) {
            p.zeroGrad();
        }
        return flow;
    }

    /** Gate and state records of row {@code row} of {@code x}, step by step (see {@link RecurrentCell#trace}). */
    public List<? extends CellStep> trace(DMatrixRMaj[] x, int row) {
        return cell.trace(x, row);
    }

    /** False when any weight is NaN or ±Inf. */
    public boolean isFinite() {
        for (Param p : params) {
            if (!p.isFinite()) {
                return false;
            }
        }
        return true;
    }
}
