package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tinynets.lab.ConfigProblems.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescentConfigJsonTest {

    private static void assertSame(DescentConfig back, DescentConfig config) {
        assertThat(back.surface()).isEqualTo(config.surface());
        assertThat(back.optimizers()).isEqualTo(config.optimizers());
        assertThat(back.learningRate()).isEqualTo(config.learningRate());
        assertThat(back.momentum()).isEqualTo(config.momentum());
        assertThat(back.beta1()).isEqualTo(config.beta1());
        assertThat(back.beta2()).isEqualTo(config.beta2());
        assertThat(back.rho()).isEqualTo(config.rho());
        assertThat(back.start()).containsExactly(config.start());
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        DescentConfig twoD = new DescentConfig(SurfaceKind.ROSENBROCK, List.of(OptimizerKind.NESTEROV,
                OptimizerKind.RMSPROP), 0.0012, 0.85, 0.8, 0.95, 0.7, new double[] {-1.25, 1.5});
        DescentConfig oneD = DescentConfig.of(SurfaceKind.PARABOLA, List.of(OptimizerKind.SGD), 0.3);
        for (DescentConfig config : List.of(twoD, oneD)) {
            String json = DescentConfigJson.write(config);
            assertThat(json).startsWith("{\"version\":1,");
            assertSame(DescentConfigJson.read(json, DescentConfigJson.VERSION), config);
        }
    }

    @Test
    void outOfRangeAndMalformedFieldsAreNamed() {
        String json = DescentConfigJson.write(DescentConfig.of(SurfaceKind.RAVINE,
                List.of(OptimizerKind.SGD, OptimizerKind.ADAM), 0.05));
        refused(() -> DescentConfigJson.read(json.replace("\"start\":[-3.5,1.2]", "\"start\":[-30.0,1.2]"), 1),
                "experiments.config.range", "start[0]", -4, 4, -30.0);
        refused(() -> DescentConfigJson.read(json.replace("\"start\":[-3.5,1.2]", "\"start\":[-3.5]"), 1),
                "experiments.config.listSize", "start", 2, 2, 1);
        refused(() -> DescentConfigJson.read(json.replace("\"adam\"", "\"sgd\""), 1), "experiments.config.repeated",
                "optimizers", "sgd");
        refused(() -> DescentConfigJson.read(json.replace("\"ravine\"", "\"volcano\""), 1), "experiments.config.key",
                "surface", "volcano");
        refused(() -> DescentConfigJson.read(json.replace("\"rho\":0.9", "\"rho\":\"high\""), 1),
                "experiments.config.number", "rho");
        refused(() -> DescentConfigJson.read(json.replace("\"rho\":0.9", "\"rho\":1.0"), 1),
                "experiments.config.rangeBelow", "rho", 0, 1, "1.0");
        refused(() -> DescentConfigJson.read(json.replace("\"learningRate\":0.05", "\"learningRate\":500"), 1),
                "experiments.config.range", "learningRate", "0.0001", 10, 500);
        refused(() -> DescentConfigJson.read(json, 0), "experiments.config.version", 0, 1);
    }

    @Test
    void aContinuedRaceStartsEachRacerWhereItWasSaved() {
        DescentConfig config = DescentConfig.of(SurfaceKind.RAVINE, List.of(OptimizerKind.SGD, OptimizerKind.ADAM),
                0.05);
        DescentTrainer race = new DescentTrainer(config);
        for (int i = 0; i < 7; i++) {
            race.trainEpoch();
        }
        String saved = DescentTrainer.positionsJson(race.captureInternals());
        DescentTrainer continued = new DescentTrainer(config, saved);
        assertThat(continued.positions().get(0)).containsExactly(race.positions().get(0));
        assertThat(continued.positions().get(1)).containsExactly(race.positions().get(1));
        DescentConfig other = DescentConfig.of(SurfaceKind.RAVINE, List.of(OptimizerKind.SGD,
                OptimizerKind.MOMENTUM), 0.05);
        assertThatThrownBy(() -> new DescentTrainer(other, saved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("saved racer 2 is 'adam', the config races 'momentum' there");
    }
}
