package io.tinynets.engine.recurrent;

/**
 * How much gradient reaches each time step: ‖∂L/∂h_t‖ for t = 0..T−1 and, for an LSTM, ‖∂L/∂c_t‖. With the loss at
 * the last step, a vanilla RNN's curve falls by orders of magnitude toward t = 0 (the vanishing gradient) while an
 * LSTM's cell-state curve stays up: the measurement behind the sequence lab's gradient-flow chart.
 *
 * @param kind   the cell that was measured
 * @param hidden ‖∂L/∂h_t‖ per step
 * @param cell   ‖∂L/∂c_t‖ per step, or null for cells without a cell state
 */
public record GradientFlow(CellKind kind, double[] hidden, double[] cell) {

    /** The norms of the cell's last backward pass. */
    public static GradientFlow of(RecurrentCell cell) {
        return new GradientFlow(cell.kind(), cell.hiddenGradNorms(), cell.cellGradNorms());
    }

    public int length() {
        return hidden.length;
    }

    /** ‖∂L/∂h_0‖ / ‖∂L/∂h_{T−1}‖: how much of the gradient at the end survives to the start (0 if none arrives). */
    public double survivalRatio() {
        double end = hidden[hidden.length - 1];
        return end == 0 ? 0 : hidden[0] / end;
    }
}
