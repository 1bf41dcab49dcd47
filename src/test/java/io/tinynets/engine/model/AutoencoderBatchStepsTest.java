package io.tinynets.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** An autoencoder's epoch one mini-batch at a time is exactly the whole epoch: the same batches, noise and sums. */
class AutoencoderBatchStepsTest {

    private static final AutoencoderSpec SPEC = new AutoencoderSpec(new int[] {6, 4, 2}, Activation.TANH,
            Activation.SIGMOID, false);

    private static DMatrixRMaj samples() {
        SplittableRandom r = new SplittableRandom(3);
        DMatrixRMaj m = new DMatrixRMaj(11, 6);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextDouble();
        }
        return m;
    }

    private static AutoencoderBatches batches(Autoencoder model, double learningRate) {
        AutoencoderBatches b = new AutoencoderBatches(model, samples(), AutoencoderLoss.MSE,
                OptimizerConfig.of(OptimizerKind.ADAM, learningRate).create(), 4, new SplittableRandom(6));
        b.setNoise(AutoencoderNoise.gaussian(0.3));
        return b;
    }

    @Test
    void batchByBatchIsTheWholeEpochBitForBit() {
        Autoencoder whole = new Autoencoder(SPEC, new SplittableRandom(5));
        Autoencoder pieces = new Autoencoder(SPEC, new SplittableRandom(5));
        AutoencoderBatches a = batches(whole, 0.05);
        AutoencoderBatches b = batches(pieces, 0.05);
        for (int epoch = 0; epoch < 3; epoch++) {
            double expected = a.epoch();
            double sum = 0;
            int n = 0;
            do {
                sum += b.batch();
                n++;
            } while (b.inEpoch());
            assertThat(n).isEqualTo(3); // 11 samples in batches of 4
            assertThat(sum / n).isEqualTo(expected);
        }
        for (int i = 0; i < whole.params().size(); i++) {
            Param p = whole.params().get(i);
            assertThat(pieces.params().get(i).value().data).as(p.name()).containsExactly(p.value().data);
        }
        assertThat(b.samplesSeen()).isEqualTo(a.samplesSeen());
    }

    @Test
    void anEpochBegunBatchByBatchIsFinishedByEpochAndCannotBeFastForwarded() {
        AutoencoderBatches b = batches(new Autoencoder(SPEC, new SplittableRandom(5)), 0.05);
        b.batch();
        assertThat(b.inEpoch()).isTrue();
        assertThatThrownBy(() -> b.fastForward(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("between epochs");
        b.epoch(); // the two batches left
        assertThat(b.inEpoch()).isFalse();
        assertThat(b.samplesSeen()).isEqualTo(11);
    }

    @Test
    void aDivergingBatchEndsItsEpoch() {
        DMatrixRMaj broken = samples();
        broken.set(7, 2, Double.NaN); // one sample poisons the batch it lands in
        AutoencoderBatches b = new AutoencoderBatches(new Autoencoder(SPEC, new SplittableRandom(5)), broken,
                AutoencoderLoss.MSE, OptimizerConfig.of(OptimizerKind.ADAM, 0.05).create(), 4,
                new SplittableRandom(6));
        double loss = b.batch();
        for (int i = 0; i < 2 && Double.isFinite(loss); i++) {
            loss = b.batch();
        }
        assertThat(loss).isNaN();
        assertThat(b.inEpoch()).as("the next batch starts a fresh order").isFalse();
    }
}
