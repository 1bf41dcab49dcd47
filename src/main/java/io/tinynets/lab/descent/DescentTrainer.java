package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A race of optimizers on one surface, stepped in lock-step: one epoch is one step of every racer. One trainer for
 * the whole race (rather than one run per racer) keeps them at the same step count, so the paths and the loss
 * curves compare step for step, and play/pause/step/reset act on all of them at once.
 *
 * <p>Racers never share state: each has its own point and its own optimizer. A racer that diverges is frozen and
 * reported by its {@link RacerStatus}; the others go on. The run itself diverges (with the runtime's advice) only
 * when every racer has.
 */
public final class DescentTrainer implements Trainer<DescentInternals> {

    private final Surface surface;
    private final List<Racer> racers = new ArrayList<>();
    private double learningRate;
    private long steps;

    public DescentTrainer(DescentConfig config) {
        this.surface = config.surface().create();
        this.learningRate = config.learningRate();
        for (OptimizerConfig oc : config.optimizerConfigs()) {
            racers.add(new Racer(surface, oc, config.start()));
        }
    }

    /** The run's seed is not used: a walk from a given start is deterministic (the scatter has its own seed). */
    public static TrainerFactory<DescentInternals> factory(DescentConfig config) {
        return seed -> new DescentTrainer(config);
    }

    public Surface surface() {
        return surface;
    }

    @Override
    public EpochMetrics trainEpoch() {
        steps++;
        double best = Double.NaN;
        for (Racer r : racers) {
            r.step();
            if (!r.diverged() && !(r.loss() >= best)) {
                best = r.loss();
            }
        }
        // NaN once every racer has diverged: the runtime then ends the run with its advice
        return EpochMetrics.of(best);
    }

    @Override
    public DescentInternals captureInternals() {
        List<RacerSnapshot> out = new ArrayList<>(racers.size());
        for (Racer r : racers) {
            out.add(r.snapshot());
        }
        return new DescentInternals(steps, out);
    }

    /** True while at least one racer is still on the surface (diverged racers are frozen, see the class comment). */
    @Override
    public boolean parametersFinite() {
        return racers.stream().anyMatch(r -> !r.diverged());
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /** The same rate for every racer, kept in each optimizer's state (velocities and moments survive). */
    @Override
    public void setLearningRate(double learningRate) {
        racers.forEach(r -> r.setLearningRate(learningRate));
        this.learningRate = learningRate;
    }

    @Override
    public long parameterCount() {
        return (long) racers.size() * surface.dimensions();
    }

    @Override
    public int datasetSize() {
        return surface instanceof LineFitSurface ? LineFitSurface.POINTS : 1;
    }

    /** The racers' current points, in race order (for tests and benchmarks). */
    public List<double[]> positions() {
        return racers.stream().map(Racer::position).toList();
    }

    public List<RacerStatus> statuses() {
        return racers.stream().map(Racer::status).toList();
    }
}
