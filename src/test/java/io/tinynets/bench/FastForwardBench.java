package io.tinynets.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.ResumePoint;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.lab.sequence.SequenceWeights;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * How long "continue training" takes to rebuild a trainer that fast-forwards its data stream past many saved epochs
 * (the redrawn shuffles / batches), for the largest playground data set and the default sequence race. The baseline
 * in the same run is what fast-forwarding replaces: training those epochs again, at the rate this machine trains
 * them now (measured here), plus building a trainer with nothing to skip. Each rebuilt trainer trains one epoch
 * whose loss goes into the checksum, so the rebuild cannot be optimized away. Runs longer than
 * {@link ResumePoint#MAX_FAST_FORWARD_DRAWS} random draws are not fast-forwarded at all (they continue on the replay's
 * batch order), so the epochs measured here stay below that.
 */
public final class FastForwardBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) {
        Bench.header("FastForwardBench: continuing a saved run");
        Dataset2D data = Dataset2D.generate(DatasetKind.SPIRAL, PlaygroundConfig.MAX_POINTS, 0, 0.9,
                new SplittableRandom(1));
        PlaygroundConfig c = new PlaygroundConfig(DatasetKind.SPIRAL, PlaygroundConfig.MAX_POINTS, 0, 0.9, 10, 1,
                List.of(Feature.X1, Feature.X2), List.of(8, 8), List.of(Activation.TANH, Activation.TANH),
                OutputLoss.TANH_SQUARED, Initializer.XAVIER, OptimizerKind.ADAM, 0.03, RegularizationKind.NONE, 0);
        PlaygroundTrainer t = new PlaygroundTrainer(c, data, 1);
        double playgroundRate = epochsPerSecond(() -> t.trainEpoch().trainLoss(), 200);
        double freshPlayground = millis(() -> new PlaygroundTrainer(c, data, 1).trainEpoch().trainLoss());
        System.out.printf("playground, %d training points: %.0f epochs/s trained; a new trainer %.1f ms%n",
                data.train().size(), playgroundRate, freshPlayground);
        for (long epochs : new long[]{1_000, 10_000, 100_000}) {
            String json = savedAfter(PlaygroundTrainer.weightsJson(c, data.classes(), t.captureInternals()), epochs);
            double ms = millis(() -> new PlaygroundTrainer(c, data, 1, json).trainEpoch().trainLoss());
            System.out.printf("playground, fast-forward %,d epochs: %.0f ms (training them again: %.0f s)%n", epochs,
                    ms, epochs / playgroundRate);
            if (epochs == 100_000) {
                Bench.result("Continue a playground run (" + data.train().size() + " points) after 100,000 epochs",
                        Bench.format("%.0f ms to rebuild", ms),
                        Bench.format("%.0f s to train them again (%.0f epochs/s)", epochs / playgroundRate,
                                playgroundRate),
                        Bench.format("%.0f×", epochs / playgroundRate / (ms / 1e3)));
            }
        }

        SequenceConfig s = SequenceConfig.defaults();
        SequenceTrainer st = new SequenceTrainer(s, new LiveOptions(), 1);
        double sequenceRate = epochsPerSecond(() -> st.trainEpoch().trainLoss(), 50);
        double freshSequence = millis(() -> new SequenceTrainer(s, new LiveOptions(), 1).trainEpoch().trainLoss());
        System.out.printf("sequence default race: %.1f epochs/s trained; a new trainer %.1f ms%n", sequenceRate,
                freshSequence);
        for (long epochs : new long[]{100, 1_000, 10_000}) {
            String json = savedAfter(SequenceWeights.write(s, st.captureInternals()), epochs);
            double ms = millis(() -> new SequenceTrainer(s, new LiveOptions(), 1, json).trainEpoch().trainLoss());
            System.out.printf("sequence default race, fast-forward %,d epochs: %.0f ms (training them again: %.0f s)%n",
                    epochs, ms, epochs / sequenceRate);
            if (epochs == 10_000) {
                Bench.result("Continue the default sequence race after 10,000 epochs",
                        Bench.format("%.0f ms to rebuild", ms),
                        Bench.format("%.0f s to train them again (%.1f epochs/s)", epochs / sequenceRate,
                                sequenceRate),
                        Bench.format("%.0f×", epochs / sequenceRate / (ms / 1e3)));
            }
        }
        Bench.finish();
    }

    /** The saved weights as if the run had trained {@code epochs} epochs. */
    private static String savedAfter(String json, long epochs) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(json);
            ResumePoint.put(root, epochs);
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Epochs per second of {@code epoch} over {@code epochs} timed epochs after as many warm-up ones. */
    private static double epochsPerSecond(Supplier<Double> epoch, int epochs) {
        for (int i = 0; i < epochs; i++) {
            Bench.consume(epoch.get());
        }
        long start = System.nanoTime();
        for (int i = 0; i < epochs; i++) {
            Bench.consume(epoch.get());
        }
        return epochs / ((System.nanoTime() - start) / 1e9);
    }

    /** Milliseconds {@code work} takes; its result goes into the checksum. */
    private static double millis(Supplier<Double> work) {
        long start = System.nanoTime();
        Bench.consume(work.get());
        return (System.nanoTime() - start) / 1e6;
    }
}
