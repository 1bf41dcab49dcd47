package io.tinynets.lab.descent;

import java.util.List;

/**
 * f(x) = x⁴ − 3x² + x: a deep (global) well on the left and a shallow (local) one on the right, so where you start
 * decides where plain gradient descent ends, and momentum can roll over the bump.
 */
public final class DoubleWell implements Surface {

    /** Roots of f'(x) = 4x³ − 6x + 1 that are minima, found once by Newton's method. */
    private static final double GLOBAL = newton(-1.3);
    private static final double LOCAL = newton(1.1);

    @Override public String key() { return "doubleWell"; }
    @Override public int dimensions() { return 1; }

    @Override
    public double value(double[] p) {
        double x = p[0];
        return x * x * x * x - 3 * x * x + x;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double x = p[0];
        out[0] = 4 * x * x * x - 6 * x + 1;
    }

    @Override public Domain domain() { return new Domain(-2.2, 2.2, 0, 0); }
    @Override public List<double[]> knownMinima() { return List.of(new double[] {GLOBAL}, new double[] {LOCAL}); }
    @Override public double[] defaultStart() { return new double[] {2.0}; }

    private static double newton(double x) {
        for (int i = 0; i < 50; i++) {
            x -= (4 * x * x * x - 6 * x + 1) / (12 * x * x - 6);
        }
        return x;
    }
}
