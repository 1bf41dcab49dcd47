package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fast-forwarding a trainer redraws exactly the shuffles (and noise) the skipped epochs drew. */
class FastForwardTest {

    private static final MlpSpec SPEC = new MlpSpec(2, List.of(5), List.of(Activation.TANH), 1, Activation.SIGMOID,
            Initializer.XAVIER);

    private static DMatrixRMaj data(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextDouble() < 0.5 ? 0 : r.nextDouble(-1, 1) + 1;
        }
        return m;
    }

    @Test
    void aFastForwardedMlpTrainerSeesTheBatchesTheTrainedOneSawNext() {
        DMatrixRMaj x = data(23, 2, 1);
        DMatrixRMaj y = new DMatrixRMaj(23, 1);
        for (int r = 0; r < 23; r++) {
            y.data[r] = x.get(r, 0) > x.get(r, 1) ? 1 : 0;
        }
        Mlp a = new Mlp(SPEC, new SplittableRandom(4));
        Optimizer sgd = OptimizerConfig.of(OptimizerKind.SGD, 0.1).create();
        MlpTrainer trained = new MlpTrainer(a, Loss.BINARY_CROSS_ENTROPY, sgd, 5, true, new SplittableRandom(9));
        trained.setData(x, y);
        for (int e = 0; e < 3; e++) {
            trained.epoch();
        }
        Mlp b = new Mlp(SPEC, new SplittableRandom(0));
        for (int i = 0; i < a.params().size(); i++) {
            System.arraycopy(a.params().get(i).value().data, 0, b.params().get(i).value().data, 0,
                    a.params().get(i).size());
        }
        MlpTrainer skipped = new MlpTrainer(b, Loss.BINARY_CROSS_ENTROPY,
                OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(), 5, true, new SplittableRandom(9));
        skipped.setData(x, y);
        skipped.fastForward(3);
        assertThat(skipped.steps()).isZero();

        assertThat(skipped.epoch()).isEqualTo(trained.epoch());
        assertThat(skipped.epoch()).isEqualTo(trained.epoch());
    }

    @Test
    void anMlpTrainerFastForwardsOnlyBetweenEpochs() {
        DMatrixRMaj x = data(10, 2, 1);
        DMatrixRMaj y = new DMatrixRMaj(10, 1);
        MlpTrainer t = new MlpTrainer(new Mlp(SPEC, new SplittableRandom(1)), Loss.BINARY_CROSS_ENTROPY,
                OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(), 4, true, new SplittableRandom(2));
        assertThatThrownBy(() -> t.fastForward(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setData");
        t.setData(x, y);
        assertThatThrownBy(() -> t.fastForward(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs to fast-forward must be >= 0, was -1");
        t.step();
        assertThatThrownBy(() -> t.fastForward(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("between epochs");
    }

    @Test
    void fastForwardedAutoencoderBatchesDrawTheSameShufflesAndNoise() {
        AutoencoderSpec spec = new AutoencoderSpec(new int[]{6, 4, 2}, Activation.TANH, Activation.SIGMOID, false);
        DMatrixRMaj samples = data(11, 6, 3);
        for (AutoencoderNoise noise : List.of(AutoencoderNoise.gaussian(0.3),
                new AutoencoderNoise(AutoencoderNoise.Kind.MASK, 0.2))) {
            Autoencoder a = new Autoencoder(spec, new SplittableRandom(5));
            AutoencoderBatches trained = new AutoencoderBatches(a, samples, AutoencoderLoss.MSE,
                    OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(), 4, new SplittableRandom(6));
            trained.setNoise(noise);
            trained.epoch();
            trained.epoch();
            Autoencoder b = a.copy();
            AutoencoderBatches skipped = new AutoencoderBatches(b, samples, AutoencoderLoss.MSE,
                    OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(), 4, new SplittableRandom(6));
            skipped.setNoise(noise);
            skipped.fastForward(2);

            assertThat(skipped.epoch()).as(noise.kind().name()).isEqualTo(trained.epoch());
        }
    }
}
