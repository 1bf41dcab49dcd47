package io.tinynets.engine.recurrent;

import io.tinynets.engine.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * What the three cells share: PyTorch's parameter layout, the bookkeeping of a batched forward over T steps, and the
 * BPTT loop that carries ∂L/∂h (and ∂L/∂c) backwards through time, measures its norm at every step and applies the
 * truncation window.
 *
 * <p>Names follow the math and min-char-rnn: W_ih is {@code Wih}, b_ih {@code bih}, and a gradient is {@code d} + the
 * stem ({@code dWihT}, {@code dbih}, {@code dgi}, {@code dh}, {@code dhNext}, {@code dc}). In the backward,
 * {@code dhNext} is what flows into step t from step t+1, as in min-char-rnn's {@code dhnext}.
 *
 * <p>Both passes can also run a few steps at a time, for a caller that shares its thread between slices of work:
 * {@code beginForward}/{@code continueForward} and {@code beginBackward}/{@code continueBackward} keep a cursor
 * between pieces, and the pieces run the same steps in the same order as {@code forward}/{@code backward}, which are
 * just one piece of the whole length, so the numbers are the same bit for bit.
 *
 * <p>Speed: the hot loops run on the raw row-major arrays, one whole batch per time step. The forward keeps transposed
 * copies W_ihᵀ, W_hhᵀ so a pre-activation row is built as a sum of contiguous rows scaled by x_k or h_k, four rows per
 * pass ({@link RowKernels}, which the JIT vectorises); the backward accumulates dWᵀ the same way over the batch rows
 * and adds it into the parameters' grads once per sequence batch. Nothing is allocated per step or per row once the
 * workspace has grown to the largest batch × length seen.
 */
abstract class AbstractRecurrentCell<S extends CellStep> implements RecurrentCell {

    static final int MAX_LENGTH = 10_000;

    protected final CellKind kind;
    protected final int inputSize;
    protected final int hiddenSize;
    /** Rows of the stacked weights: blocks · H. */
    protected final int gateRows;

    protected final Param weightIh;
    protected final Param weightHh;
    protected final Param biasIh;
    protected final Param biasHh;

    /** W_ihᵀ (I × G) and W_hhᵀ (H × G) as arrays of rows, refreshed at every forward. */
    private final double[][] WihT;
    private final double[][] WhhT;
    /** W_hh (G × H) as an array of rows, refreshed at every backward. */
    private final double[][] Whh;
    /** dW_ihᵀ, dW_hhᵀ (as rows), db_ih, db_hh accumulated during one backward, then flushed into the grads. */
    private final double[][] dWihT;
    private final double[][] dWhhT;
    private final double[] dbih;
    private final double[] dbhh;
    /** b_ih + b_hh, refreshed at every forward (RNN and LSTM add the two pre-activations). */
    private final double[] biasSum;

    /**
     * Per-step workspace, one G-array per batch row: the pre-activations (gi = W_ih x + b_ih, gh = W_hh h + b_hh) in
     * the forward and their gradients dgi, dgh in the backward. RNN and LSTM only need the sum, so gh == gi and
     * dgh == dgi for them.
     */
    protected double[][] gi = new double[0][];
    protected double[][] gh = new double[0][];
    protected double[][] dgi = new double[0][];
    protected double[][] dgh = new double[0][];
    /** dh = ∂L/∂h_t of the current step (batch × H), built from the loss at t and dhNext. */
    private double[] dh = new double[0];
    /**
     * dhNext = ∂L/∂h_t arriving from step t+1, one H-array per batch row; during step t it becomes ∂L/∂h_{t−1}, the
     * dhNext of step t−1, and after step 0 it is dh0.
     */
    private double[][] dhNext = new double[0][];

    protected final List<S> steps = new ArrayList<>();
    protected DMatrixRMaj[] x;
    protected int length;
    protected int batch;
    protected final DMatrixRMaj h0 = new DMatrixRMaj(1, 1);
    protected final DMatrixRMaj c0 = new DMatrixRMaj(1, 1);

    private final DMatrixRMaj dh0 = new DMatrixRMaj(1, 1);
    /** dc0 = ∂L/∂c_0; during the backward its buffer carries dcNext, ∂L/∂c_t arriving from step t+1 (LSTM). */
    private final DMatrixRMaj dc0 = new DMatrixRMaj(1, 1);
    /** dx_t = ∂L/∂x_t per step, when asked for. */
    private final List<DMatrixRMaj> dx = new ArrayList<>();
    private boolean inputGradsValid;
    /** ‖dh_t‖ and ‖dc_t‖ per step of the last backward. */
    private double[] dhNorms = new double[0];
    private double[] dcNorms = new double[0];
    private int backwardLength;

    /** The next step a forward begun with {@link #beginForward} computes; {@link #length} once it is complete. */
    private int forwardCursor;
    /** The backward begun with {@link #beginBackward}: its arguments and the next step it goes back through. */
    private DMatrixRMaj[] backwardDhLoss;
    private int backwardTruncation;
    private boolean backwardInputGradients;
    private int backwardCursor = -1;

    AbstractRecurrentCell(CellKind kind, int inputSize, int hiddenSize, SplittableRandom random) {
        this(kind, newParams(kind, checkInput(inputSize), checkHidden(hiddenSize)));
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        resetParameters(random);
    }

    /** A cell over existing parameters (shared, not copied). */
    AbstractRecurrentCell(CellKind kind, Param[] params) {
        this.kind = kind;
        this.weightIh = params[0];
        this.weightHh = params[1];
        this.biasIh = params[2];
        this.biasHh = params[3];
        this.hiddenSize = weightHh.value().numCols;
        this.inputSize = weightIh.value().numCols;
        this.gateRows = kind.gateBlocks() * hiddenSize;
        this.WihT = new double[inputSize][gateRows];
        this.WhhT = new double[hiddenSize][gateRows];
        this.Whh = new double[gateRows][hiddenSize];
        this.dWihT = new double[inputSize][gateRows];
        this.dWhhT = new double[hiddenSize][gateRows];
        this.dbih = new double[gateRows];
        this.dbhh = new double[gateRows];
        this.biasSum = new double[gateRows];
    }

    private static int checkInput(int inputSize) {
        if (inputSize < 1 || inputSize > MAX_INPUT) {
            throw new IllegalArgumentException("inputSize must be in 1.." + MAX_INPUT + ", was " + inputSize);
        }
        return inputSize;
    }

    private static int checkHidden(int hiddenSize) {
        if (hiddenSize < 1 || hiddenSize > MAX_HIDDEN) {
            throw new IllegalArgumentException("hiddenSize must be in 1.." + MAX_HIDDEN + ", was " + hiddenSize);
        }
        return hiddenSize;
    }

    private static Param[] newParams(CellKind kind, int in, int hidden) {
        int g = kind.gateBlocks() * hidden;
        return new Param[] {Param.zeros("weight_ih", g, in), Param.zeros("weight_hh", g, hidden),
            Param.zeros("bias_ih", 1, g), Param.zeros("bias_hh", 1, g)};
    }

    Param[] paramArray() {
        return new Param[] {weightIh, weightHh, biasIh, biasHh};
    }

    @Override
    public CellKind kind() {
        return kind;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    public List<Param> params() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }

    @Override
    public void resetParameters(SplittableRandom random) {
        // PyTorch: every weight and bias of nn.RNN/LSTM/GRU ~ U(−k, k), k = 1/√hidden_size
        double k = 1.0 / Math.sqrt(hiddenSize);
        for (Param p : params()) {
            double[] v = p.value().data;
            for (int i = 0, n = p.size(); i < n; i++) {
                v[i] = random.nextDouble(-k, k);
            }
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public S step(int t) {
        if (t < 0 || t >= length) {
            throw new IllegalArgumentException("step must be in 0.." + (length - 1) + ", was " + t);
        }
        return steps.get(t);
    }

    /** A fresh, empty step record for the workspace. */
    protected abstract S newStep();

    /** Reshapes the step's matrices (and any per-step extras the cell keeps) to batch × H. */
    protected abstract void prepareStep(int t, int batch);

    /** Fills steps from..to−1 from {@link #x}, {@link #h0} and {@link #c0}; steps before {@code from} are done. */
    protected abstract void forwardSteps(int from, int to);

    /**
     * The cell's own part of the backward through step t, for the whole batch. On entry {@code dh} (batch × H) holds
     * ∂L/∂h_t and {@code dcNext} ∂L/∂c_t arriving from step t+1 (LSTM). Must fill {@link #dgi} and {@link #dgh}
     * (a G-row per batch row) with the pre-activation gradients, set the rows of {@code dhNext} (one H-array per batch
     * row) to the part of ∂L/∂h_{t−1} that bypasses W_hh (0 for RNN and LSTM, dh ⊙ z for the GRU; the base adds
     * W_hhᵀ dgh) and {@code dcNext} to ∂L/∂c_{t−1}: both are then what flows into step t−1.
     * Returns Σ dc_t² over the batch for the cell-state norm (0 without a cell state).
     */
    protected abstract double backwardStep(int t, double[] dh, double[][] dhNext, double[] dcNext);

    /** Whether the cell needs W_ih x + b_ih and W_hh h + b_hh apart (GRU) rather than just their sum. */
    private boolean separateHiddenPart() {
        return kind == CellKind.GRU;
    }

    /** Another cell of the same kind over the same parameters, for traces that must not disturb this workspace. */
    protected abstract AbstractRecurrentCell<S> sibling();

    /** The hidden state entering step t: h_{t−1}, or h0 at t = 0. */
    protected final double[] prevH(int t) {
        return t == 0 ? h0.data : steps.get(t - 1).h().data;
    }

    @Override
    public void forward(DMatrixRMaj[] x, DMatrixRMaj h0, DMatrixRMaj c0) {
        beginForward(x, h0, c0);
        continueForward(length);
    }

    @Override
    public void beginForward(DMatrixRMaj[] x, DMatrixRMaj h0, DMatrixRMaj c0) {
        if (x == null || x.length < 1 || x.length > MAX_LENGTH) {
            throw new IllegalArgumentException("sequence length must be in 1.." + MAX_LENGTH + ", was "
                    + (x == null ? "null" : x.length));
        }
        int b = x[0] == null ? 0 : x[0].numRows;
        if (b < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        for (int t = 0; t < x.length; t++) {
            if (x[t] == null || x[t].numRows != b || x[t].numCols != inputSize) {
                throw new IllegalArgumentException("input at step " + t + " must be " + b + "x" + inputSize + ", was "
                        + (x[t] == null ? "null" : x[t].numRows + "x" + x[t].numCols));
            }
        }
        setState(this.h0, h0, b, "h0");
        setState(this.c0, hasCellState() ? c0 : null, b, "c0");
        this.x = x;
        this.length = x.length;
        this.batch = b;
        this.backwardLength = 0;
        transpose(weightIh.value().data, WihT, gateRows, inputSize);
        transpose(weightHh.value().data, WhhT, gateRows, hiddenSize);
        double[] bi = biasIh.value().data;
        double[] bh = biasHh.value().data;
        for (int j = 0; j < gateRows; j++) {
            biasSum[j] = bi[j] + bh[j];
        }
        ensureWorkspace(b);
        while (steps.size() < length) {
            steps.add(newStep());
        }
        for (int t = 0; t < length; t++) {
            prepareStep(t, b);
        }
        forwardCursor = 0;
        backwardCursor = -1;
    }

    @Override
    public boolean continueForward(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        if (forwardCursor < length) {
            int to = Math.min(length, forwardCursor + maxSteps);
            forwardSteps(forwardCursor, to);
            forwardCursor = to;
        }
        return forwardCursor == length;
    }

    private void setState(DMatrixRMaj target, DMatrixRMaj given, int b, String name) {
        target.reshape(b, hiddenSize, false);
        if (given == null) {
            target.zero();
            return;
        }
        if (given.numRows != b || given.numCols != hiddenSize) {
            throw new IllegalArgumentException(name + " must be " + b + "x" + hiddenSize + ", was "
                    + given.numRows + "x" + given.numCols);
        }
        System.arraycopy(given.data, 0, target.data, 0, b * hiddenSize);
    }

    private static void transpose(double[] src, double[][] dst, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c][r] = src[r * cols + c];
            }
        }
    }

    private void ensureWorkspace(int b) {
        if (gi.length < b) {
            int g = gateRows;
            gi = new double[b][g];
            gh = separateHiddenPart() ? new double[b][g] : gi;
            dgi = new double[b][g];
            dgh = separateHiddenPart() ? new double[b][g] : dgi;
            dh = new double[b * hiddenSize];
            dhNext = new double[b][hiddenSize];
        }
    }

    /**
     * Fills {@link #gi} = b_ih + W_ih x_t and {@link #gh} = b_hh + W_hh h_{t−1} for every row of step t (their sum in
     * one array for RNN and LSTM).
     */
    protected final void preactivate(int t) {
        int g = gateRows;
        int h = hiddenSize;
        int in = inputSize;
        double[] xs = x[t].data;
        double[] hp = prevH(t);
        boolean apart = gi != gh;
        double[] bi = biasIh.value().data;
        double[] bh = biasHh.value().data;
        for (int b = 0; b < batch; b++) {
            double[] giRow = gi[b];
            double[] ghRow = gh[b];
            if (apart) {
                System.arraycopy(bi, 0, giRow, 0, g);
                System.arraycopy(bh, 0, ghRow, 0, g);
            } else {
                System.arraycopy(biasSum, 0, giRow, 0, g);
            }
            // gi += Σ_k x_k · (row k of W_ihᵀ); zero inputs (one-hot codes) are skipped
            for (int k = 0; k < in; k++) {
                double v = xs[b * in + k];
                if (v != 0.0) {
                    RowKernels.axpy(v, WihT[k], giRow, g);
                }
            }
            // gh += Σ_k h_k · (row k of W_hhᵀ)
            RowKernels.addWeightedRows(hp, b * h, 1, h, WhhT, ghRow, g);
        }
    }

    static double sigmoid(double a) {
        // e^−a overflows to +∞ for a < −709, and 1/(1+∞) = 0 is the right limit
        return 1.0 / (1.0 + Math.exp(-a));
    }

    @Override
    public void backward(DMatrixRMaj[] dhLoss, int truncation, boolean inputGradients) {
        beginBackward(dhLoss, truncation, inputGradients);
        continueBackward(length);
    }

    @Override
    public void beginBackward(DMatrixRMaj[] dhLoss, int truncation, boolean inputGradients) {
        checkBackward(dhLoss, truncation);
        startBackward();
        backwardDhLoss = dhLoss;
        backwardTruncation = truncation;
        backwardInputGradients = inputGradients;
        backwardCursor = length - 1;
    }

    @Override
    public boolean continueBackward(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        if (backwardCursor < 0) {
            return true;
        }
        DMatrixRMaj[] dhLoss = backwardDhLoss;
        int truncation = backwardTruncation;
        boolean inputGradients = backwardInputGradients;
        double[] dcNext = dc0.data; // carries ∂L/∂c backwards and ends as dc0
        int last = Math.max(0, backwardCursor - maxSteps + 1);
        for (int t = backwardCursor; t >= last; t--) {
            // dh = dhLoss_t + dhNext
            double dhSq = gatherHiddenGrad(t < dhLoss.length ? dhLoss[t] : null);
            // the cell's gates: dgi, dgh, dhNext ← the part of dh_{t−1} that bypasses W_hh, dcNext ← dc_{t−1}
            double dcSq = backwardStep(t, dh, dhNext, dcNext);
            // dWih, dbih, dWhh, dbhh += this step's share;  dhNext += W_hhᵀ dgh;  dx_t = W_ihᵀ dgi
            propagateStep(t, inputGradients ? inputGradBuffer(t) : null);
            dhNorms[t] = Math.sqrt(dhSq);
            dcNorms[t] = Math.sqrt(dcSq);
            // Truncation: windows of `truncation` steps counted back from the end; the state entering the first step
            // of a window is treated as a constant, so nothing flows into the previous window.
            if (truncation > 0 && t > 0 && (length - t) % truncation == 0) {
                zeroCarries(dcNext);
            }
        }
        backwardCursor = last - 1;
        if (backwardCursor >= 0) {
            return false;
        }
        backwardDhLoss = null;
        finishBackward(inputGradients);
        return true;
    }

    private void checkBackward(DMatrixRMaj[] dhLoss, int truncation) {
        if (length == 0 || forwardCursor < length) {
            throw new IllegalStateException("backward needs a forward first (a complete one)");
        }
        if (dhLoss == null || dhLoss.length > length) {
            throw new IllegalArgumentException("dhLoss must have 0.." + length + " entries (one per step), was "
                    + (dhLoss == null ? "null" : dhLoss.length));
        }
        if (truncation < 0) {
            throw new IllegalArgumentException("truncation must be 0 (full BPTT) or a positive window, was "
                    + truncation);
        }
        for (int t = 0; t < dhLoss.length; t++) {
            if (dhLoss[t] != null && (dhLoss[t].numRows != batch || dhLoss[t].numCols != hiddenSize)) {
                throw new IllegalArgumentException("dhLoss at step " + t + " must be " + batch + "x" + hiddenSize
                        + ", was " + dhLoss[t].numRows + "x" + dhLoss[t].numCols);
            }
        }
    }

    /** Zeroes the accumulators and the carries (nothing flows into the last step from the future), sizes buffers. */
    private void startBackward() {
        for (double[] r : dWihT) {
            Arrays.fill(r, 0.0);
        }
        for (double[] r : dWhhT) {
            Arrays.fill(r, 0.0);
        }
        double[] whh = weightHh.value().data;
        for (int j = 0; j < gateRows; j++) {
            System.arraycopy(whh, j * hiddenSize, Whh[j], 0, hiddenSize);
        }
        Arrays.fill(dbih, 0.0);
        Arrays.fill(dbhh, 0.0);
        if (dhNorms.length < length) {
            dhNorms = new double[length];
            dcNorms = new double[length];
        }
        dh0.reshape(batch, hiddenSize, false);
        dc0.reshape(batch, hiddenSize, false);
        dh0.zero();
        dc0.zero();
        for (int b = 0; b < batch; b++) {
            Arrays.fill(dhNext[b], 0.0);
        }
        while (dx.size() < length) {
            dx.add(new DMatrixRMaj(1, 1));
        }
    }

    /** dh = ∂L/∂h_t = the loss's own gradient at t (none if null) + dhNext; returns Σ dh² over the batch. */
    private double gatherHiddenGrad(DMatrixRMaj dhLossT) {
        double[] fromLoss = dhLossT == null ? null : dhLossT.data;
        int h = hiddenSize;
        double dhSq = 0.0;
        for (int b = 0; b < batch; b++) {
            double[] next = dhNext[b];
            int off = b * h;
            for (int j = 0; j < h; j++) {
                double d = next[j] + (fromLoss == null ? 0.0 : fromLoss[off + j]);
                dh[off + j] = d;
                dhSq += d * d;
            }
        }
        return dhSq;
    }

    /** The batch × I buffer for dx_t. */
    private double[] inputGradBuffer(int t) {
        DMatrixRMaj m = dx.get(t);
        m.reshape(batch, inputSize, false);
        return m.data;
    }

    /** Cuts the flow at a truncation boundary: dhNext = 0, dcNext = 0. */
    private void zeroCarries(double[] dcNext) {
        for (int b = 0; b < batch; b++) {
            Arrays.fill(dhNext[b], 0.0);
        }
        Arrays.fill(dcNext, 0, batch * hiddenSize, 0.0);
    }

    /** dh0 = what flowed out of step 0; the accumulated parameter gradients go into the grads. */
    private void finishBackward(boolean inputGradients) {
        int h = hiddenSize;
        for (int b = 0; b < batch; b++) {
            System.arraycopy(dhNext[b], 0, dh0.data, b * h, h);
        }
        if (!hasCellState()) {
            dc0.zero();
        }
        flushGradients();
        inputGradsValid = inputGradients;
        backwardLength = length;
    }

    /**
     * The parameter and input side of step t's backward, given the pre-activation gradients dgi = ∂L/∂(W_ih x + b_ih)
     * and dgh = ∂L/∂(W_hh h + b_hh) of every row. {@code dxt} is null when input gradients are not wanted.
     */
    private void propagateStep(int t, double[] dxt) {
        int g = gateRows;
        int h = hiddenSize;
        int in = inputSize;
        double[] xs = x[t].data;
        double[] hp = prevH(t);
        // dbih += Σ_b dgi[b];  dbhh += Σ_b dgh[b]
        for (int b = 0; b < batch; b++) {
            double[] dgiRow = dgi[b];
            double[] dghRow = dgh[b];
            for (int j = 0; j < g; j++) {
                dbih[j] += dgiRow[j];
                dbhh[j] += dghRow[j];
            }
        }
        // row k of dWihᵀ += Σ_b x[b][k] · dgi[b];  row k of dWhhᵀ += Σ_b h_{t−1}[b][k] · dgh[b]
        for (int k = 0; k < in; k++) {
            RowKernels.addWeightedRows(xs, k, in, batch, dgi, dWihT[k], g);
        }
        for (int k = 0; k < h; k++) {
            RowKernels.addWeightedRows(hp, k, h, batch, dgh, dWhhT[k], g);
        }
        // dhNext[b] += W_hhᵀ dgh[b] = Σ_j dgh[b][j] · (row j of W_hh)
        for (int b = 0; b < batch; b++) {
            RowKernels.addWeightedRows(dgh[b], 0, 1, g, Whh, dhNext[b], h);
        }
        if (dxt != null) {
            inputGradient(dxt);
        }
    }

    /** dx_t[b][k] = Σ_j dgi[b][j] · W_ih[j][k] = (row k of W_ihᵀ) · dgi[b]. */
    private void inputGradient(double[] dxt) {
        int g = gateRows;
        int in = inputSize;
        for (int b = 0; b < batch; b++) {
            double[] dgiRow = dgi[b];
            for (int k = 0; k < in; k++) {
                double s = 0.0;
                double[] w = WihT[k];
                for (int j = 0; j < g; j++) {
                    s += w[j] * dgiRow[j];
                }
                dxt[b * in + k] = s;
            }
        }
    }

    /** Adds this backward's dW_ihᵀ, dW_hhᵀ (transposed back to G × I, G × H), dbih and dbhh into the params' grads. */
    private void flushGradients() {
        int g = gateRows;
        double[] weightIhGrad = weightIh.grad().data;
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < inputSize; c++) {
                weightIhGrad[r * inputSize + c] += dWihT[c][r];
            }
        }
        double[] weightHhGrad = weightHh.grad().data;
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < hiddenSize; c++) {
                weightHhGrad[r * hiddenSize + c] += dWhhT[c][r];
            }
        }
        double[] biasIhGrad = biasIh.grad().data;
        double[] biasHhGrad = biasHh.grad().data;
        for (int j = 0; j < g; j++) {
            biasIhGrad[j] += dbih[j];
            biasHhGrad[j] += dbhh[j];
        }
    }

    @Override
    public DMatrixRMaj inputGrad(int t) {
        if (!inputGradsValid) {
            throw new IllegalStateException("input gradients were not computed: call backward(..., true)");
        }
        if (t < 0 || t >= backwardLength) {
            throw new IllegalArgumentException("step must be in 0.." + (backwardLength - 1) + ", was " + t);
        }
        return dx.get(t);
    }

    @Override
    public DMatrixRMaj initialHiddenGrad() {
        requireBackward();
        return dh0;
    }

    @Override
    public DMatrixRMaj initialCellGrad() {
        if (!hasCellState()) {
            return null;
        }
        requireBackward();
        return dc0;
    }

    @Override
    public double[] hiddenGradNorms() {
        requireBackward();
        return Arrays.copyOf(dhNorms, backwardLength);
    }

    @Override
    public double[] cellGradNorms() {
        requireBackward();
        return hasCellState() ? Arrays.copyOf(dcNorms, backwardLength) : null;
    }

    private void requireBackward() {
        if (backwardLength == 0) {
            throw new IllegalStateException("no backward has run since the last forward");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<S> trace(DMatrixRMaj[] x, int row) {
        if (x == null || x.length < 1) {
            throw new IllegalArgumentException("sequence length must be at least 1");
        }
        if (row < 0 || x[0] == null || row >= x[0].numRows) {
            throw new IllegalArgumentException("row must be in 0.." + (x[0] == null ? -1 : x[0].numRows - 1)
                    + ", was " + row);
        }
        DMatrixRMaj[] one = new DMatrixRMaj[x.length];
        for (int t = 0; t < x.length; t++) {
            if (x[t] == null || x[t].numCols != inputSize || x[t].numRows <= row) {
                throw new IllegalArgumentException("input at step " + t + " must have " + inputSize
                        + " columns and at least " + (row + 1) + " rows");
            }
            one[t] = CellStep.copyRow(x[t], row);
        }
        AbstractRecurrentCell<S> work = sibling();
        work.forward(one, null, null);
        List<S> out = new ArrayList<>(x.length);
        for (int t = 0; t < x.length; t++) {
            out.add((S) work.steps.get(t).row(0));
        }
        return out;
    }
}
