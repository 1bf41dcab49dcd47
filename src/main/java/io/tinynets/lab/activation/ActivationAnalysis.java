package io.tinynets.lab.activation;

import io.tinynets.engine.Activation;
import io.tinynets.lab.activation.ActivationFacts.OutputRange;
import io.tinynets.lab.activation.ActivationFacts.PeakShape;
import io.tinynets.lab.activation.ActivationFacts.Saturation;

/**
 * Measures an activation's facts by sampling it: where its derivative peaks, its output range, symmetry and
 * saturation. Pure computation over the engine's {@link Activation}.
 */
public final class ActivationAnalysis {

    /** The interval sampled for peaks and interior extremes. */
    static final double SPAN = 10.0;
    private static final double STEP = 1e-3;
    /** Far enough out that every bounded activation here has reached its asymptote in double precision. */
    private static final double FAR = 1e4;

    private ActivationAnalysis() {
    }

    public static ActivationFacts analyse(Activation f) {
        double peak = Double.NEGATIVE_INFINITY;
        double peakAt = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean odd = true;
        int n = (int) Math.round(2 * SPAN / STEP);
        for (int k = 0; k <= n; k++) {
            double x = -SPAN + k * STEP;
            double d = f.derivative(x);
            if (d > peak + 1e-12) {
                peak = d;
                peakAt = x;
            }
            double y = f.apply(x);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
            odd &= Math.abs(y + f.apply(-x)) <= 1e-12 * Math.max(1, Math.abs(y));
        }
        // Clean up the grid's rounding so a peak at 0 reads as 0, not 1e-13.
        peakAt = Math.abs(peakAt) < STEP / 2 ? 0.0 : Math.round(peakAt / STEP) * STEP;
        PeakShape shape = PeakShape.POINT;
        if (peakAt >= SPAN - STEP / 2) {
            // Still rising at the edge of the sample (softplus): the supremum is approached as x → ∞.
            peak = f.derivative(FAR);
            peakAt = Double.POSITIVE_INFINITY;
            shape = PeakShape.AT_INFINITY;
        } else if (Math.abs(f.derivative(peakAt + 1) - peak) <= 1e-12 && Math.abs(f.derivative(SPAN) - peak) <= 1e-12) {
            // f' stays at its peak from here on (ReLU for x > 0, linear everywhere).
            if (peakAt <= -SPAN + STEP / 2) {
                shape = PeakShape.EVERYWHERE;
            } else {
                shape = PeakShape.PLATEAU_RIGHT;
                peakAt = Math.abs(peakAt - STEP) < STEP / 2 ? 0.0 : peakAt - STEP;
            }
        }
        OutputRange range = range(f, lo, hi);
        double left = f.derivative(-4);
        double right = f.derivative(4);
        int flatSides = (f.derivative(-SPAN) < 0.01 * peak ? 1 : 0) + (f.derivative(SPAN) < 0.01 * peak ? 1 : 0);
        Saturation saturation = Saturation.values()[flatSides];
        return new ActivationFacts(f, peak, peakAt, shape, f.derivative(0), range, odd, saturation, left, right);
    }

    private static OutputRange range(Activation f, double sampledLo, double sampledHi) {
        double farLeft = f.apply(-FAR);
        double farRight = f.apply(FAR);
        double lower;
        boolean lowerClosed;
        if (Math.min(farLeft, farRight) < -FAR / 10) {
            lower = Double.NEGATIVE_INFINITY;
            lowerClosed = false;
        } else if (Math.min(farLeft, farRight) < sampledLo) {
            // Approached only far out: an asymptote that no finite input reaches.
            lower = Math.min(farLeft, farRight);
            lowerClosed = false;
        } else {
            lower = sampledLo;
            // Closed when an interior or finite input attains it (ReLU's 0 at every x < 0, GELU's minimum).
            lowerClosed = f.apply(-SPAN) == sampledLo || f.apply(SPAN) == sampledLo || interiorExtreme(f, sampledLo);
        }
        double upper;
        boolean upperClosed;
        if (Math.max(farLeft, farRight) > FAR / 10) {
            upper = Double.POSITIVE_INFINITY;
            upperClosed = false;
        } else if (Math.max(farLeft, farRight) > sampledHi) {
            upper = Math.max(farLeft, farRight);
            upperClosed = false;
        } else {
            upper = sampledHi;
            upperClosed = f.apply(-SPAN) == sampledHi || f.apply(SPAN) == sampledHi || interiorExtreme(f, sampledHi);
        }
        return new OutputRange(lower, lowerClosed, upper, upperClosed);
    }

    /** True when the extreme value is attained strictly inside the sampled span (a turning point such as GELU's). */
    private static boolean interiorExtreme(Activation f, double value) {
        int n = (int) Math.round(2 * SPAN / STEP);
        for (int k = 1; k < n; k++) {
            double x = -SPAN + k * STEP;
            if (f.apply(x) == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * The best-case factor by which a gradient can be multiplied after passing back through {@code layers} layers of
     * this activation (ignoring weights): (max f')^layers. For the sigmoid 0.25^10 ≈ 9.5e−7.
     */
    public static double bestCaseGradientFactor(ActivationFacts facts, int layers) {
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be ≥ 0, got " + layers);
        }
        return Math.pow(facts.peakDerivative(), layers);
    }

    /** Samples f and f' on [from, to] at {@code points} evenly spaced x values: {x, f(x), f'(x)}. */
    public static double[][] sample(Activation f, double from, double to, int points) {
        if (points < 2 || !(to > from)) {
            throw new IllegalArgumentException("need at least 2 points on a non-empty interval, got " + points
                    + " on [" + from + ", " + to + "]");
        }
        double[] xs = new double[points];
        double[] ys = new double[points];
        double[] ds = new double[points];
        for (int k = 0; k < points; k++) {
            double x = from + (to - from) * k / (points - 1);
            xs[k] = x;
            ys[k] = f.apply(x);
            ds[k] = f.derivative(x);
        }
        return new double[][] {xs, ys, ds};
    }
}
