package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.Advice;
import io.tinynets.training.EpochMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescentTrainerTest {

    @Test
    void tooLargeARateIsReportedAsDivergingAndEndsALoneRacersRun() {
        // on x², GD multiplies x by (1 − 2η) each step: η = 1.1 grows it by 1.2
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.PARABOLA, List.of(OptimizerKind.SGD), 1.1));
        for (int i = 0; i < 15; i++) {
            t.trainEpoch();
        }
        assertThat(t.statuses().get(0)).isEqualTo(RacerStatus.OVERSHOOTING);
        EpochMetrics last = null;
        for (int i = 0; i < 200 && t.parametersFinite(); i++) {
            last = t.trainEpoch();
        }
        assertThat(t.statuses().get(0)).isEqualTo(RacerStatus.DIVERGED);
        assertThat(t.parametersFinite()).isFalse();
        assertThat(last.lossesFinite()).isFalse();
    }

    @Test
    void rateJustBelowTheLimitOscillatesButConverges() {
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.PARABOLA, List.of(OptimizerKind.SGD), 0.9));
        for (int i = 0; i < 20; i++) {
            t.trainEpoch();
        }
        assertThat(t.statuses().get(0)).isEqualTo(RacerStatus.OSCILLATING);
    }

    @Test
    void tinyRateIsReportedAsCrawling() {
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.BOWL, List.of(OptimizerKind.SGD), 1e-4));
        for (int i = 0; i < 100; i++) {
            t.trainEpoch();
        }
        assertThat(t.statuses().get(0)).isEqualTo(RacerStatus.CRAWLING);
    }

    @Test
    void racersStayIndependentOfEachOther() {
        List<OptimizerKind> all = List.of(OptimizerKind.values());
        DescentConfig race = DescentConfig.of(SurfaceKind.RAVINE, all, 0.12);
        DescentTrainer together = new DescentTrainer(race);
        for (int i = 0; i < 300; i++) {
            together.trainEpoch();
        }
        for (int k = 0; k < all.size(); k++) {
            DescentTrainer alone = new DescentTrainer(DescentConfig.of(SurfaceKind.RAVINE, List.of(all.get(k)), 0.12));
            for (int i = 0; i < 300; i++) {
                alone.trainEpoch();
            }
            assertThat(together.positions().get(k)).as(all.get(k).key()).containsExactly(alone.positions().get(0));
        }
    }

    @Test
    void theDefaultRaceIsOverWellBeforeItsStepBudgetOnceEveryRacerConverged() {
        // the lab's defaults: the ravine, GD, momentum and Adam at η = 0.05 (DescentForm)
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.RAVINE,
                List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAM), 0.05));
        long budget = 100_000; // the server's default epoch limit per run
        long steps = 0;
        while (t.settled().isEmpty() && steps < budget) {
            t.trainEpoch();
            steps++;
        }
        assertThat(steps).isLessThan(1_000);
        assertThat(t.statuses()).containsOnly(RacerStatus.CONVERGED);
        assertThat(t.settled()).contains(Advice.of(DescentTrainer.SETTLED, steps, 3L, 0L));
        // one step earlier at least one racer was still on its way
        DescentTrainer again = new DescentTrainer(DescentConfig.of(SurfaceKind.RAVINE,
                List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAM), 0.05));
        for (long i = 0; i < steps - 1; i++) {
            again.trainEpoch();
        }
        assertThat(again.settled()).isEmpty();
    }

    @Test
    void aRaceWithOneDivergedRacerIsOverWhenTheOthersConvergedAndSaysHowMany() {
        // η = 0.12 on the ravine: GD blows up across the valley, Adam converges
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.RAVINE,
                List.of(OptimizerKind.SGD, OptimizerKind.ADAM), 0.12));
        long steps = 0;
        while (t.settled().isEmpty() && steps < 100_000) {
            t.trainEpoch();
            steps++;
        }
        assertThat(steps).isLessThan(100_000);
        assertThat(t.statuses()).containsExactly(RacerStatus.DIVERGED, RacerStatus.CONVERGED);
        assertThat(t.settled().orElseThrow().args()).containsExactly(steps, 1L, 1L);
    }

    @Test
    void aRacerStuckAtALocalMinimumEndsTheRaceAfterItHasRestedThere() {
        // the double well's shallow side: GD settles in the local minimum and the gradient vanishes there
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.DOUBLE_WELL,
                List.of(OptimizerKind.SGD), 0.05));
        long steps = 0;
        while (t.settled().isEmpty() && steps < 100_000) {
            t.trainEpoch();
            steps++;
        }
        assertThat(steps).isLessThan(100_000).isGreaterThan(Racer.STUCK_STEPS);
        assertThat(t.statuses()).containsExactly(RacerStatus.STALLED);
        assertThat(t.settled().orElseThrow().messageKey()).isEqualTo(DescentTrainer.SETTLED_STUCK);
    }

    @Test
    void oneDivergedRacerDoesNotStopTheRace() {
        // η = 0.12 on the ravine: 1 − 0.12·20 = −1.4 across the valley, so GD blows up; Adam's steps stay ≈ η
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.RAVINE,
                List.of(OptimizerKind.SGD, OptimizerKind.ADAM), 0.12));
        EpochMetrics m = null;
        for (int i = 0; i < 200; i++) {
            m = t.trainEpoch();
        }
        assertThat(t.statuses().get(0)).isEqualTo(RacerStatus.DIVERGED);
        assertThat(t.statuses().get(1)).isNotEqualTo(RacerStatus.DIVERGED);
        assertThat(t.parametersFinite()).isTrue();
        assertThat(m.lossesFinite()).isTrue();
    }

    @Test
    void internalsCarryPathLossesAndMomentumVelocity() {
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.BOWL,
                List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM), 0.05));
        for (int i = 0; i < 5; i++) {
            t.trainEpoch();
        }
        DescentInternals in = t.captureInternals();
        assertThat(in.steps()).isEqualTo(5);
        RacerSnapshot gd = in.racers().get(0);
        assertThat(gd.xs().length()).isEqualTo(6); // the start and five steps
        assertThat(gd.xs().get(0)).isEqualTo(-2.5);
        assertThat(gd.velocity()).isNull();
        // GD on x²+y²: x ← x(1 − 2η) = 0.9x
        assertThat(gd.xs().get(1)).isCloseTo(-2.25, org.assertj.core.api.Assertions.within(1e-12));
        RacerSnapshot mom = in.racers().get(1);
        assertThat(mom.velocity()).hasSize(2);
        assertThat(mom.losses().last()).isEqualTo(mom.loss());
        // a view taken earlier does not change when training goes on
        t.trainEpoch();
        assertThat(gd.xs().length()).isEqualTo(6);
    }

    @Test
    void learningRateChangesEveryRacerWithoutReset() {
        DescentTrainer t = new DescentTrainer(DescentConfig.of(SurfaceKind.BOWL,
                List.of(OptimizerKind.SGD, OptimizerKind.ADAM), 0.05));
        t.trainEpoch();
        t.setLearningRate(0.01);
        assertThat(t.learningRate()).isEqualTo(0.01);
        assertThat(t.captureInternals().steps()).isEqualTo(1);
    }

    @Test
    void invalidConfigurationsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> DescentConfig.of(SurfaceKind.BOWL, List.of(), 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optimizers");
        assertThatThrownBy(() -> DescentConfig.of(SurfaceKind.BOWL, List.of(OptimizerKind.SGD), 0.1).withStart(9, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start must lie in [-3.0, 3.0]");
        assertThatThrownBy(() -> DescentConfig.of(SurfaceKind.BOWL, List.of(OptimizerKind.SGD), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> DescentConfig.of(SurfaceKind.PARABOLA, List.of(OptimizerKind.SGD), 0.1)
                .withStart(1, 1)).hasMessageContaining("start needs 1 coordinates");
    }
}
