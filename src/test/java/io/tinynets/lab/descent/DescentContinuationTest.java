package io.tinynets.lab.descent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A race continued from its saved positions and optimizer states walks on exactly as the uninterrupted race. */
class DescentContinuationTest {

    private static final int N = 15;
    private static final int K = 10;
    private static final DescentConfig RACE = DescentConfig.of(SurfaceKind.RAVINE,
            List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.NESTEROV, OptimizerKind.RMSPROP,
                    OptimizerKind.ADAM, OptimizerKind.ADAGRAD), 0.02);

    private static void step(DescentTrainer t, int steps) {
        for (int i = 0; i < steps; i++) {
            t.trainEpoch();
        }
    }

    @Test
    void aContinuedRaceWalksBitForBitAsTheUninterruptedOne() {
        DescentTrainer t = new DescentTrainer(RACE);
        step(t, N);
        String json = DescentTrainer.positionsJson(t.captureInternals());
        step(t, K);

        DescentTrainer continued = new DescentTrainer(RACE, json);
        step(continued, K);

        for (int i = 0; i < RACE.optimizers().size(); i++) {
            assertThat(continued.positions().get(i)).as(RACE.optimizers().get(i).key())
                    .containsExactly(t.positions().get(i));
        }
        RacerSnapshot adam = continued.captureInternals().racers().get(4);
        assertThat(adam.optimizer().state().steps()).isEqualTo(N + K);
    }

    @Test
    void withoutTheSavedStatesTheMomentumAndAdamRacersWouldWalkElsewhere() throws Exception {
        DescentTrainer t = new DescentTrainer(RACE);
        step(t, N);
        String json = DescentTrainer.positionsJson(t.captureInternals());
        step(t, K);

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.get("racers").forEach(r -> ((ObjectNode) r).remove("state"));
        DescentTrainer old = new DescentTrainer(RACE, mapper.writeValueAsString(root));
        step(old, K);

        assertThat(old.positions().get(0)).containsExactly(t.positions().get(0)); // SGD has no state to lose
        assertThat(old.positions().get(1)).isNotEqualTo(t.positions().get(1)); // momentum
        assertThat(old.positions().get(4)).isNotEqualTo(t.positions().get(4)); // Adam
    }

    @Test
    void aMalformedSavedStateIsRefusedNamingTheRacer() throws Exception {
        DescentTrainer t = new DescentTrainer(RACE);
        step(t, 2);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(DescentTrainer.positionsJson(t.captureInternals()));
        ((ObjectNode) root.get("racers").get(4).get("state")).put("steps", -1);
        assertThatThrownBy(() -> new DescentTrainer(RACE, mapper.writeValueAsString(root)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saved racer 5")
                .hasMessageContaining("steps");
    }
}
