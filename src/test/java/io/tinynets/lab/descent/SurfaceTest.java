package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurfaceTest {

    @ParameterizedTest
    @EnumSource(SurfaceKind.class)
    void gradientMatchesCentralFiniteDifferences(SurfaceKind kind) {
        Surface s = kind.create();
        Surface.Domain d = s.domain();
        SplittableRandom rng = new SplittableRandom(42);
        double delta = 1e-5;
        for (int trial = 0; trial < 20; trial++) {
            double[] p = new double[s.dimensions()];
            p[0] = d.xMin() + rng.nextDouble() * (d.xMax() - d.xMin());
            if (p.length == 2) {
                p[1] = d.yMin() + rng.nextDouble() * (d.yMax() - d.yMin());
            }
            double[] analytic = new double[p.length];
            s.gradient(p, analytic);
            for (int i = 0; i < p.length; i++) {
                double keep = p[i];
                p[i] = keep + delta;
                double plus = s.value(p);
                p[i] = keep - delta;
                double minus = s.value(p);
                p[i] = keep;
                double numeric = (plus - minus) / (2 * delta);
                double rel = Math.abs(analytic[i] - numeric) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric), 1e-8);
                assertThat(rel).as("%s d/dp%d at %s", kind, i, java.util.Arrays.toString(p)).isLessThan(1e-6);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SurfaceKind.class)
    void gradientVanishesAtEveryKnownMinimum(SurfaceKind kind) {
        Surface s = kind.create();
        for (double[] m : s.knownMinima()) {
            double[] g = new double[m.length];
            s.gradient(m, g);
            for (double gi : g) {
                assertThat(gi).as("%s at its minimum", kind).isCloseTo(0.0, within(1e-4));
            }
            assertThat(s.value(m)).isGreaterThanOrEqualTo(s.minimumValue() - 1e-9);
        }
    }

    @Test
    void knownMinimumValuesAreTheTextbookOnes() {
        assertThat(new Rosenbrock().minimumValue()).isZero();
        assertThat(new Saddle().minimumValue()).isCloseTo(-1.0, within(1e-12));
        assertThat(new Himmelblau().minimumValue()).isCloseTo(0.0, within(1e-9));
        DoubleWell well = new DoubleWell();
        assertThat(well.knownMinima().get(0)[0]).isCloseTo(-1.3008, within(1e-4));
        assertThat(well.value(well.knownMinima().get(1))).isGreaterThan(well.minimumValue() + 2);
    }

    @Test
    void lineFitMinimumIsTheLeastSquaresLineNearTheTrueOne() {
        LineFitSurface fit = (LineFitSurface) SurfaceKind.LINE_FIT.create();
        double[] best = fit.knownMinima().get(0);
        assertThat(best[0]).isCloseTo(LineFitSurface.TRUE_W, within(0.5));
        assertThat(best[1]).isCloseTo(LineFitSurface.TRUE_B, within(0.8));
        assertThat(fit.xs()).hasSize(LineFitSurface.POINTS);
        // same data seed, same scatter
        assertThat(((LineFitSurface) SurfaceKind.LINE_FIT.create()).ys()).containsExactly(fit.ys());
    }

    @ParameterizedTest
    @EnumSource(SurfaceKind.class)
    void plainGradientDescentFindsTheMinimumWithASuitableRate(SurfaceKind kind) {
        double lr = switch (kind) {
            case ROSENBROCK -> 1.5e-3;
            case HIMMELBLAU -> 0.01;
            case RAVINE -> 0.04;
            default -> 0.1;
        };
        int steps = kind == SurfaceKind.ROSENBROCK ? 60_000 : 3_000;
        DescentTrainer t = new DescentTrainer(DescentConfig.of(kind, List.of(OptimizerKind.SGD), lr)
                .withStart(startFor(kind)));
        for (int i = 0; i < steps; i++) {
            t.trainEpoch();
        }
        double[] p = t.positions().get(0);
        List<double[]> minima = t.surface().knownMinima();
        double nearest = minima.stream().mapToDouble(m -> distance(m, p)).min().orElseThrow();
        assertThat(nearest).as("%s ended at %s", kind, java.util.Arrays.toString(p)).isLessThan(1e-3);
        assertThat(t.statuses().get(0)).isIn(RacerStatus.CONVERGED, RacerStatus.STALLED);
    }

    @Test
    void doubleWellStartDecidesWhichMinimumGradientDescentFinds() {
        DescentConfig left = DescentConfig.of(SurfaceKind.DOUBLE_WELL, List.of(OptimizerKind.SGD), 0.02).withStart(-2);
        DescentConfig right = left.withStart(2);
        DescentTrainer a = new DescentTrainer(left);
        DescentTrainer b = new DescentTrainer(right);
        for (int i = 0; i < 2000; i++) {
            a.trainEpoch();
            b.trainEpoch();
        }
        DoubleWell well = new DoubleWell();
        assertThat(a.positions().get(0)[0]).isCloseTo(well.knownMinima().get(0)[0], within(1e-3));
        assertThat(a.statuses().get(0)).isEqualTo(RacerStatus.CONVERGED);
        assertThat(b.positions().get(0)[0]).isCloseTo(well.knownMinima().get(1)[0], within(1e-6));
        assertThat(b.statuses().get(0)).isEqualTo(RacerStatus.STALLED);
    }

    private static double[] startFor(SurfaceKind kind) {
        return kind.create().defaultStart();
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
