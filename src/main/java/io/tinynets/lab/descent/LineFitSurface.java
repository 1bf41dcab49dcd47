package io.tinynets.lab.descent;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Fitting a line y = w·x + b to a small scatter: the surface is the mean squared error over (w, b), so a point on it
 * is a line through the data. It is a ravine too whenever the x values are not centred.
 */
public final class LineFitSurface implements Surface {

    public static final int POINTS = 12;
    static final double TRUE_W = 1.5;
    static final double TRUE_B = 2.0;

    private final double[] xs;
    private final double[] ys;
    private final double bestW;
    private final double bestB;

    /** Twelve points around y = 1.5x + 2 with x in [0, 3] and Gaussian noise, drawn from {@code rng}. */
    public LineFitSurface(SplittableRandom rng) {
        xs = new double[POINTS];
        ys = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            xs[i] = 3.0 * i / (POINTS - 1) + 0.1 * (rng.nextDouble() - 0.5);
            ys[i] = TRUE_W * xs[i] + TRUE_B + 0.4 * gaussian(rng);
        }
        // least squares: w = cov(x, y) / var(x), b = ȳ − w·x̄
        double mx = mean(xs);
        double my = mean(ys);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < POINTS; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        bestW = sxy / sxx;
        bestB = my - bestW * mx;
    }

    @Override public String key() { return "lineFit"; }
    @Override public int dimensions() { return 2; }

    /** L(w, b) = 1/n Σ (w·xᵢ + b − yᵢ)². */
    @Override
    public double value(double[] p) {
        double sum = 0;
        for (int i = 0; i < POINTS; i++) {
            double r = p[0] * xs[i] + p[1] - ys[i];
            sum += r * r;
        }
        return sum / POINTS;
    }

    /** ∂L/∂w = 2/n Σ rᵢ·xᵢ, ∂L/∂b = 2/n Σ rᵢ with rᵢ = w·xᵢ + b − yᵢ. */
    @Override
    public void gradient(double[] p, double[] out) {
        double dw = 0;
        double db = 0;
        for (int i = 0; i < POINTS; i++) {
            double r = p[0] * xs[i] + p[1] - ys[i];
            dw += r * xs[i];
            db += r;
        }
        out[0] = 2 * dw / POINTS;
        out[1] = 2 * db / POINTS;
    }

    @Override public Domain domain() { return new Domain(-2, 5, -3, 6); }
    @Override public List<double[]> knownMinima() { return List.of(new double[] {bestW, bestB}); }
    @Override public double[] defaultStart() { return new double[] {-1.5, -2}; }

    public double[] xs() {
        return xs.clone();
    }

    public double[] ys() {
        return ys.clone();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; 1 − u keeps the log argument in (0, 1]
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
