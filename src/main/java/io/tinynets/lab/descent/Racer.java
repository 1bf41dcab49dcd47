package io.tinynets.lab.descent;

import io.tinynets.engine.Param;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.OptimizerState;
import io.tinynets.training.io.OptimizerStateJson;

import java.util.List;
import java.util.Map;

/**
 * One optimizer walking one point down a surface: the point is a 1×d engine {@link Param} and the engine's own
 * {@link Optimizer} moves it, exactly as it moves a network's weights. Keeps the path and the loss of every step.
 */
final class Racer {

    /** A point further than this many domain widths from the domain's centre has left the surface for good. */
    static final double ESCAPE_WIDTHS = 1000;
    static final double CONVERGED_GRADIENT = 1e-6;
    static final double CONVERGED_GAP = 1e-8;
    static final int WINDOW = 10;
    static final int CRAWL_WINDOW = 50;
    /**
     * Steps with a vanished gradient (below {@link #CONVERGED_GRADIENT}) away from the minimum after which a racer is
     * stuck: at a local minimum, or so close to a saddle point that at this rate it would not visibly move again.
     */
    static final int STUCK_STEPS = 500;

    private final OptimizerKind kind;
    private final Surface surface;
    private final Param point;
    private final List<Param> params;
    private final Optimizer optimizer;
    private final double minimum;
    private final double[] previousGradient;
    private final boolean[] flips = new boolean[WINDOW];
    private final History xs = new History();
    private final History ys = new History();
    private final History losses = new History();
    private boolean diverged;
    /** At the minimum: further steps would only jitter at rounding level, so the racer rests (its curve ends). */
    private boolean converged;
    private long steps;
    /** Consecutive steps whose gradient vanished away from the minimum. */
    private long stalledSteps;

    Racer(Surface surface, OptimizerConfig config, double[] start) {
        this(surface, config, start, false, null);
    }

    /**
     * @param frozen true for a racer that had diverged when its race was saved: it stays out of the race
     * @param saved  the optimizer state saved with the race, resumed when of this racer's kind; null = fresh
     */
    Racer(Surface surface, OptimizerConfig config, double[] start, boolean frozen, OptimizerStateJson.Saved saved) {
        this.kind = config.kind();
        this.surface = surface;
        this.point = Param.zeros("point", 1, surface.dimensions());
        System.arraycopy(start, 0, point.value().data, 0, surface.dimensions());
        this.params = List.of(point);
        this.optimizer = config.create();
        if (saved != null) {
            saved.importInto(optimizer, params);
        }
        this.minimum = surface.minimumValue();
        this.previousGradient = new double[surface.dimensions()];
        surface.gradient(point.value().data, point.grad().data);
        record();
        this.diverged = frozen;
    }

    /** One optimizer step from the gradient at the current point; a diverged racer stays where it left. */
    void step() {
        if (diverged || converged) {
            return;
        }
        double[] p = point.value().data;
        double[] g = point.grad().data;
        System.arraycopy(g, 0, previousGradient, 0, g.length);
        // g = ∇f(p); the optimizer then applies its own rule (p ← p − η·g for plain GD)
        point.zeroGrad();
        surface.gradient(p, g);
        optimizer.step(params);
        steps++;
        if (!inside(p) || !Double.isFinite(surface.value(p))) {
            diverged = true;
            return;
        }
        surface.gradient(p, g); // the gradient at the new point, for the arrow and the next step
        flips[(int) (steps % WINDOW)] = dot(g, previousGradient) < 0;
        record();
        converged = loss() - minimum < CONVERGED_GAP && Math.sqrt(dot(g, g)) < 1e-3;
        stalledSteps = !converged && Math.sqrt(dot(g, g)) < CONVERGED_GRADIENT ? stalledSteps + 1 : 0;
    }

    /** True once the racer rests at the minimum. */
    boolean converged() {
        return converged;
    }

    /** True once the racer has been stuck where the gradient vanished for {@link #STUCK_STEPS} steps. */
    boolean stuck() {
        return !diverged && !converged && stalledSteps >= STUCK_STEPS;
    }

    private void record() {
        double[] p = point.value().data;
        double f = surface.value(p);
        xs.add(p[0]);
        ys.add(surface.dimensions() == 2 ? p[1] : f);
        losses.add(f);
    }

    private boolean inside(double[] p) {
        Surface.Domain d = surface.domain();
        double width = Math.max(d.xMax() - d.xMin(), d.yMax() - d.yMin());
        double cx = (d.xMin() + d.xMax()) / 2;
        double cy = (d.yMin() + d.yMax()) / 2;
        double limit = ESCAPE_WIDTHS * width;
        boolean xOk = Double.isFinite(p[0]) && Math.abs(p[0] - cx) < limit;
        return p.length == 1 ? xOk : xOk && Double.isFinite(p[1]) && Math.abs(p[1] - cy) < limit;
    }

    RacerStatus status() {
        if (diverged) {
            return RacerStatus.DIVERGED;
        }
        if (converged) {
            return RacerStatus.CONVERGED;
        }
        if (steps == 0) {
            return RacerStatus.READY;
        }
        int n = losses.length();
        double loss = losses.get(n - 1);
        double gap = loss - minimum;
        double gradNorm = Math.sqrt(dot(point.grad().data, point.grad().data));
        if (gap < CONVERGED_GAP && gradNorm < 1e-3) {
            return RacerStatus.CONVERGED;
        }
        if (gradNorm < CONVERGED_GRADIENT) {
            return RacerStatus.STALLED;
        }
        if (n > WINDOW && loss > losses.get(n - 1 - WINDOW)) {
            return RacerStatus.OVERSHOOTING;
        }
        int flipCount = 0;
        for (boolean f : flips) {
            flipCount += f ? 1 : 0;
        }
        if (steps >= WINDOW && flipCount >= WINDOW / 2) {
            return RacerStatus.OSCILLATING;
        }
        if (n > CRAWL_WINDOW && gap > 0.9 * (losses.get(n - 1 - CRAWL_WINDOW) - minimum)) {
            return RacerStatus.CRAWLING;
        }
        return RacerStatus.DESCENDING;
    }

    RacerSnapshot snapshot() {
        double[] velocity = null;
        OptimizerState state = optimizer.exportState();
        Map<String, double[]> buffers = state.buffers().get(point.name());
        if (buffers != null) {
            velocity = buffers.get(kind == OptimizerKind.ADAM ? "m" : "velocity");
        }
        return new RacerSnapshot(kind, point.value().data.clone(), point.grad().data.clone(), velocity,
                losses.get(losses.length() - 1), minimum, status(), steps, xs.view(), ys.view(), losses.view(),
                new OptimizerStateJson.Saved(kind, state));
    }

    boolean diverged() {
        return diverged;
    }

    double loss() {
        return losses.get(losses.length() - 1);
    }

    double[] position() {
        return point.value().data.clone();
    }

    void setLearningRate(double lr) {
        optimizer.setLearningRate(lr);
    }

    double learningRate() {
        return optimizer.learningRate();
    }

    OptimizerKind kind() {
        return kind;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
