package io.tinynets.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.model.Mlp;
import io.tinynets.engine.model.MlpSpec;
import io.tinynets.engine.model.MlpTrainer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MlpEpochInBatchesTest {

    private static final MlpSpec SPEC = new MlpSpec(2, List.of(5), List.of(Activation.TANH), 1, Activation.SIGMOID,
            Initializer.XAVIER);

    private static MlpTrainer trainer(double learningRate) {
        return trainer(learningRate, -1);
    }

    /** With a NaN input in row {@code poisoned} (none if negative). */
    private static MlpTrainer trainer(double learningRate, int poisoned) {
        SplittableRandom rng = new SplittableRandom(4);
        Mlp mlp = new Mlp(SPEC, rng);
        MlpTrainer t = new MlpTrainer(mlp, Loss.BINARY_CROSS_ENTROPY,
                OptimizerConfig.of(OptimizerKind.MOMENTUM, learningRate).create(), 4, true, rng);
        DMatrixRMaj x = new DMatrixRMaj(23, 2);
        DMatrixRMaj y = new DMatrixRMaj(23, 1);
        SplittableRandom data = new SplittableRandom(1);
        for (int r = 0; r < 23; r++) {
            x.set(r, 0, data.nextDouble(-1, 1));
            x.set(r, 1, data.nextDouble(-1, 1));
            y.set(r, 0, x.get(r, 0) > x.get(r, 1) ? 1 : 0);
        }
        if (poisoned >= 0) {
            x.set(poisoned, 0, Double.NaN);
        }
        t.setData(x, y);
        return t;
    }

    @Test
    void batchByBatchIsTheWholeEpochBitForBit() {
        MlpTrainer whole = trainer(0.1);
        MlpTrainer pieces = trainer(0.1);
        MlpEpochInBatches batches = new MlpEpochInBatches(pieces);
        for (int epoch = 0; epoch < 4; epoch++) {
            double expected = whole.epoch();
            int steps = 0;
            Double loss;
            do {
                loss = batches.step();
                steps++;
                assertThat(batches.inEpoch()).isEqualTo(loss == null);
            } while (loss == null);
            assertThat(steps).isEqualTo(6); // 23 rows in batches of 4
            assertThat(loss).isEqualTo(expected);
        }
        assertThat(pieces.mlp().layers().get(0).weight().value().data)
                .containsExactly(whole.mlp().layers().get(0).weight().value().data);
        assertThat(pieces.epochs()).isEqualTo(4);
    }

    @Test
    void aDivergingStepEndsTheEpochAtOnceLikeAWholeEpoch() {
        MlpTrainer whole = trainer(0.1, 17);
        MlpTrainer pieces = trainer(0.1, 17);
        MlpEpochInBatches batches = new MlpEpochInBatches(pieces);
        double expected = whole.epoch();
        Double loss;
        do {
            loss = batches.step();
        } while (loss == null);
        assertThat(expected).isNaN();
        assertThat(loss).isNaN();
        assertThat(batches.inEpoch()).isFalse();
    }
}
