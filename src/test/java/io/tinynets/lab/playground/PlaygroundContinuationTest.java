package io.tinynets.lab.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.training.io.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Continue training" from saved weights trains exactly as the uninterrupted run would have. */
class PlaygroundContinuationTest {

    private static final int N = 6;
    private static final int K = 4;
    private static final long SEED = 7;
    private static final Dataset2D DATA = Dataset2D.generate(DatasetKind.XOR, 120, 0, 0.5, new SplittableRandom(2));

    private static PlaygroundConfig config(OptimizerKind kind) {
        return new PlaygroundConfig(DatasetKind.XOR, 120, 0, 0.5, 10, 1, List.of(Feature.X1, Feature.X2),
                List.of(4, 3), List.of(Activation.TANH, Activation.TANH), OutputLoss.TANH_SQUARED,
                Initializer.XAVIER, kind, 0.03, RegularizationKind.NONE, 0);
    }

    private static double[] train(PlaygroundTrainer t, int epochs) {
        double[] losses = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            losses[i] = t.trainEpoch().trainLoss();
        }
        return losses;
    }

    /** The weights saved after N epochs, and the losses of the uninterrupted run's next K epochs. */
    private record Saved(String json, double[] next) {
    }

    private static Saved saveAfterN(PlaygroundConfig c) {
        PlaygroundTrainer t = new PlaygroundTrainer(c, DATA, SEED);
        train(t, N);
        String json = PlaygroundTrainer.weightsJson(c, DATA.classes(), t.captureInternals());
        return new Saved(json, train(t, K));
    }

    private static String without(String json, String... fields) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.remove(List.of(fields));
        return mapper.writeValueAsString(root);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void aContinuedRunTrainsBitForBitAsTheUninterruptedOne(OptimizerKind kind) {
        PlaygroundConfig c = config(kind);
        Saved saved = saveAfterN(c);

        PlaygroundTrainer continued = new PlaygroundTrainer(c, DATA, SEED, saved.json());

        assertThat(train(continued, K)).containsExactly(saved.next());
        assertThat(continued.captureInternals().epochs()).isEqualTo(N + K);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "MOMENTUM"})
    void withoutTheOptimizerStateTheContinuedRunWouldDiffer(OptimizerKind kind) throws Exception {
        PlaygroundConfig c = config(kind);
        Saved saved = saveAfterN(c);
        assertThat(saved.json()).contains("\"optimizer\"", "\"epochs\"");

        // the batch order alone is not enough: a fresh optimizer takes another first step
        double[] freshOptimizer = train(new PlaygroundTrainer(c, DATA, SEED, without(saved.json(), "optimizer")), K);
        assertThat(freshOptimizer[0]).isNotEqualTo(saved.next()[0]);
        // and the state alone is not enough either: the batches must be the ones the run would have seen next
        double[] replayOrder = train(new PlaygroundTrainer(c, DATA, SEED, without(saved.json(), "epochs")), K);
        assertThat(replayOrder[0]).isNotEqualTo(saved.next()[0]);
    }

    @Test
    void olderSavedWeightsWithoutOptimizerOrEpochsStillContinueWithAFreshOptimizer() {
        PlaygroundConfig c = config(OptimizerKind.ADAM);
        PlaygroundTrainer t = new PlaygroundTrainer(c, DATA, SEED);
        train(t, N);
        String old = ModelJson.write(t.mlp()); // the form saved before the optimizer was kept

        PlaygroundTrainer continued = new PlaygroundTrainer(c, DATA, SEED, old);
        PlaygroundInternals before = continued.captureInternals();
        assertThat(before.optimizer().state().steps()).isZero();
        assertThat(before.optimizer().state().buffers()).isEmpty();
        assertThat(before.epochs()).isZero();
        assertThat(before.weights()[0]).containsExactly(t.mlp().layers().get(0).weight().value().data);
        assertThat(train(continued, 1)[0]).isFinite();
    }

    @Test
    void aSavedStateOfAnotherOptimizerIsIgnoredAndTrainingStartsFresh() {
        Saved adam = saveAfterN(config(OptimizerKind.ADAM));
        PlaygroundTrainer momentum = new PlaygroundTrainer(config(OptimizerKind.MOMENTUM), DATA, SEED, adam.json());
        assertThat(momentum.captureInternals().optimizer().state().steps()).isZero();
        assertThat(train(momentum, 1)[0]).isFinite();
    }

    @Test
    void theCaptureKeepsACopyOfTheStateNotTheLiveOne() {
        PlaygroundConfig c = config(OptimizerKind.ADAM);
        PlaygroundTrainer t = new PlaygroundTrainer(c, DATA, SEED);
        train(t, 2);
        PlaygroundInternals captured = t.captureInternals();
        String json = PlaygroundTrainer.weightsJson(c, DATA.classes(), captured);
        long steps = captured.optimizer().state().steps();
        train(t, 2);
        assertThat(captured.optimizer().state().steps()).isEqualTo(steps);
        assertThat(PlaygroundTrainer.weightsJson(c, DATA.classes(), captured)).isEqualTo(json);
    }

    @Test
    void aRunTooLongToRedrawContinuesWithItsStateOnTheReplaysBatchOrder() throws Exception {
        PlaygroundConfig c = config(OptimizerKind.ADAM);
        Dataset2D big = Dataset2D.generate(DatasetKind.XOR, 1000, 0, 0.9, new SplittableRandom(2));
        PlaygroundTrainer t = new PlaygroundTrainer(c, big, SEED);
        train(t, 1);
        String json = PlaygroundTrainer.weightsJson(c, big.classes(), t.captureInternals());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.put("epochs", 1_000_000); // 900 points: 899 million draws, over the budget
        String longRun = mapper.writeValueAsString(root);

        PlaygroundTrainer continued = new PlaygroundTrainer(c, big, SEED, longRun);
        PlaygroundTrainer replayOrder = new PlaygroundTrainer(c, big, SEED, without(json, "epochs"));

        assertThat(train(continued, K)).containsExactly(train(replayOrder, K));
        assertThat(continued.captureInternals().epochs()).isEqualTo(1_000_000 + K);
    }

    @Test
    void aBadEpochCountIsRefusedNamingTheField() throws Exception {
        PlaygroundConfig c = config(OptimizerKind.ADAM);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(saveAfterN(c).json());
        root.put("epochs", -3);
        assertThatThrownBy(() -> new PlaygroundTrainer(c, DATA, SEED, mapper.writeValueAsString(root)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs must be a whole number in 0..1000000");
    }
}
