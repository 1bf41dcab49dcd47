package io.tinynets.lab.sequence;

/**
 * The gradient-flow picture's quantity: ‖∂L/∂h_t‖ / ‖∂L/∂h_T‖, the share of the error signal at the answer step T
 * (the last step) that reaches step t. The absolute norm mostly shows how small a cell's loss already is (a solved
 * task has a tiny gradient everywhere); dividing by the answer step's norm leaves only how the signal fades on its
 * way back through time, which is what the lab's text talks about.
 */
public final class RelativeGradient {

    private RelativeGradient() {
    }

    /** {@code norms} divided by ‖∂L/∂h_T‖ = {@code hidden[T]}; empty when there is nothing or the answer gets none. */
    public static double[] of(double[] norms, double[] hidden) {
        if (norms == null || hidden == null || norms.length == 0 || hidden.length == 0) {
            return new double[0];
        }
        double answer = hidden[hidden.length - 1];
        if (!(answer > 0) || !Double.isFinite(answer)) {
            return new double[0];
        }
        double[] out = new double[norms.length];
        for (int t = 0; t < norms.length; t++) {
            out[t] = norms[t] / answer;
        }
        return out;
    }

    /** The hidden state's own curve relative to its answer step: 1 at t = T. */
    public static double[] ofHidden(double[] hidden) {
        return of(hidden, hidden);
    }
}
