package io.tinynets.lab.depth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.io.OptimizerStateJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Continue training" in the depth lab trains exactly as the uninterrupted run. The lab trains with plain SGD on
 * purpose (raw gradient norms), so its optimizer state is the step count; what makes the continuation exact is that
 * the batch order resumes where the saved run stood.
 */
class DepthContinuationTest {

    private static final int N = 5;
    private static final int K = 4;
    private static final long SEED = 3;
    private static final DepthConfig CONFIG = new DepthConfig(DatasetKind.XOR, 3, 6,
            List.of(Activation.TANH, Activation.RELU), Initializer.HE, 0.1);

    private static double[] train(DepthTrainer t, int epochs) {
        double[] losses = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            losses[i] = t.trainEpoch().trainLoss();
        }
        return losses;
    }

    @Test
    void aContinuedRunTrainsBitForBitAsTheUninterruptedOne() {
        DepthTrainer t = new DepthTrainer(CONFIG, SEED);
        train(t, N);
        DepthInternals captured = t.captureInternals();
        String json = DepthTrainer.weightsJson(CONFIG, captured);
        double[] uninterrupted = train(t, K);
        double[] tanhNext = t.networks().get(0).mlp().params().get(0).value().data.clone();

        DepthTrainer continued = new DepthTrainer(CONFIG, SEED, json);
        assertThat(continued.networks().get(0).mlp().params().get(0).value().data)
                .containsExactly(captured.networks().get(0).parameters()[0]);
        assertThat(train(continued, K)).containsExactly(uninterrupted);
        assertThat(continued.networks().get(0).mlp().params().get(0).value().data).containsExactly(tanhNext);
        assertThat(continued.captureInternals().epochsTrained()).isEqualTo(N + K);
        assertThat(continued.captureInternals().epoch()).isEqualTo(K);

        // the optimizer's step count travels too: SGD has no buffers, only the steps
        OptimizerStateJson.Saved state = continued.captureInternals().networks().get(0).optimizer();
        assertThat(state.kind()).isEqualTo(OptimizerKind.SGD);
        assertThat(state.state().steps()).isEqualTo(captured.networks().get(0).optimizer().state().steps()
                + (long) K * (captured.networks().get(0).optimizer().state().steps() / N));
    }

    @Test
    void olderSavedWeightsWithoutEpochsOrOptimizerContinueOnTheReplaysBatchOrder() throws Exception {
        DepthTrainer t = new DepthTrainer(CONFIG, SEED);
        train(t, N);
        String json = DepthTrainer.weightsJson(CONFIG, t.captureInternals());
        double[] uninterrupted = train(t, K);

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.remove("epochs");
        ((ArrayNode) root.get("networks")).forEach(n -> ((ObjectNode) n).remove("optimizer"));
        DepthTrainer old = new DepthTrainer(CONFIG, SEED, mapper.writeValueAsString(root));

        assertThat(old.captureInternals().networks().get(0).optimizer().state().steps()).isZero();
        double[] losses = train(old, K);
        assertThat(java.util.Arrays.stream(losses).allMatch(Double::isFinite)).isTrue();
        assertThat(losses[0]).isNotEqualTo(uninterrupted[0]); // the batches are the replay's, not the run's next
    }
}
