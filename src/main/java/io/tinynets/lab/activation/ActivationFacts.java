package io.tinynets.lab.activation;

import io.tinynets.engine.Activation;

/**
 * What the explorer states about one activation, every figure measured from the engine's own functions rather than
 * typed in.
 *
 * @param activation       the function
 * @param peakDerivative   max f'(x) found on the sampled interval (0.25 for the sigmoid)
 * @param peakAt           the x where f' peaks; for a plateau the x after which it stays there
 * @param peakShape        a single point (σ, tanh), a plateau to the right (ReLU: x &gt; 0), everywhere (linear), or
 *                         approached only as x → ∞ (softplus)
 * @param derivativeAtZero f'(0)
 * @param range            the output range, e.g. (0, 1) or [0, ∞)
 * @param zeroCentred      f is odd, f(−x) = −f(x), so outputs are centred on zero
 * @param saturation       on which sides f' falls below 1 % of its peak far from zero: gradients vanish there
 * @param derivativeLeft   f'(−4), how much gradient passes for a clearly negative input
 * @param derivativeRight  f'(4), the same for a clearly positive input
 */
public record ActivationFacts(Activation activation, double peakDerivative, double peakAt, PeakShape peakShape,
                              double derivativeAtZero,
                              OutputRange range, boolean zeroCentred, Saturation saturation, double derivativeLeft,
                              double derivativeRight) {

    /** How f' reaches its largest value. */
    public enum PeakShape { POINT, PLATEAU_RIGHT, EVERYWHERE, AT_INFINITY }

    /** Where the derivative dies away: nowhere (linear, leaky ReLU), on one side (ReLU, ELU), or both (σ, tanh). */
    public enum Saturation { NONE, ONE_SIDE, BOTH_SIDES }

    /**
     * An interval of outputs; an infinite bound is unbounded, and a bound is closed when some finite input reaches it.
     */
    public record OutputRange(double lower, boolean lowerClosed, double upper, boolean upperClosed) {

        public String format() {
            return (lowerClosed ? "[" : "(") + bound(lower) + ", " + bound(upper) + (upperClosed ? "]" : ")");
        }

        private static String bound(double v) {
            if (v == Double.NEGATIVE_INFINITY) {
                return "−∞";
            }
            if (v == Double.POSITIVE_INFINITY) {
                return "∞";
            }
            double r = Math.round(v * 1000) / 1000.0;
            String text = r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
            return text.replace('-', '−');
        }
    }
}
