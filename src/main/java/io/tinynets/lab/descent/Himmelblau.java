package io.tinynets.lab.descent;

import java.util.List;

/**
 * f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four equally deep minima (f = 0); which one a walk finds depends on the
 * start and the optimizer.
 */
public final class Himmelblau implements Surface {

    @Override public String key() { return "himmelblau"; }
    @Override public int dimensions() { return 2; }

    @Override
    public double value(double[] p) {
        double a = p[0] * p[0] + p[1] - 11;
        double b = p[0] + p[1] * p[1] - 7;
        return a * a + b * b;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double x = p[0];
        double y = p[1];
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        // ∂f/∂x = 4x·a + 2b;  ∂f/∂y = 2a + 4y·b
        out[0] = 4 * x * a + 2 * b;
        out[1] = 2 * a + 4 * y * b;
    }

    @Override public Domain domain() { return new Domain(-5, 5, -5, 5); }

    @Override
    public List<double[]> knownMinima() {
        return List.of(new double[] {3, 2}, new double[] {-2.805118, 3.131312},
                new double[] {-3.779310, -3.283186}, new double[] {3.584428, -1.848126});
    }

    @Override public double[] defaultStart() { return new double[] {0, 0}; }
    @Override public boolean logScale() { return true; }
}
