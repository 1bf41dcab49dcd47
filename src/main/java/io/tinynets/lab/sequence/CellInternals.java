package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.training.io.OptimizerStateJson;
import java.util.List;

/**
 * What the view shows of one cell at one moment. Everything is a fresh copy, safe to hand to the UI thread.
 *
 * @param kind             RNN, LSTM or GRU
 * @param cellParameters   trainable numbers of the cell alone (GRU = ¾ of LSTM)
 * @param totalParameters  cell plus output layer
 * @param loss             train loss of the epochs {@link SequenceInternals#firstEpoch()} onward
 * @param metric           accuracy on the evaluation batch (classification) or its loss (regression), same epochs
 * @param trace            gate and state records of the example sequence, one per time step (empty when the live
 *                         panels are hidden)
 * @param gradientHidden   ‖∂L/∂h_t‖ per step for the example (empty when hidden)
 * @param gradientCell     ‖∂L/∂c_t‖ per step for an LSTM, else empty
 * @param firstGradientHidden ‖∂L/∂h_t‖ per step for the example right after this run's first epoch, kept so the
 *                         view can draw it as a ghost beside the current curve (empty before the first epoch ends
 *                         or when the panels are hidden)
 * @param prediction       next-character prediction and sample, or null for other tasks / hidden panels
 * @param parameters       every weight of the model (cell and output layer) in {@code SequenceModel.params()} order,
 *                         flattened: what a saved experiment keeps, copied at the same epoch as the curves
 * @param optimizer        a copy of the model's optimizer state at the same epoch, saved with the weights
 */
public record CellInternals(CellKind kind, int cellParameters, int totalParameters, double[] loss, double[] metric,
                            List<? extends CellStep> trace, double[] gradientHidden, double[] gradientCell,
                            double[] firstGradientHidden, Prediction prediction, double[] parameters, OptimizerStateJson.Saved optimizer) {

    /**
     * @param characters   the most likely next characters after the example, most likely first
     * @param probabilities their probabilities
     * @param continuation characters sampled one at a time after the example at the chosen temperature
     */
    public record Prediction(List<String> characters, double[] probabilities, String continuation) {
    }
}
