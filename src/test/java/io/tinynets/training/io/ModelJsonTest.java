package io.tinynets.training.io;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.model.Mlp;
import io.tinynets.engine.model.MlpSpec;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelJsonTest {

    private static final DMatrixRMaj X = new DMatrixRMaj(4, 2, true, 0.1, 0.2, -1, 0.5, 0.3, -0.7, 2, 1);
    private static final DMatrixRMaj T = new DMatrixRMaj(4, 1, true, 1, 0, 1, 0);

    @Test
    void roundTripIsBitForBitAndTrainingContinuesIdentically() {
        Mlp mlp = new Mlp(new MlpSpec(2, List.of(5, 3), List.of(Activation.RELU, Activation.GELU), 1,
                Activation.SIGMOID, Initializer.HE), new SplittableRandom(1));
        Optimizer adam = OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create();
        for (int i = 0; i < 7; i++) {
            mlp.trainStep(X, T, Loss.BINARY_CROSS_ENTROPY, adam);
        }
        mlp.params().get(1).value().data[0] = -0.0;
        mlp.params().get(1).value().data[1] = Double.MIN_VALUE;
        mlp.params().get(1).value().data[2] = 0.1 + 0.2;

        String json = ModelJson.write(mlp, adam);
        ModelJson.Loaded loaded = ModelJson.read(json);
        assertEquals(mlp.spec(), loaded.mlp().spec());
        for (int i = 0; i < mlp.params().size(); i++) {
            assertBitsEqual(mlp.params().get(i), loaded.mlp().params().get(i));
        }
        assertEquals(json, ModelJson.write(loaded.mlp(), loaded.optimizer()));
        assertEquals(7, loaded.optimizer().steps());

        mlp.trainStep(X, T, Loss.BINARY_CROSS_ENTROPY, adam);
        loaded.mlp().trainStep(X, T, Loss.BINARY_CROSS_ENTROPY, loaded.optimizer());
        for (int i = 0; i < mlp.params().size(); i++) {
            assertBitsEqual(mlp.params().get(i), loaded.mlp().params().get(i));
        }
    }

    private static void assertBitsEqual(Param a, Param b) {
        assertEquals(a.name(), b.name());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.value().data[i]), Double.doubleToRawLongBits(b.value().data[i]),
                    a.name() + "[" + i + "]");
        }
    }

    @Test
    void divergedWeightsSurviveAsNamedNonFiniteValues() {
        Mlp mlp = new Mlp(MlpSpec.of(1, new int[0], Activation.TANH, 1, Activation.LINEAR, Initializer.ZEROS),
                new SplittableRandom(1));
        mlp.params().get(0).value().data[0] = Double.NaN;
        mlp.params().get(1).value().data[0] = Double.NEGATIVE_INFINITY;
        ModelJson.Loaded loaded = ModelJson.read(ModelJson.write(mlp));
        assertEquals(Double.NaN, loaded.mlp().params().get(0).value().data[0]);
        assertEquals(Double.NEGATIVE_INFINITY, loaded.mlp().params().get(1).value().data[0]);
        assertNull(loaded.optimizer());
    }

    @Test
    void malformedJsonNamesTheProblem() {
        assertEquals("model JSON is missing 'spec'", assertThrows(IllegalArgumentException.class,
                () -> ModelJson.read("{\"format\":\"tinynets.mlp\",\"version\":1}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelJson.read("[1,2"));
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{2}, Activation.TANH, 1, Activation.TANH, Initializer.XAVIER),
                new SplittableRandom(1));
        String broken = ModelJson.write(mlp).replace("\"outputActivation\" : \"tanh\"",
                "\"outputActivation\" : \"swish\"");
        assertEquals("unknown activation 'swish'",
                assertThrows(IllegalArgumentException.class, () -> ModelJson.read(broken)).getMessage());
    }
}
