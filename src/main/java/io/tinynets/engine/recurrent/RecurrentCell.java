package io.tinynets.engine.recurrent;

import io.tinynets.engine.Param;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent cell run over whole sequences with backpropagation through time (BPTT), batched: the input at step t is
 * a batch × inputSize matrix, every state a batch × hiddenSize matrix (PyTorch's [T][B][I] layout with T outermost).
 *
 * <p>Parameters follow PyTorch exactly: {@code weight_ih} (blocks·H × I), {@code weight_hh} (blocks·H × H),
 * {@code bias_ih} and {@code bias_hh} (1 × blocks·H), the gate blocks stacked in PyTorch's order, so weights exchanged
 * with the state_dict JSON of {@code io.tinynets.training.io.PyTorchWeights} give the same numbers as {@code nn.RNN}, {@code nn.LSTM} and {@code nn.GRU}.
 *
 * <p>Use: {@link #forward}, read {@link #hidden(int)}, then {@link #backward} with ∂L/∂h_t for the steps that carry a
 * loss; gradients are <em>added</em> into the parameters' {@code grad}. The cell keeps references to the input
 * matrices between forward and backward: do not change them in between.
 */
public interface RecurrentCell {

    int MAX_HIDDEN = 64;
    int MAX_INPUT = 512;

    CellKind kind();

    int inputSize();

    int hiddenSize();

    /** weight_ih, weight_hh, bias_ih, bias_hh, in that order (PyTorch's state_dict order). */
    List<Param> params();

    default int parameterCount() {
        return kind().parameterCount(inputSize(), hiddenSize());
    }

    /** True for the LSTM, whose cell state c runs beside h. */
    default boolean hasCellState() {
        return kind() == CellKind.LSTM;
    }

    /** Redraws every parameter from U(−1/√H, 1/√H), PyTorch's default for its recurrent modules. */
    void resetParameters(SplittableRandom random);

    /**
     * Runs the whole sequence. {@code h0} and {@code c0} (batch × H) may be null for zero initial states; {@code c0}
     * is ignored by cells without a cell state.
     */
    void forward(DMatrixRMaj[] x, DMatrixRMaj h0, DMatrixRMaj c0);

    /**
     * {@link #forward} in pieces, for a caller that shares its thread between them: checks the arguments and
     * prepares the steps; {@link #continueForward} then computes them. The same arithmetic in the same order.
     */
    void beginForward(DMatrixRMaj[] x, DMatrixRMaj h0, DMatrixRMaj c0);

    /** Computes up to {@code maxSteps} more steps of the forward begun; true once every step is done. */
    boolean continueForward(int maxSteps);

    /** Steps of the last forward. */
    int length();

    /** Rows (sequences) of the last forward. */
    int batchSize();

    /** h_t of the last forward, t in 0..length−1; owned by the cell and overwritten by the next forward. */
    default DMatrixRMaj hidden(int t) {
        return step(t).h();
    }

    /** The gates and states of step t of the last forward, for the whole batch (owned by the cell). */
    CellStep step(int t);

    /**
     * Backpropagation through time from the gradients {@code dhLoss[t]} = ∂L/∂h_t that the loss puts on each output
     * (null entries mean no loss at that step; the array may be shorter than the sequence, and missing trailing
     * steps count as null). Adds into every parameter's grad and fills {@link #initialHiddenGrad()},
     * {@link #initialCellGrad()}, the gradient-flow norms and, if asked, {@link #inputGrad(int)}.
     *
     * @param truncation 0 for full BPTT; k &gt; 0 cuts the sequence into windows of k steps counted back from its
     *                   end, and the gradient does not cross a window boundary (as if the state were detached there,
     *                   the usual truncated BPTT). With k ≥ length this is full BPTT.
     * @param inputGradients whether to compute ∂L/∂x_t (not needed to train; costs blocks·H·I per row and step)
     */
    void backward(DMatrixRMaj[] dhLoss, int truncation, boolean inputGradients);

    /**
     * {@link #backward} in pieces: checks the arguments after a complete forward; {@link #continueBackward} then goes
     * back through the steps, and the last piece adds into the grads. The same arithmetic in the same order.
     */
    void beginBackward(DMatrixRMaj[] dhLoss, int truncation, boolean inputGradients);

    /** Goes back through up to {@code maxSteps} more steps; true once the backward is complete. */
    boolean continueBackward(int maxSteps);

    /** ∂L/∂x_t after a backward that asked for input gradients. */
    DMatrixRMaj inputGrad(int t);

    /** ∂L/∂h_0 (the initial state) after a backward. */
    DMatrixRMaj initialHiddenGrad();

    /** ∂L/∂c_0 after a backward, or null for cells without a cell state. */
    DMatrixRMaj initialCellGrad();

    /**
     * ‖∂L/∂h_t‖ (Frobenius over the batch) for every step of the last backward: the total gradient reaching h_t from
     * the loss at t and from every later step through time. A copy.
     */
    double[] hiddenGradNorms();

    /** ‖∂L/∂c_t‖ for every step of the last backward (LSTM), or null. A copy. */
    double[] cellGradNorms();

    /**
     * Runs one sequence (row {@code row} of {@code x}) from zero states on a private workspace and returns each step as
     * fresh 1 × H records: the gate traces a UI shows. Does not disturb the training cache.
     */
    List<? extends CellStep> trace(DMatrixRMaj[] x, int row);

    /** False when any parameter is NaN or ±Inf. */
    default boolean isFinite() {
        for (Param p : params()) {
            if (!p.isFinite()) {
                return false;
            }
        }
        return true;
    }
}
