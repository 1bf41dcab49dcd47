package io.tinynets.bench;

import io.tinynets.data.sequence.NoisySineTask;
import io.tinynets.data.sequence.SequenceBatch;
import io.tinynets.engine.model.SequenceModel;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.recurrent.CellKind;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Workload W2: windows of 20 steps × 1 feature of x_i = sin(2πi/25) + N(0, 0.1²) → cell with hidden 16 → Dense(1),
 * predicting the next value; 1,024 windows per epoch in batches of 16, squared error, Adam lr 0.01, full BPTT.
 * Prints training sequences/s for RNN, LSTM and GRU (median of 15 epochs after 5 warm-up epochs), single-threaded,
 * for the engine and for a straightforward per-sequence double[] implementation measured in the same run, epochs
 * interleaved, with the median of the paired engine/naive ratios (robust to load from other processes on the machine).
 * Arguments (RNN, LSTM, GRU) restrict the run to those cells.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.RecurrentBench}
 */
public final class RecurrentBench {

    static final int WINDOW = 20;
    static final int HIDDEN = 16;
    static final int WINDOWS_PER_EPOCH = 1024;
    static final int BATCH = 16;
    static final double LR = 0.01;
    static final int WARMUP = 5;
    static final int REPS = 15; // an epoch is only ~50 ms: more pairs steady the median on a shared machine

    public static void main(String[] args) {
        Bench.header("RecurrentBench: workload W2");
        SequenceBatch[] epoch = epoch();
        System.out.println("W2: 20 steps x 1 -> hidden 16 -> Dense(1), batch 16, Adam 0.01, full BPTT, "
                + WINDOWS_PER_EPOCH + " windows/epoch; median of " + REPS + " epochs after " + WARMUP + " warm-up");
        System.out.printf("%-5s %14s %14s %7s %7s%n", "cell", "engine seq/s", "naive seq/s", "ratio", "paired");
        for (CellKind kind : CellKind.values()) {
            if (args.length > 0 && !Arrays.asList(args).contains(kind.name())) {
                continue;
            }
            double[][] r = paired(kind, epoch);
            double[] ratios = new double[REPS];
            for (int i = 0; i < REPS; i++) {
                ratios[i] = r[0][i] / r[1][i]; // each pair ran back to back, so load affects both alike
            }
            double engine = median(r[0]);
            double naive = median(r[1]);
            System.out.printf("%-5s %14.0f %14.0f %6.2fx %6.2fx%n", kind, engine, naive, engine / naive,
                    median(ratios));
            Bench.result("W2 " + kind + " (20 steps, hidden 16, batch 16, Adam, full BPTT)",
                    Bench.format("%.1f k sequences/s", engine / 1e3), Bench.format("%.1f k sequences/s", naive / 1e3),
                    Bench.format("%.2f×", median(ratios)));
        }
        Bench.finish();
    }

    /** The same 1,024 windows every epoch, drawn once from seed 2 (data generation is not timed). */
    static SequenceBatch[] epoch() {
        SplittableRandom random = new SplittableRandom(2);
        NoisySineTask task = NoisySineTask.w2(random);
        SequenceBatch[] batches = new SequenceBatch[WINDOWS_PER_EPOCH / BATCH];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = task.batch(BATCH, random);
        }
        return batches;
    }

    /**
     * Engine and naive epochs interleaved (warm-up, then engine rep, naive rep, ...) so each pair sees the same machine
     * load; returns {engine rates, naive rates}.
     */
    static double[][] paired(CellKind kind, SequenceBatch[] epoch) {
        SequenceModel model = new SequenceModel(kind, 1, HIDDEN, 1, false, false, new SplittableRandom(1));
        Optimizer adam = OptimizerConfig.of(OptimizerKind.ADAM, LR).create();
        NaiveRecurrent net = new NaiveRecurrent(kind, 1, HIDDEN, new SplittableRandom(1));
        double[][] rates = new double[2][REPS];
        double[] sink = new double[2];
        for (int rep = -WARMUP; rep < REPS; rep++) {
            long t0 = System.nanoTime();
            for (SequenceBatch b : epoch) {
                sink[0] += model.trainStep(b.inputs(), b.targets(), adam);
            }
            long t1 = System.nanoTime();
            for (SequenceBatch b : epoch) {
                sink[1] += net.trainBatch(b);
            }
            long t2 = System.nanoTime();
            if (rep >= 0) {
                rates[0][rep] = WINDOWS_PER_EPOCH / ((t1 - t0) / 1e9);
                rates[1][rep] = WINDOWS_PER_EPOCH / ((t2 - t1) / 1e9);
            }
        }
        check(sink[0], kind + " engine");
        check(sink[1], kind + " naive");
        Bench.consume(sink[0]);
        Bench.consume(sink[1]);
        return rates;
    }

    private static void check(double sink, String what) {
        if (!Double.isFinite(sink)) {
            throw new IllegalStateException(what + " diverged");
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * The baseline: one sequence at a time with double[] / double[][] arrays (allocated once, reused for every
     * sequence), dot-product matrix-vector loops, Math.tanh, and a plain Adam, i.e. what one writes first. Same
     * equations and loss.
     */
    static final class NaiveRecurrent {
        final CellKind kind;
        final int in;
        final int h;
        final int g;
        final double[][] wih;
        final double[][] whh;
        final double[] bih;
        final double[] bhh;
        final double[] fcw;
        final double[] fcb = new double[1];
        final double[][] dwih;
        final double[][] dwhh;
        final double[] dbih;
        final double[] dbhh;
        final double[] dfcw;
        final double[] dfcb = new double[1];
        final double[][] m;
        final double[][] v;
        int step;

        NaiveRecurrent(CellKind kind, int in, int h, SplittableRandom r) {
            this.kind = kind;
            this.in = in;
            this.h = h;
            this.g = kind.gateBlocks() * h;
            double k = 1 / Math.sqrt(h);
            wih = rand(g, in, k, r);
            whh = rand(g, h, k, r);
            bih = rand(1, g, k, r)[0];
            bhh = rand(1, g, k, r)[0];
            fcw = rand(1, h, k, r)[0];
            fcb[0] = r.nextDouble(-k, k);
            dwih = new double[g][in];
            dwhh = new double[g][h];
            dbih = new double[g];
            dbhh = new double[g];
            dfcw = new double[h];
            int n = g * in + g * h + 2 * g + h + 1;
            m = new double[1][n];
            v = new double[1][n];
        }

        static double[][] rand(int rows, int cols, double k, SplittableRandom r) {
            double[][] a = new double[rows][cols];
            for (double[] row : a) {
                for (int c = 0; c < cols; c++) {
                    row[c] = r.nextDouble(-k, k);
                }
            }
            return a;
        }

        static double sig(double a) {
            return 1 / (1 + Math.exp(-a));
        }

        // per-sequence work arrays, allocated once for the window length: the baseline is measured without an
        // allocation handicap (allocating them per step made it 6× slower under G1 than under Serial or Parallel GC)
        int steps = -1;
        double[][] xs;
        double[][] hs;
        double[][] cs;
        double[][] gates;
        double[][] ghn;
        double[] gi;
        double[] dgi;
        double[] dgh;
        double[] dh;
        double[] dc;
        double[] dhPrev;
        double[] dcPrev;

        private void ensureBuffers(int length) {
            if (length == steps) {
                return;
            }
            steps = length;
            xs = new double[length][in];
            hs = new double[length + 1][h];
            cs = new double[length + 1][h];
            gates = new double[length][g];
            ghn = new double[length][g];
            gi = new double[g];
            dgi = new double[g];
            dgh = new double[g];
            dh = new double[h];
            dc = new double[h];
            dhPrev = new double[h];
            dcPrev = new double[h];
        }

        double trainBatch(SequenceBatch batch) {
            for (double[] row : dwih) {
                Arrays.fill(row, 0);
            }
            for (double[] row : dwhh) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(dbih, 0);
            Arrays.fill(dbhh, 0);
            Arrays.fill(dfcw, 0);
            dfcb[0] = 0;
            int n = batch.size();
            ensureBuffers(batch.length());
            double loss = 0;
            for (int b = 0; b < n; b++) {
                for (int t = 0; t < steps; t++) {
                    for (int k = 0; k < in; k++) {
                        xs[t][k] = batch.inputs()[t].get(b, k);
                    }
                }
                loss += sequence(batch.targets()[0].get(b, 0), n);
            }
            adam();
            return loss / n;
        }

        /** Forward and BPTT of the sequence in {@link #xs}; gradients of ½(y − target)² / n are added. */
        double sequence(double target, int n) {
            Arrays.fill(hs[0], 0);
            Arrays.fill(cs[0], 0);
            for (int t = 0; t < steps; t++) {
                double[] gh = ghn[t];
                for (int j = 0; j < g; j++) {
                    double s = bih[j];
                    for (int k = 0; k < in; k++) {
                        s += wih[j][k] * xs[t][k];
                    }
                    gi[j] = s;
                    double u = bhh[j];
                    for (int k = 0; k < h; k++) {
                        u += whh[j][k] * hs[t][k];
                    }
                    gh[j] = u;
                }
                double[] act = gates[t];
                for (int j = 0; j < h; j++) {
                    switch (kind) {
                        case RNN -> {
                            act[j] = Math.tanh(gi[j] + gh[j]);
                            hs[t + 1][j] = act[j];
                        }
                        case LSTM -> {
                            double i = sig(gi[j] + gh[j]);
                            double f = sig(gi[h + j] + gh[h + j]);
                            double gg = Math.tanh(gi[2 * h + j] + gh[2 * h + j]);
                            double o = sig(gi[3 * h + j] + gh[3 * h + j]);
                            act[j] = i;
                            act[h + j] = f;
                            act[2 * h + j] = gg;
                            act[3 * h + j] = o;
                            cs[t + 1][j] = f * cs[t][j] + i * gg;
                            hs[t + 1][j] = o * Math.tanh(cs[t + 1][j]);
                        }
                        case GRU -> {
                            double r = sig(gi[j] + gh[j]);
                            double z = sig(gi[h + j] + gh[h + j]);
                            double nn = Math.tanh(gi[2 * h + j] + r * gh[2 * h + j]);
                            act[j] = r;
                            act[h + j] = z;
                            act[2 * h + j] = nn;
                            hs[t + 1][j] = (1 - z) * nn + z * hs[t][j];
                        }
                    }
                }
            }
            double y = fcb[0];
            for (int k = 0; k < h; k++) {
                y += fcw[k] * hs[steps][k];
            }
            double dy = (y - target) / n;
            dfcb[0] += dy;
            for (int k = 0; k < h; k++) {
                dfcw[k] += dy * hs[steps][k];
                dh[k] = dy * fcw[k];
            }
            Arrays.fill(dc, 0);
            for (int t = steps - 1; t >= 0; t--) {
                double[] act = gates[t];
                Arrays.fill(dgh, 0);
                Arrays.fill(dhPrev, 0);
                Arrays.fill(dcPrev, 0);
                for (int j = 0; j < h; j++) {
                    switch (kind) {
                        case RNN -> {
                            double a = dh[j] * (1 - act[j] * act[j]);
                            dgi[j] = a;
                            dgh[j] = a;
                        }
                        case LSTM -> {
                            double i = act[j];
                            double f = act[h + j];
                            double gg = act[2 * h + j];
                            double o = act[3 * h + j];
                            double tc = Math.tanh(cs[t + 1][j]);
                            double dcj = dc[j] + dh[j] * o * (1 - tc * tc);
                            dgi[j] = dcj * gg * i * (1 - i);
                            dgi[h + j] = dcj * cs[t][j] * f * (1 - f);
                            dgi[2 * h + j] = dcj * i * (1 - gg * gg);
                            dgi[3 * h + j] = dh[j] * tc * o * (1 - o);
                            dcPrev[j] = dcj * f;
                        }
                        case GRU -> {
                            double r = act[j];
                            double z = act[h + j];
                            double nn = act[2 * h + j];
                            double dan = dh[j] * (1 - z) * (1 - nn * nn);
                            double dar = dan * ghn[t][2 * h + j] * r * (1 - r);
                            double daz = dh[j] * (hs[t][j] - nn) * z * (1 - z);
                            dgi[j] = dar;
                            dgi[h + j] = daz;
                            dgi[2 * h + j] = dan;
                            dgh[j] = dar;
                            dgh[h + j] = daz;
                            dgh[2 * h + j] = dan * r;
                            dhPrev[j] = dh[j] * z;
                        }
                    }
                }
                if (kind != CellKind.GRU) {
                    System.arraycopy(dgi, 0, dgh, 0, g);
                }
                for (int j = 0; j < g; j++) {
                    dbih[j] += dgi[j];
                    dbhh[j] += dgh[j];
                    for (int k = 0; k < in; k++) {
                        dwih[j][k] += dgi[j] * xs[t][k];
                    }
                    for (int k = 0; k < h; k++) {
                        dwhh[j][k] += dgh[j] * hs[t][k];
                        dhPrev[k] += dgh[j] * whh[j][k];
                    }
                }
                // dh ← dhPrev, dc ← dcPrev (swap the buffers instead of allocating new ones)
                double[] swap = dh;
                dh = dhPrev;
                dhPrev = swap;
                swap = dc;
                dc = dcPrev;
                dcPrev = swap;
            }
            return 0.5 * (y - target) * (y - target);
        }

        void adam() {
            step++;
            double b1 = 0.9;
            double b2 = 0.999;
            double c1 = 1 - Math.pow(b1, step);
            double c2 = 1 - Math.pow(b2, step);
            int[] idx = {0};
            for (int j = 0; j < g; j++) {
                update(wih[j], dwih[j], idx, b1, b2, c1, c2);
                update(whh[j], dwhh[j], idx, b1, b2, c1, c2);
            }
            update(bih, dbih, idx, b1, b2, c1, c2);
            update(bhh, dbhh, idx, b1, b2, c1, c2);
            update(fcw, dfcw, idx, b1, b2, c1, c2);
            update(fcb, dfcb, idx, b1, b2, c1, c2);
        }

        void update(double[] w, double[] d, int[] idx, double b1, double b2, double c1, double c2) {
            for (int i = 0; i < w.length; i++, idx[0]++) {
                int p = idx[0];
                m[0][p] = b1 * m[0][p] + (1 - b1) * d[i];
                v[0][p] = b2 * v[0][p] + (1 - b2) * d[i] * d[i];
                w[i] -= LR * (m[0][p] / c1) / (Math.sqrt(v[0][p] / c2) + 1e-8);
            }
        }
    }
}
