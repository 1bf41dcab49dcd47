package io.tinynets.bench;

import io.tinynets.data.images.ImageSet;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.Autoencoder;
import io.tinynets.engine.model.AutoencoderBatches;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderSpec;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Workload W3, single-threaded: autoencoder 64-16-2-16-64 (tanh hidden and code, sigmoid output, MSE), Adam lr 0.01,
 * batch 32, on 1,000 seeded 8×8 digits, no noise. Prints samples/s (median of 7 reps of 20 epochs after warm-up) for
 * untied and tied weights.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.AutoencoderBench}
 */
public final class AutoencoderBench {

    private static final int EPOCHS_PER_REP = 20; // 20,000 samples a rep
    private static final int REPS = 7;

    public static void main(String[] args) {
        for (boolean tied : new boolean[]{false, true}) {
            SplittableRandom rng = new SplittableRandom(2024);
            ImageSet digits = ImageSetKind.DIGITS_8.generate(1000, rng);
            Autoencoder ae = new Autoencoder(new AutoencoderSpec(new int[]{64, 16, 2}, Activation.TANH,
                    Activation.SIGMOID, tied), rng);
            AutoencoderBatches batches = new AutoencoderBatches(ae, digits.samples(), AutoencoderLoss.MSE,
                    OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create(), 32, rng);
            for (int i = 0; i < 3; i++) {
                run(batches);
            }
            double[] rates = new double[REPS];
            double loss = 0;
            for (int r = 0; r < REPS; r++) {
                long t0 = System.nanoTime();
                loss = run(batches);
                rates[r] = EPOCHS_PER_REP * 1000.0 / ((System.nanoTime() - t0) / 1e9);
            }
            Arrays.sort(rates);
            System.out.printf("W3 autoencoder 64-16-2-16-64 %s: %.0f samples/s (median of %d; min %.0f, max %.0f),"
                            + " loss after %d epochs %.4f%n", tied ? "tied  " : "untied", rates[REPS / 2], REPS,
                    rates[0], rates[REPS - 1], (3 + REPS) * EPOCHS_PER_REP, loss);
        }
    }

    private static double run(AutoencoderBatches batches) {
        double loss = 0;
        for (int e = 0; e < EPOCHS_PER_REP; e++) {
            loss = batches.epoch();
        }
        return loss;
    }
}
