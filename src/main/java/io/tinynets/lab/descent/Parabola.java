package io.tinynets.lab.descent;

import java.util.List;

/** f(x) = x²: the simplest bowl, one minimum at 0; plain GD diverges for η > 1 (each step multiplies x by 1 − 2η). */
public final class Parabola implements Surface {

    @Override public String key() { return "parabola"; }
    @Override public int dimensions() { return 1; }

    @Override
    public double value(double[] p) {
        return p[0] * p[0];
    }

    @Override
    public void gradient(double[] p, double[] out) {
        out[0] = 2 * p[0];
    }

    @Override public Domain domain() { return new Domain(-3, 3, 0, 0); }
    @Override public List<double[]> knownMinima() { return List.of(new double[] {0}); }
    @Override public double[] defaultStart() { return new double[] {2.5}; }
}
