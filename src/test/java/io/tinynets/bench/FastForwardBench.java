package io.tinynets.bench;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.lab.sequence.SequenceWeights;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How long "continue training" takes to rebuild a trainer that fast-forwards its data stream past many saved epochs
 * (the redrawn shuffles / batches), for the largest playground data set and the default sequence race.
 */
public final class FastForwardBench {

    public static void main(String[] args) {
        Dataset2D data = Dataset2D.generate(DatasetKind.SPIRAL, PlaygroundConfig.MAX_POINTS, 0, 0.9,
                new SplittableRandom(1));
        PlaygroundConfig c = new PlaygroundConfig(DatasetKind.SPIRAL, PlaygroundConfig.MAX_POINTS, 0, 0.9, 10, 1,
                List.of(Feature.X1, Feature.X2), List.of(8, 8), List.of(Activation.TANH, Activation.TANH),
                OutputLoss.TANH_SQUARED, Initializer.XAVIER, OptimizerKind.ADAM, 0.03, RegularizationKind.NONE, 0);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data, 1);
        t.trainEpoch();
        for (long epochs : new long[]{10_000, 100_000, 1_000_000}) {
            String json = PlaygroundTrainer.weightsJson(c, data.classes(), t.captureInternals())
                    .replaceFirst("\"epochs\" : 1", "\"epochs\" : " + epochs);
            long start = System.nanoTime();
            new PlaygroundTrainer(c, data, 1, json);
            System.out.printf("playground, %d training points, fast-forward %,d epochs: %.0f ms%n",
                    data.train().size(), epochs, (System.nanoTime() - start) / 1e6);
        }
        SequenceConfig s = SequenceConfig.defaults();
        SequenceTrainer st = new SequenceTrainer(s, new LiveOptions(), 1);
        st.trainEpoch();
        for (long epochs : new long[]{1_000, 10_000, 100_000}) {
            String json = SequenceWeights.write(s, st.captureInternals()).replaceFirst("\"epochs\":1", "\"epochs\":"
                    + epochs);
            long start = System.nanoTime();
            new SequenceTrainer(s, new LiveOptions(), 1, json);
            System.out.printf("sequence default race, fast-forward %,d epochs: %.0f ms%n", epochs,
                    (System.nanoTime() - start) / 1e6);
        }
    }
}
