package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.lab.Suggestion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every "Try this" of the descent lab keeps its promise: each suggestion's step is applied to the lab's opening race
 * and walked headless with the lab's own trainer (a race has no seed: a walk is deterministic), and the statuses and
 * positions the panels show are checked against the text (descent.try.N, English and Korean).
 */
class DescentClaimsTest {

    @Test
    void theOpeningRaceIsTheFormsDefault() {
        DescentConfig d = DescentSuggestions.DEFAULTS;
        assertThat(d.surface()).isEqualTo(SurfaceKind.RAVINE);
        assertThat(d.learningRate()).isEqualTo(0.05);
    }

    /** "at η = 0.12 … gradient descent diverges within 100 steps, momentum and Adam reach the floor within 500". */
    @Test
    void onTheRavineAtTwelveHundredthsGradientDescentDivergesWhileMomentumAndAdamReachTheFloor() {
        DescentConfig c = suggestion(1).apply(DescentSuggestions.DEFAULTS);
        assertThat(c.learningRate()).isEqualTo(0.12);
        DescentTrainer race = walk(c, 100);
        assertThat(status(race, OptimizerKind.SGD)).isEqualTo(RacerStatus.DIVERGED);
        walk(race, 400);
        assertThat(status(race, OptimizerKind.MOMENTUM)).isEqualTo(RacerStatus.CONVERGED);
        assertThat(status(race, OptimizerKind.ADAM)).isEqualTo(RacerStatus.CONVERGED);
        // "At η = 0.05 all three get there."
        DescentTrainer slow = walk(c.withLearningRate(0.05), 500);
        assertThat(slow.statuses()).containsOnly(RacerStatus.CONVERGED);
    }

    /** "gradient descent stops in the local minimum near x = 1.13, momentum rolls into the deeper well near −1.30". */
    @Test
    void onTheTwoWellsMomentumRollsOverTheBumpWhereGradientDescentStops() {
        DescentConfig c = suggestion(2).apply(DescentSuggestions.DEFAULTS);
        assertThat(c.start()).containsExactly(2.0);
        DescentTrainer race = walk(c, 200);
        assertThat(status(race, OptimizerKind.SGD)).isEqualTo(RacerStatus.STALLED);
        assertThat(position(race, OptimizerKind.SGD)[0]).isCloseTo(1.13, within(0.01));
        assertThat(status(race, OptimizerKind.MOMENTUM)).isEqualTo(RacerStatus.CONVERGED);
        assertThat(position(race, OptimizerKind.MOMENTUM)[0]).isCloseTo(-1.30, within(0.01));
    }

    /** "drops into the curved valley within 50 steps, then crawls: after 3,000 steps still short of (1, 1)". */
    @Test
    void onRosenbrockGradientDescentFindsTheValleyFastAndFollowsItSlowly() {
        DescentConfig c = suggestion(3).apply(DescentSuggestions.DEFAULTS);
        DescentTrainer race = walk(c, 50);
        double[] p = position(race, OptimizerKind.SGD);
        // in the valley: y ≈ x² (the start is 0.25 off it)
        assertThat(Math.abs(p[1] - p[0] * p[0])).isLessThan(0.1);
        walk(race, 2950);
        double[] end = position(race, OptimizerKind.SGD);
        assertThat(status(race, OptimizerKind.SGD)).isEqualTo(RacerStatus.CRAWLING);
        assertThat(Math.hypot(end[0] - 1, end[1] - 1)).isGreaterThan(0.2);
        assertThat(status(race, OptimizerKind.MOMENTUM)).isEqualTo(RacerStatus.CONVERGED);
    }

    /** "after 100 steps gradient descent's loss is still more than 50 times the best fit's; at 0.05 within 10 %". */
    @Test
    void fittingALineAtOneThousandthCrawls() {
        DescentConfig c = suggestion(4).apply(DescentSuggestions.DEFAULTS);
        assertThat(c.learningRate()).isEqualTo(0.001);
        DescentTrainer slow = walk(c, 100);
        RacerSnapshot gd = racer(slow, OptimizerKind.SGD);
        assertThat(gd.loss()).isGreaterThan(50 * gd.minimum());
        RacerSnapshot fast = racer(walk(c.withLearningRate(0.05), 100), OptimizerKind.SGD);
        assertThat(fast.loss()).isLessThan(1.1 * fast.minimum());
    }

    private static Suggestion<DescentConfig> suggestion(int n) {
        Suggestion<DescentConfig> s = DescentSuggestions.ALL.get(n - 1);
        assertThat(s.key()).isEqualTo("descent.try." + n);
        return s;
    }

    private static DescentTrainer walk(DescentConfig c, int steps) {
        return walk(new DescentTrainer(c), steps);
    }

    private static DescentTrainer walk(DescentTrainer race, int steps) {
        for (int i = 0; i < steps; i++) {
            race.trainEpoch();
        }
        return race;
    }

    private static RacerSnapshot racer(DescentTrainer race, OptimizerKind kind) {
        return race.captureInternals().racers().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    private static RacerStatus status(DescentTrainer race, OptimizerKind kind) {
        return racer(race, kind).status();
    }

    private static double[] position(DescentTrainer race, OptimizerKind kind) {
        return racer(race, kind).position();
    }

}
