package io.tinynets.lab.sequence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Continue training" in the sequence lab: every raced cell resumes its optimizer and the data stream exactly. */
class SequenceContinuationTest {

    private static final int N = 3;
    private static final int K = 3;
    private static final long SEED = 11;

    private static SequenceConfig race(OptimizerKind kind) {
        return new SequenceConfig(SequenceTaskKind.DELAYED_RECALL, 3, 8, "", CellKind.LSTM, true, 6, kind, 0.02, 1.0,
                true);
    }

    private static double[] train(SequenceTrainer t, int epochs) {
        double[] losses = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            losses[i] = t.trainEpoch().trainLoss();
        }
        return losses;
    }

    private record Saved(String json, double[] next, SequenceInternals after) {
    }

    private static Saved saveAfterN(SequenceConfig c) {
        SequenceTrainer t = new SequenceTrainer(c, new LiveOptions(), SEED);
        train(t, N);
        String json = SequenceWeights.write(c, t.captureInternals());
        double[] next = train(t, K);
        return new Saved(json, next, t.captureInternals());
    }

    private static String without(String json, String... fields) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.remove(List.of(fields));
        return mapper.writeValueAsString(root);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "MOMENTUM", "RMSPROP"})
    void aContinuedRaceTrainsBitForBitAsTheUninterruptedOne(OptimizerKind kind) {
        SequenceConfig c = race(kind);
        Saved saved = saveAfterN(c);

        SequenceTrainer continued = new SequenceTrainer(c, new LiveOptions(), SEED, saved.json());
        assertThat(train(continued, K)).containsExactly(saved.next());

        SequenceInternals in = continued.captureInternals();
        assertThat(in.epochsTrained()).isEqualTo(N + K);
        assertThat(in.cells()).hasSize(3);
        for (int m = 0; m < 3; m++) {
            // every cell's weights, not only the mean loss
            assertThat(in.cells().get(m).parameters()).containsExactly(saved.after().cells().get(m).parameters());
            assertThat(in.cells().get(m).optimizer().state().steps())
                    .isEqualTo((long) (N + K) * SequenceTrainer.STEPS_PER_EPOCH);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "MOMENTUM"})
    void withoutTheOptimizerStateTheContinuedRaceWouldDiffer(OptimizerKind kind) throws Exception {
        SequenceConfig c = race(kind);
        Saved saved = saveAfterN(c);
        assertThat(saved.json()).contains("\"optimizers\"", "\"epochs\"");

        double[] fresh = train(new SequenceTrainer(c, new LiveOptions(), SEED, without(saved.json(), "optimizers")), K);
        assertThat(fresh[0]).isNotEqualTo(saved.next()[0]);
        double[] replay = train(new SequenceTrainer(c, new LiveOptions(), SEED, without(saved.json(), "epochs")), K);
        assertThat(replay[0]).isNotEqualTo(saved.next()[0]);
    }

    @Test
    void olderSavedWeightsWithoutOptimizersStillContinueWithFreshOptimizers() throws Exception {
        SequenceConfig c = race(OptimizerKind.ADAM);
        String old = without(saveAfterN(c).json(), "optimizers", "epochs");
        SequenceTrainer continued = new SequenceTrainer(c, new LiveOptions(), SEED, old);
        SequenceInternals in = continued.captureInternals();
        assertThat(in.epochsTrained()).isZero();
        assertThat(in.cells().get(1).optimizer().state().steps()).isZero();
        assertThat(train(continued, 1)[0]).isFinite();
    }

    @Test
    void aSavedStateOfAnotherOptimizerLeavesTheOptimizersFresh() {
        Saved adam = saveAfterN(race(OptimizerKind.ADAM));
        SequenceTrainer sgd = new SequenceTrainer(race(OptimizerKind.SGD), new LiveOptions(), SEED, adam.json());
        assertThat(sgd.captureInternals().cells().get(0).optimizer().state().steps()).isZero();
        assertThat(train(sgd, 1)[0]).isFinite();
    }
}
