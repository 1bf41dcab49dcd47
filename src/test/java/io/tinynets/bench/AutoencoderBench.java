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
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Workload W3, single-threaded: autoencoder 64-16-2-16-64 (tanh hidden and code, sigmoid output, MSE), Adam lr 0.01,
 * batch 32, on 1,000 seeded 8×8 digits, no noise. Prints samples/s (median of 7 reps of 20 epochs after warm-up) for
 * untied and tied weights, each next to a naive per-sample double[] autoencoder with the same layers, loss and Adam,
 * measured in the same run with the reps interleaved.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.AutoencoderBench}
 */
public final class AutoencoderBench {

    private static final int EPOCHS_PER_REP = 20; // 20,000 samples a rep
    private static final int REPS = 7;
    private static final int[] SIZES = {64, 16, 2, 16, 64};
    private static final int BATCH = 32;
    private static final double LR = 0.01;

    public static void main(String[] args) {
        Bench.header("AutoencoderBench: workload W3");
        for (boolean tied : new boolean[]{false, true}) {
            SplittableRandom rng = new SplittableRandom(2024);
            ImageSet digits = ImageSetKind.DIGITS_8.generate(1000, rng);
            Autoencoder ae = new Autoencoder(new AutoencoderSpec(new int[]{64, 16, 2}, Activation.TANH,
                    Activation.SIGMOID, tied), rng);
            AutoencoderBatches batches = new AutoencoderBatches(ae, digits.samples(), AutoencoderLoss.MSE,
                    OptimizerConfig.of(OptimizerKind.ADAM, LR).create(), BATCH, rng);
            Naive naive = new Naive(digits.samples(), tied, new SplittableRandom(7));
            for (int i = 0; i < 3; i++) {
                run(batches);
                naive.run(EPOCHS_PER_REP);
            }
            double[] engine = new double[REPS];
            double[] baseline = new double[REPS];
            double loss = 0;
            for (int r = 0; r < REPS; r++) {
                long t0 = System.nanoTime();
                loss = run(batches);
                long t1 = System.nanoTime();
                naive.run(EPOCHS_PER_REP);
                long t2 = System.nanoTime();
                engine[r] = EPOCHS_PER_REP * 1000.0 / ((t1 - t0) / 1e9);
                baseline[r] = EPOCHS_PER_REP * 1000.0 / ((t2 - t1) / 1e9);
            }
            double e = Bench.median(engine);
            double b = Bench.median(baseline);
            double paired = Bench.median(Bench.pairedRatios(engine, baseline));
            String name = tied ? "tied  " : "untied";
            System.out.printf("W3 autoencoder 64-16-2-16-64 %s: engine %.0f samples/s (min %.0f, max %.0f), naive"
                    + " %.0f samples/s, paired ratio %.2f; loss after %d epochs engine %.4f, naive %.4f%n", name, e,
                    Arrays.stream(engine).min().orElseThrow(), Arrays.stream(engine).max().orElseThrow(), b, paired,
                    (3 + REPS) * EPOCHS_PER_REP, loss, naive.lastLoss);
            Bench.result("W3 autoencoder 64-16-2-16-64, " + name.trim() + " (Adam, batch 32)",
                    Bench.format("%.0f k samples/s", e / 1e3), Bench.format("%.0f k samples/s", b / 1e3),
                    Bench.format("%.2f×", paired));
        }
        Bench.finish();
    }

    private static double run(AutoencoderBatches batches) {
        double loss = 0;
        for (int e = 0; e < EPOCHS_PER_REP; e++) {
            loss = batches.epoch();
            Bench.consume(loss);
        }
        return loss;
    }

    /**
     * The straightforward baseline: per sample, forward and backward through four fully connected layers with flat
     * double[] weights, Math.tanh and a sigmoid, MSE averaged over batch × pixels, gradients summed over the batch of
     * 32, then a plain Adam step. Tied: each decoder layer reads its mirror encoder weight transposed and adds into
     * the same gradient. Work arrays are allocated once.
     */
    static final class Naive {
        final boolean tied;
        final int layers = SIZES.length - 1;
        /** Per layer: the weight array it reads (out × in row-major, or the mirror's in × out when transposed). */
        final double[][] w = new double[layers][];
        final double[][] dw = new double[layers][];
        final boolean[] transposed = new boolean[layers];
        final double[][] b = new double[layers][];
        final double[][] db = new double[layers][];
        final double[][] a = new double[layers + 1][];
        final double[][] delta = new double[layers + 1][];
        /** The distinct parameter arrays Adam updates, with their gradients and moments. */
        final double[][] params;
        final double[][] grads;
        final double[][] m;
        final double[][] v;
        final double[] samples;
        final int count;
        final int[] order;
        final SplittableRandom rng;
        int step;
        double lastLoss;

        Naive(DMatrixRMaj samples, boolean tied, SplittableRandom rng) {
            this.tied = tied;
            this.rng = rng;
            this.samples = samples.data.clone();
            this.count = samples.numRows;
            order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            int depth = layers / 2;
            java.util.List<double[]> ps = new java.util.ArrayList<>();
            java.util.List<double[]> gs = new java.util.ArrayList<>();
            for (int l = 0; l < layers; l++) {
                int in = SIZES[l];
                int out = SIZES[l + 1];
                if (tied && l >= depth) {
                    int mirror = layers - 1 - l;
                    w[l] = w[mirror];
                    dw[l] = dw[mirror];
                    transposed[l] = true;
                } else {
                    double lim = Math.sqrt(6.0 / (in + out));
                    w[l] = new double[out * in];
                    for (int i = 0; i < w[l].length; i++) {
                        w[l][i] = (2 * rng.nextDouble() - 1) * lim;
                    }
                    dw[l] = new double[out * in];
                    ps.add(w[l]);
                    gs.add(dw[l]);
                }
                b[l] = new double[out];
                db[l] = new double[out];
                ps.add(b[l]);
                gs.add(db[l]);
            }
            for (int l = 0; l <= layers; l++) {
                a[l] = new double[SIZES[l]];
                delta[l] = new double[SIZES[l]];
            }
            params = ps.toArray(double[][]::new);
            grads = gs.toArray(double[][]::new);
            m = new double[params.length][];
            v = new double[params.length][];
            for (int i = 0; i < params.length; i++) {
                m[i] = new double[params[i].length];
                v[i] = new double[params[i].length];
            }
        }

        void run(int epochs) {
            int d = SIZES[0];
            for (int e = 0; e < epochs; e++) {
                for (int i = count - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double sum = 0;
                int batches = 0;
                for (int start = 0; start < count; start += BATCH) {
                    int size = Math.min(BATCH, count - start);
                    for (double[] g : grads) {
                        Arrays.fill(g, 0);
                    }
                    double loss = 0;
                    for (int s = start; s < start + size; s++) {
                        int offset = order[s] * d;
                        System.arraycopy(samples, offset, a[0], 0, d);
                        loss += sample(offset, size * d);
                    }
                    adam();
                    sum += loss / (size * d);
                    batches++;
                }
                lastLoss = sum / batches;
                Bench.consume(lastLoss);
            }
        }

        /** Forward and backward of one sample (already in a[0]); returns its Σ(o − t)². */
        private double sample(int offset, int elements) {
            for (int l = 0; l < layers; l++) {
                boolean output = l == layers - 1;
                int in = SIZES[l];
                int out = SIZES[l + 1];
                double[] wl = w[l];
                // weight of input k to output j: wl[j·in + k], or for a tied layer its mirror's wl[k·out + j]
                int jStride = transposed[l] ? 1 : in;
                int kStride = transposed[l] ? out : 1;
                for (int j = 0; j < out; j++) {
                    double z = b[l][j];
                    for (int k = 0, at = j * jStride; k < in; k++, at += kStride) {
                        z += wl[at] * a[l][k];
                    }
                    a[l + 1][j] = output ? 1 / (1 + Math.exp(-z)) : Math.tanh(z);
                }
            }
            double squared = 0;
            double[] o = a[layers];
            for (int j = 0; j < o.length; j++) {
                double diff = o[j] - samples[offset + j];
                squared += diff * diff;
                // ∂L/∂o = 2(o − t) / BD, through the sigmoid: · o(1 − o)
                delta[layers][j] = 2 * diff / elements * o[j] * (1 - o[j]);
            }
            for (int l = layers - 1; l >= 0; l--) {
                Arrays.fill(delta[l], 0);
                int in = SIZES[l];
                int out = SIZES[l + 1];
                double[] wl = w[l];
                double[] dwl = dw[l];
                int jStride = transposed[l] ? 1 : in;
                int kStride = transposed[l] ? out : 1;
                for (int j = 0; j < out; j++) {
                    double g = delta[l + 1][j];
                    db[l][j] += g;
                    for (int k = 0, at = j * jStride; k < in; k++, at += kStride) {
                        dwl[at] += g * a[l][k];
                        delta[l][k] += g * wl[at];
                    }
                }
                if (l > 0) {
                    for (int k = 0; k < SIZES[l]; k++) {
                        delta[l][k] *= 1 - a[l][k] * a[l][k];
                    }
                }
            }
            return squared;
        }

        private void adam() {
            step++;
            double c1 = 1 - Math.pow(0.9, step);
            double c2 = 1 - Math.pow(0.999, step);
            for (int p = 0; p < params.length; p++) {
                double[] w = params[p];
                double[] g = grads[p];
                for (int i = 0; i < w.length; i++) {
                    m[p][i] = 0.9 * m[p][i] + 0.1 * g[i];
                    v[p][i] = 0.999 * v[p][i] + 0.001 * g[i] * g[i];
                    w[i] -= LR * (m[p][i] / c1) / (Math.sqrt(v[p][i] / c2) + 1e-8);
                }
            }
        }
    }
}
