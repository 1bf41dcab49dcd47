package io.tinynets.lab.descent;

import java.util.List;

/**
 * f(x, y) = (1 − x)² + 100(y − x²)²: a curved, flat-bottomed banana valley; easy to reach, slow to follow to the
 * minimum at (1, 1). Values span many decades, so the heat map is log-scaled.
 */
public final class Rosenbrock implements Surface {

    @Override public String key() { return "rosenbrock"; }
    @Override public int dimensions() { return 2; }

    @Override
    public double value(double[] p) {
        double a = 1 - p[0];
        double b = p[1] - p[0] * p[0];
        return a * a + 100 * b * b;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double x = p[0];
        double b = p[1] - x * x;
        // ∂f/∂x = −2(1 − x) − 400x(y − x²);  ∂f/∂y = 200(y − x²)
        out[0] = -2 * (1 - x) - 400 * x * b;
        out[1] = 200 * b;
    }

    @Override public Domain domain() { return new Domain(-2, 2, -1, 3); }
    @Override public List<double[]> knownMinima() { return List.of(new double[] {1, 1}); }
    @Override public double[] defaultStart() { return new double[] {-1.5, 2.5}; }
    @Override public boolean logScale() { return true; }
}
