package io.tinynets.lab.descent;

import java.util.List;

/** f(x, y) = x² + y²: a round bowl; the gradient points straight at the minimum from everywhere. */
public final class Bowl implements Surface {

    @Override public String key() { return "bowl"; }
    @Override public int dimensions() { return 2; }

    @Override
    public double value(double[] p) {
        return p[0] * p[0] + p[1] * p[1];
    }

    @Override
    public void gradient(double[] p, double[] out) {
        out[0] = 2 * p[0];
        out[1] = 2 * p[1];
    }

    @Override public Domain domain() { return new Domain(-3, 3, -3, 3); }
    @Override public List<double[]> knownMinima() { return List.of(new double[] {0, 0}); }
    @Override public double[] defaultStart() { return new double[] {-2.5, 2.0}; }
}
