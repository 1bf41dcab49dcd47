package io.tinynets.lab.descent;

import java.util.List;

/**
 * f(x, y) = x² − y² + y⁴/4: a saddle at the origin (flat gradient, yet not a minimum) between two minima at
 * (0, ±√2) with f = −1. Started almost on the ridge, plain GD lingers near the saddle before rolling off.
 */
public final class Saddle implements Surface {

    private static final double ROOT2 = Math.sqrt(2);

    @Override public String key() { return "saddle"; }
    @Override public int dimensions() { return 2; }

    @Override
    public double value(double[] p) {
        double x = p[0];
        double y = p[1];
        return x * x - y * y + y * y * y * y / 4;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double y = p[1];
        out[0] = 2 * p[0];
        out[1] = -2 * y + y * y * y;
    }

    @Override public Domain domain() { return new Domain(-2.5, 2.5, -2.5, 2.5); }

    @Override
    public List<double[]> knownMinima() {
        return List.of(new double[] {0, ROOT2}, new double[] {0, -ROOT2});
    }

    @Override public double[] defaultStart() { return new double[] {-2.2, 0.01}; }
}
