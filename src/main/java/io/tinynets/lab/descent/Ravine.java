package io.tinynets.lab.descent;

import java.util.List;

/**
 * f(x, y) = x²/2 + 10y²: an elongated valley, 20 times steeper across than along. A rate small enough not to bounce
 * across (η &lt; 0.1) crawls along the floor; momentum and adaptive methods fix exactly this.
 */
public final class Ravine implements Surface {

    static final double STEEP = 10;

    @Override public String key() { return "ravine"; }
    @Override public int dimensions() { return 2; }

    @Override
    public double value(double[] p) {
        return 0.5 * p[0] * p[0] + STEEP * p[1] * p[1];
    }

    @Override
    public void gradient(double[] p, double[] out) {
        out[0] = p[0];
        out[1] = 2 * STEEP * p[1];
    }

    @Override public Domain domain() { return new Domain(-4, 4, -2, 2); }
    @Override public List<double[]> knownMinima() { return List.of(new double[] {0, 0}); }
    @Override public double[] defaultStart() { return new double[] {-3.5, 1.2}; }
}
