package io.tinynets.lab.playground.ui;

import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson.Saved;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundSuggestions;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.training.Advice;
import io.tinynets.training.RunSettings;
import io.tinynets.training.RunState;
import io.tinynets.training.Speed;
import io.tinynets.training.TrainingLimits;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import io.tinynets.training.lab.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "Try this" of the playground keeps its promise: each suggestion's step is applied to the lab's opening
 * settings, the points are generated as the lab does ({@link PlaygroundLab#dataOf}), and the network is trained
 * headless with the lab's own trainer and the default run seed; the figures the panels show are checked against the
 * text (playground.try.N, English and Korean). The learning rate of 10 goes through the training service itself, so
 * the advice is the one the student reads.
 */
class PlaygroundClaimsTest {

    private static final Saved DEFAULTS = new Saved(PlaygroundConfig.defaults(), null);

    /** "however many layers, the boundary stays one straight line (below 80 %); make one layer tanh: above 95 %". */
    @Test
    void anAllLinearNetworkCannotSolveXorWhateverItsDepthButOneTanhLayerDoes() {
        PlaygroundConfig c = suggestion(1).apply(DEFAULTS).config();
        assertThat(c.activations()).containsOnly(Activation.LINEAR);
        PlaygroundConfig deep = with(c, Collections.nCopies(PlaygroundConfig.MAX_LAYERS, PlaygroundConfig.MAX_NEURONS),
                Collections.nCopies(PlaygroundConfig.MAX_LAYERS, Activation.LINEAR), c.features(),
                c.outputLoss(), c.learningRate(), c.regularization(), c.regularizationRate());
        for (PlaygroundConfig linear : List.of(c, deep)) {
            PlaygroundInternals in = train(linear, 200);
            System.out.printf("linear %s on XOR: accuracy %.3f%n", linear.hidden(), in.trainAccuracy());
            assertThat(in.trainAccuracy()).as("layers " + linear.hidden()).isLessThan(0.8);
        }
        List<Activation> oneTanh = new java.util.ArrayList<>(c.activations());
        oneTanh.set(0, Activation.TANH);
        PlaygroundInternals bent = train(with(c, c.hidden(), oneTanh, c.features(), c.outputLoss(),
                c.learningRate(), c.regularization(), c.regularizationRate()), 200);
        assertThat(bent.trainAccuracy()).isGreaterThan(0.95);
    }

    /** "with x₁ and x₂ alone it stays below 70 % after 200 epochs; with sin x₁ and sin x₂ above 85 %". */
    @Test
    void sineFeaturesMakeTheSpiralEasy() {
        PlaygroundConfig c = suggestion(2).apply(DEFAULTS).config();
        assertThat(c.features()).contains(Feature.SIN_X1, Feature.SIN_X2);
        PlaygroundInternals with = train(c, 200);
        PlaygroundInternals without = train(with(c, c.hidden(), c.activations(), List.of(Feature.X1, Feature.X2),
                c.outputLoss(), c.learningRate(), c.regularization(), c.regularizationRate()), 200);
        System.out.printf("spiral, 200 epochs: accuracy %.3f with sines, %.3f without%n", with.trainAccuracy(),
                without.trainAccuracy());
        assertThat(without.trainAccuracy()).isLessThan(0.7);
        assertThat(with.trainAccuracy()).isGreaterThan(0.85);
    }

    /** "the loss explodes within 20 epochs and the run stops with advice: lower the rate to 1". */
    @Test
    void aLearningRateOfTenDivergesWithAdvice() throws InterruptedException {
        Saved setup = suggestion(3).apply(DEFAULTS);
        assertThat(setup.config().learningRate()).isEqualTo(10);
        TrainingService service = new TrainingService(TrainingLimits.defaults());
        try {
            TrainingRun<PlaygroundInternals> run = service.create("student", "playground",
                    PlaygroundTrainer.factory(setup.config(), PlaygroundLab.dataOf(setup), null, t -> { }),
                    RunSettings.seeded(PlaygroundSuggestions.DEFAULT_SEED).withSpeed(Speed.UNLIMITED));
            service.start("student", run.id());
            // a condition, not a duration: the run ends by itself within 20 epochs, the bound only stops a hang
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!run.state().hasEnded() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(run.state()).isEqualTo(RunState.DIVERGED);
            assertThat(run.epoch()).isLessThan(20);
            Advice advice = run.advice().orElseThrow();
            assertThat(advice.messageKey()).startsWith("training.diverged.");
            assertThat(advice.args()).containsSequence(10.0, 1.0);
        } finally {
            service.close();
        }
    }

    /** "(With the tanh output the loss cannot pass 1: the output saturates at ±1 and the network stops learning.)" */
    @Test
    void withTheTanhOutputTheSameRateSaturatesInsteadOfDiverging() {
        PlaygroundConfig c = DEFAULTS.config().withLearningRate(10);
        assertThat(c.outputLoss()).isEqualTo(OutputLoss.TANH_SQUARED);
        PlaygroundInternals in = train(c, 200);
        assertThat(in.trainLoss()).isBetween(0.99, 1.0);
        assertThat(in.trainAccuracy()).isEqualTo(0.5);
    }

    /**
     * "train 500 epochs: the training loss falls below 0.01 while the test loss turns back up; turn on L2 at 0.03 and
     * train again: the test loss ends lower than the ghost's".
     */
    @Test
    void aSmallNoisySampleOverfitsAndL2HoldsTheTestLossDown() {
        PlaygroundConfig c = suggestion(4).apply(DEFAULTS).config();
        assertThat(c.hidden()).containsOnly(8);
        assertThat(c.trainFraction()).isEqualTo(0.1);
        assertThat(c.noise()).isEqualTo(0.3);
        assertThat(c.regularization()).isEqualTo(RegularizationKind.NONE);
        PlaygroundTrainer plain = new PlaygroundTrainer(c, PlaygroundLab.dataOf(new Saved(c, null)),
                PlaygroundSuggestions.DEFAULT_SEED);
        epochs(plain, 200);
        double testAt200 = plain.captureInternals().testLoss();
        epochs(plain, 300);
        PlaygroundInternals overfit = plain.captureInternals();
        PlaygroundInternals regularized = train(with(c, c.hidden(), c.activations(), c.features(), c.outputLoss(),
                c.learningRate(), RegularizationKind.L2, 0.03), 500);
        System.out.printf("500 epochs: train %.4f, test %.4f (%.4f at 200); with L2 0.03 test %.4f%n",
                overfit.trainLoss(), overfit.testLoss(), testAt200, regularized.testLoss());
        assertThat(overfit.trainLoss()).isLessThan(0.01);
        assertThat(overfit.testLoss()).isGreaterThan(testAt200 + 0.02);
        assertThat(regularized.testLoss()).isLessThan(overfit.testLoss() - 0.05);
    }

    @Test
    void clickingALinkIsNotASettingSoItHasNoButton() {
        assertThat(suggestion(5).actionable()).isFalse();
    }

    private static Suggestion<Saved> suggestion(int n) {
        Suggestion<Saved> s = PlaygroundSuggestions.ALL.get(n - 1);
        assertThat(s.key()).isEqualTo("playground.try." + n);
        return s;
    }

    private static PlaygroundInternals train(PlaygroundConfig c, int epochs) {
        PlaygroundTrainer t = new PlaygroundTrainer(c, PlaygroundLab.dataOf(new Saved(c, null)),
                PlaygroundSuggestions.DEFAULT_SEED);
        epochs(t, epochs);
        return t.captureInternals();
    }

    private static void epochs(PlaygroundTrainer t, int epochs) {
        for (int e = 0; e < epochs; e++) {
            t.trainEpoch();
        }
    }

    private static PlaygroundConfig with(PlaygroundConfig c, List<Integer> hidden, List<Activation> activations,
                                         List<Feature> features, OutputLoss output, double rate,
                                         RegularizationKind regularization, double lambda) {
        return new PlaygroundConfig(c.dataset(), c.points(), c.noise(), c.trainFraction(), c.batchSize(), c.seed(),
                features, hidden, activations, output, c.initializer(), c.optimizer(), rate, regularization, lambda);
    }
}
