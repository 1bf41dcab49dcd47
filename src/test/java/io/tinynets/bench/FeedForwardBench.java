package io.tinynets.bench;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.FeatureSet;
import io.tinynets.data.TargetEncoding;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.model.InputMapping;
import io.tinynets.engine.model.Mlp;
import io.tinynets.engine.model.MlpSpec;
import io.tinynets.engine.model.MlpTrainer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Workload W1, single-threaded: MLP 2-8-8-1, tanh hidden and output, squared error ½(o − t)², plain SGD lr 0.03,
 * batch 10, no regularization, 500-point spiral (noise 0, labels ±1), all points for training, one epoch = one pass.
 * Prints samples/s (median of 7 reps after warm-up) for the real engine ({@link MlpTrainer} → {@link Mlp} →
 * Dense) next to a naive per-sample double[] loop with {@code Math.tanh} measured in the same run, reps interleaved,
 * and the time of one 100×100 decision-boundary grid next to the naive network evaluating the same 10,000 points.
 * Every loss and grid value goes into the printed checksum, so no measured work can be optimized away.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.FeedForwardBench}
 */
public final class FeedForwardBench {

    private static final int EPOCHS_PER_REP = 2000; // 1,000,000 samples a rep
    private static final int REPS = 7;
    private static final int GRID = 100;

    /** The engine's mean loss over the last epoch timed (kept out of the timed loop's result, not trained for). */
    private static double lastEngineLoss;

    public static void main(String[] args) {
        Bench.header("FeedForwardBench: workload W1");
        SplittableRandom rng = new SplittableRandom(2024);
        Dataset2D data = Dataset2D.generate(DatasetKind.SPIRAL, 500, 0.0, 1.0, rng);
        DMatrixRMaj x = data.trainInputs(FeatureSet.RAW);
        DMatrixRMaj t = data.trainTargets(TargetEncoding.PLUS_MINUS_ONE);

        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{8, 8}, Activation.TANH, 1, Activation.TANH, Initializer.XAVIER),
                rng);
        MlpTrainer trainer = new MlpTrainer(mlp, Loss.SQUARED_ERROR,
                OptimizerConfig.of(OptimizerKind.SGD, 0.03).create(), 10, true, rng);
        trainer.setData(x, t);
        Naive naive = new Naive(x, t, new SplittableRandom(7));

        // warm-up: let the JIT compile both paths fully
        for (int i = 0; i < 3; i++) {
            runEngine(trainer, EPOCHS_PER_REP);
            naive.run(EPOCHS_PER_REP);
        }
        double[] engine = new double[REPS];
        double[] baseline = new double[REPS];
        for (int r = 0; r < REPS; r++) {
            engine[r] = runEngine(trainer, EPOCHS_PER_REP);
            baseline[r] = naive.run(EPOCHS_PER_REP);
        }
        double e = Bench.median(engine);
        double b = Bench.median(baseline);
        double paired = Bench.median(Bench.pairedRatios(engine, baseline));
        System.out.printf("W1 engine (Mlp, batch 10):      %6.2f M samples/s  (reps %s)%n", e / 1e6, fmt(engine));
        System.out.printf("W1 naive per-sample double[]:   %6.2f M samples/s  (reps %s)%n", b / 1e6, fmt(baseline));
        System.out.printf("engine / naive = %.2f (median of medians), %.2f (median of paired reps); "
                + "last epoch's loss engine %.4f, naive %.4f%n", e / b, paired, lastEngineLoss, naive.lastLoss);
        Bench.result("W1 feed-forward (MLP 2-8-8-1, SGD, batch 10)", Bench.format("%.2f M samples/s", e / 1e6),
                Bench.format("%.2f M samples/s", b / 1e6), Bench.format("%.2f×", paired));

        // the boundary grid: the engine's batched forward against the naive network, point by point
        for (int r = 0; r < 200; r++) {
            Bench.consume(mlp.unitGrids(GRID, -6, 6, -6, 6, InputMapping.RAW).output());
            Bench.consume(mlp.outputGrid(GRID, -6, 6, -6, 6, InputMapping.RAW));
            Bench.consume(naive.outputGrid(GRID, -6, 6, -6, 6));
        }
        double[] gridMillis = new double[15];
        double[] unitGridMillis = new double[15];
        double[] naiveGridMillis = new double[15];
        for (int r = 0; r < gridMillis.length; r++) {
            long t0 = System.nanoTime();
            double[][] grid = mlp.outputGrid(GRID, -6, 6, -6, 6, InputMapping.RAW);
            long t1 = System.nanoTime();
            double[][][] units = mlp.unitGrids(GRID, -6, 6, -6, 6, InputMapping.RAW).values();
            long t2 = System.nanoTime();
            double[] naiveGrid = naive.outputGrid(GRID, -6, 6, -6, 6);
            long t3 = System.nanoTime();
            gridMillis[r] = (t1 - t0) / 1e6;
            unitGridMillis[r] = (t2 - t1) / 1e6;
            naiveGridMillis[r] = (t3 - t2) / 1e6;
            Bench.consume(grid);
            for (double[][] layer : units) {
                Bench.consume(layer);
            }
            Bench.consume(naiveGrid);
        }
        double g = Bench.median(gridMillis);
        double ng = Bench.median(naiveGridMillis);
        System.out.printf("100x100 output grid: %.3f ms median; with every hidden unit's grid: %.3f ms median;"
                + " naive point-by-point: %.3f ms median%n", g, Bench.median(unitGridMillis), ng);
        Bench.result("W1 100×100 boundary grid", Bench.format("%.2f ms (%.2f ms with every hidden unit's grid)", g,
                Bench.median(unitGridMillis)), Bench.format("%.2f ms", ng),
                Bench.format("%.2f×", Bench.median(Bench.pairedRatios(naiveGridMillis, gridMillis))));
        Bench.finish();
    }

    private static double runEngine(MlpTrainer trainer, int epochs) {
        long start = System.nanoTime();
        long before = trainer.samplesSeen();
        double loss = 0;
        for (int i = 0; i < epochs; i++) {
            loss = trainer.epoch();
            Bench.consume(loss);
        }
        double rate = (trainer.samplesSeen() - before) / ((System.nanoTime() - start) / 1e9);
        lastEngineLoss = loss;
        return rate;
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%.2f", d / 1e6));
        }
        return sb.toString();
    }

    /**
     * The straightforward baseline: per sample, forward and backward with double[] arrays and Math.tanh, gradients
     * accumulated over the batch of 10 and then one SGD update with the averaged gradient (the same math as W1).
     */
    static final class Naive {
        final int[] sizes = {2, 8, 8, 1};
        final double[][][] w = new double[3][][];
        final double[][] b = new double[3][];
        final double[][][] dw = new double[3][][];
        final double[][] db = new double[3][];
        final double[][] a = new double[4][];
        final double[][] delta = new double[4][];
        final double[] xs;
        final double[] ts;
        final int[] order;
        final SplittableRandom rng;
        double lastLoss;

        Naive(DMatrixRMaj x, DMatrixRMaj t, SplittableRandom rng) {
            this.rng = rng;
            xs = x.data.clone();
            ts = t.data.clone();
            order = new int[t.numRows];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int l = 0; l < 3; l++) {
                double lim = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
                w[l] = new double[sizes[l + 1]][sizes[l]];
                dw[l] = new double[sizes[l + 1]][sizes[l]];
                b[l] = new double[sizes[l + 1]];
                db[l] = new double[sizes[l + 1]];
                for (double[] row : w[l]) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = (2 * rng.nextDouble() - 1) * lim;
                    }
                }
            }
            for (int l = 0; l < 4; l++) {
                a[l] = new double[sizes[l]];
                delta[l] = new double[sizes[l]];
            }
        }

        double run(int epochs) {
            long start = System.nanoTime();
            int n = order.length;
            for (int e = 0; e < epochs; e++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
                double loss = 0;
                for (int start0 = 0; start0 < n; start0 += 10) {
                    int end = Math.min(n, start0 + 10);
                    for (int s = start0; s < end; s++) {
                        int p = order[s];
                        a[0][0] = xs[2 * p];
                        a[0][1] = xs[2 * p + 1];
                        for (int l = 0; l < 3; l++) {
                            for (int j = 0; j < sizes[l + 1]; j++) {
                                double z = b[l][j];
                                for (int k = 0; k < sizes[l]; k++) {
                                    z += w[l][j][k] * a[l][k];
                                }
                                a[l + 1][j] = Math.tanh(z);
                            }
                        }
                        double o = a[3][0];
                        double d = o - ts[p];
                        loss += 0.5 * d * d;
                        delta[3][0] = d * (1 - o * o);
                        for (int l = 2; l >= 0; l--) {
                            for (int k = 0; k < sizes[l]; k++) {
                                delta[l][k] = 0;
                            }
                            for (int j = 0; j < sizes[l + 1]; j++) {
                                double g = delta[l + 1][j];
                                db[l][j] += g;
                                for (int k = 0; k < sizes[l]; k++) {
                                    dw[l][j][k] += g * a[l][k];
                                    delta[l][k] += g * w[l][j][k];
                                }
                            }
                            if (l > 0) {
                                for (int k = 0; k < sizes[l]; k++) {
                                    delta[l][k] *= 1 - a[l][k] * a[l][k];
                                }
                            }
                        }
                    }
                    double scale = 0.03 / (end - start0);
                    for (int l = 0; l < 3; l++) {
                        for (int j = 0; j < sizes[l + 1]; j++) {
                            b[l][j] -= scale * db[l][j];
                            db[l][j] = 0;
                            for (int k = 0; k < sizes[l]; k++) {
                                w[l][j][k] -= scale * dw[l][j][k];
                                dw[l][j][k] = 0;
                            }
                        }
                    }
                }
                lastLoss = loss / n;
                Bench.consume(lastLoss);
            }
            return (double) epochs * n / ((System.nanoTime() - start) / 1e9);
        }

        /** The network's output over an n × n grid of the plane, point by point (cell = row·n + col). */
        double[] outputGrid(int n, double x1Min, double x1Max, double x2Min, double x2Max) {
            double[] out = new double[n * n];
            for (int row = 0; row < n; row++) {
                double x2 = x2Min + (x2Max - x2Min) * row / (n - 1);
                for (int col = 0; col < n; col++) {
                    a[0][0] = x1Min + (x1Max - x1Min) * col / (n - 1);
                    a[0][1] = x2;
                    for (int l = 0; l < 3; l++) {
                        for (int j = 0; j < sizes[l + 1]; j++) {
                            double z = b[l][j];
                            for (int k = 0; k < sizes[l]; k++) {
                                z += w[l][j][k] * a[l][k];
                            }
                            a[l + 1][j] = Math.tanh(z);
                        }
                    }
                    out[row * n + col] = a[3][0];
                }
            }
            return out;
        }
    }
}
