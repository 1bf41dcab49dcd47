package io.tinynets.experiment;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.ResumePoint;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceTaskKind;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.lab.sequence.SequenceWeights;
import io.tinynets.engine.recurrent.CellKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved weights with the optimizer state pass the experiment checks and survive an export and import intact. */
class OptimizerStateExportTest {

    @Test
    void theLabsSizeBudgetIsTheExperimentStoresLimit() {
        assertThat(ResumePoint.MAX_SAVED_CHARS).isEqualTo(ExperimentLimits.WEIGHTS_MAX_CHARS);
    }

    @Test
    void weightsWithTheOptimizerStateRoundTripThroughAnExportAndStillContinueExactly() throws Exception {
        Dataset2D data = Dataset2D.generate(DatasetKind.XOR, 100, 0, 0.5, new SplittableRandom(2));
        PlaygroundConfig c = new PlaygroundConfig(DatasetKind.XOR, 100, 0, 0.5, 10, 1,
                List.of(Feature.X1, Feature.X2), List.of(4), List.of(Activation.TANH), OutputLoss.TANH_SQUARED,
                Initializer.XAVIER, OptimizerKind.ADAM, 0.03, RegularizationKind.NONE, 0);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data, 4);
        for (int i = 0; i < 5; i++) {
            t.trainEpoch();
        }
        String weights = PlaygroundTrainer.weightsJson(c, data.classes(), t.captureInternals());
        double next = t.trainEpoch().trainLoss();

        ExperimentDraft draft = DraftValidator.validate(new ExperimentDraft("playground", "adam run", "", List.of(),
                "{\"v\":1}", 1, 4, List.of(Curve.of("train loss", new double[]{1}, new double[]{0.5})),
                Map.of("loss", 0.5), weights, null));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Experiment saved = new Experiment(1, "me", draft.lab(), draft.name(), draft.notes(), draft.tags(),
                draft.configJson(), draft.configVersion(), draft.seed(), draft.curves(), draft.finalMetrics(),
                draft.weightsJson(), draft.picture(), now, now);

        ExperimentDraft imported = ExperimentJson.read(ExperimentJson.export(List.of(saved), now)).get(0)
                .complete();

        assertThat(imported.weightsJson()).contains("\"optimizer\"", "\"epochs\"");
        PlaygroundTrainer continued = new PlaygroundTrainer(c, data, 4, imported.weightsJson());
        assertThat(continued.trainEpoch().trainLoss()).isEqualTo(next);
    }

    @Test
    void aRaceTooLargeForItsAdamStateIsSavedWithTheWeightsAloneAndStillContinues() {
        // three cells of 64 units on 30-step recall: 39 960 parameters; with Adam's two moments about 2.5 MB
        SequenceConfig big = new SequenceConfig(SequenceTaskKind.DELAYED_RECALL, 20, 30, "", CellKind.LSTM, true, 64,
                OptimizerKind.ADAM, 0.01, 1.0, true);
        SequenceTrainer t = new SequenceTrainer(big, new LiveOptions(), 1);
        t.trainEpoch();
        String json = SequenceWeights.write(big, t.captureInternals());
        assertThat(json.length()).isLessThanOrEqualTo(ExperimentLimits.WEIGHTS_MAX_CHARS);
        assertThat(json).doesNotContain("\"optimizers\"").doesNotContain("\"epochs\"");
        SequenceTrainer continued = new SequenceTrainer(big, new LiveOptions(), 1, json);
        assertThat(continued.captureInternals().cells().get(1).parameters())
                .containsExactly(t.captureInternals().cells().get(1).parameters());

        // the lab's default race (16 units) keeps its state well inside the limit
        SequenceConfig usual = SequenceConfig.defaults();
        SequenceTrainer u = new SequenceTrainer(usual, new LiveOptions(), 1);
        u.trainEpoch();
        String usualJson = SequenceWeights.write(usual, u.captureInternals());
        assertThat(usualJson).contains("\"optimizers\"", "\"epochs\"");
        assertThat(usualJson.length()).isLessThan(ExperimentLimits.WEIGHTS_MAX_CHARS / 4);
    }
}
