package io.tinynets.bench;

import io.tinynets.engine.FastMath;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.RunSettings;
import io.tinynets.training.Subscription;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainingLimits;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import io.tinynets.training.WorkerHolds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The training runtime's budget: 60 W1-sized runs training at once on this machine, each should get >= 20 epochs/s,
 * and a snapshot should reach its subscriber within 100 ms of being taken (p95).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.TrainingRuntimeBench}
 * (optional args: runs, seconds).
 *
 * <p>The work per epoch is a STAND-IN for the engine's W1 (the engine is written in parallel): a fixed 2-8-8-1 tanh
 * MLP trained by SGD (mini-batches of 10, squared error, labels +-1) on 500 two-arm spiral points, in plain
 * double[] code here, plus a 30 x 30 decision-boundary grid as the internals captured per snapshot.
 */
public final class TrainingRuntimeBench {

    public static void main(String[] args) throws InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean standIn = args.length > 2 && args[2].equals("standin");
        TrainingService service = new TrainingService(TrainingLimits.defaults());
        // By default every run is the Network Playground's real trainer (engine Mlp/MlpTrainer, plus its boundary,
        // unit grids and weights captured for each delivered snapshot) on W1's network and data.
        TrainerFactory<?> factory = standIn ? TrainerFactory.of(SpiralMlp.PLAN, SpiralMlp::new) : playgroundW1();
        long[] latencies = new long[1 << 20];
        AtomicLong latencyCount = new AtomicLong();
        List<TrainingRun<?>> all = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String user = "student" + i;
            TrainingRun<?> run = create(service, user, factory, i);
            subscriptions.add(service.subscribe(user, run, snapshot -> {
                long latency = System.nanoTime() - snapshot.createdNanos();
                long n = latencyCount.getAndIncrement();
                if (n < latencies.length) {
                    latencies[(int) n] = latency;
                }
            }));
            all.add(run);
        }
        System.out.printf("%d runs of a 2-8-8-1 tanh MLP on 500 spiral points (%s), %d workers, %d s%n",
                runs, standIn ? "stand-in double[] trainer" : "the playground's engine trainer",
                service.limits().effectiveWorkerThreads(), seconds);
        for (TrainingRun<?> run : all) {
            service.start(run.ownerId(), run.id());
        }
        Thread.sleep(1000); // warm up (JIT)
        service.resetWorkerHolds(); // issue 15: the longest hold is measured after the warm-up
        long[] startEpochs = all.stream().mapToLong(TrainingRun::epoch).toArray();
        long startLatencies = latencyCount.get();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long[] endEpochs = all.stream().mapToLong(TrainingRun::epoch).toArray();
        long elapsed = System.nanoTime() - start;
        long endLatencies = Math.min(latencyCount.get(), latencies.length);
        subscriptions.forEach(Subscription::close);
        WorkerHolds holds = service.workerHolds(); // issue 15: how long one run held a worker
        service.close();

        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            rates[i] = (endEpochs[i] - startEpochs[i]) * 1e9 / elapsed;
        }
        Arrays.sort(rates);
        long[] window = Arrays.copyOfRange(latencies, (int) startLatencies, (int) endLatencies);
        Arrays.sort(window);
        double snapshotsPerRunPerSecond = window.length * 1e9 / elapsed / runs;
        System.out.printf("epochs/s per run: min %.1f  median %.1f  max %.1f  (total %.0f epochs/s)%n",
                rates[0], rates[runs / 2], rates[runs - 1], Arrays.stream(rates).sum());
        System.out.printf("snapshots: %.1f per run per second; delivery latency p50 %.2f ms  p95 %.2f ms  max %.2f ms%n",
                snapshotsPerRunPerSecond, millis(window, 0.50), millis(window, 0.95),
                window.length == 0 ? 0 : window[window.length - 1] / 1e6);
        System.out.printf("budget: >= 20 epochs/s per run: %s; p95 latency <= 100 ms: %s%n",
                rates[0] >= 20 ? "met" : "NOT met", millis(window, 0.95) <= 100 ? "met" : "NOT met");

        // ---- issue 15: the longest time one run held a worker (a separate measurement, see WorkerHoldBench) ----
        System.out.printf("longest worker hold of these runs: %.1f ms wall, %.1f ms CPU over %d tasks (slice %d ms)%n",
                holds.longestWall().toNanos() / 1e6, holds.longestCpu().toNanos() / 1e6, holds.tasks(),
                service.limits().slice().toMillis());
        try {
            WorkerHoldBench.run(seconds);
        } catch (Exception e) {
            throw new IllegalStateException("worker hold measurement failed", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TrainingRun<?> create(TrainingService service, String user, TrainerFactory factory, int seed) {
        return service.create(user, "w1", factory, RunSettings.seeded(seed));
    }

    /** W1 through the playground: spiral, 2-8-8-1 tanh, squared error, SGD 0.03, batch 10, 500 training points. */
    private static TrainerFactory<PlaygroundInternals> playgroundW1() {
        PlaygroundConfig config = new PlaygroundConfig(DatasetKind.SPIRAL, 1000, 0.0, 0.5, 10, 1,
                List.of(Feature.X1, Feature.X2), List.of(8, 8), List.of(Activation.TANH, Activation.TANH),
                OutputLoss.TANH_SQUARED, Initializer.XAVIER, OptimizerKind.SGD, 0.03, RegularizationKind.NONE, 0.0);
        return TrainerFactory.of(PlaygroundTrainer.plan(config, spiral(0)),
                seed -> new PlaygroundTrainer(config, spiral(seed), seed));
    }

    private static Dataset2D spiral(long seed) {
        return Dataset2D.generate(DatasetKind.SPIRAL, 1000, 0.0, 0.5, new SplittableRandom(seed));
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }

    /** Stand-in for the engine's W1 workload; see the class comment. Internals: a 30 x 30 grid of outputs. */
    static final class SpiralMlp implements Trainer<double[]> {
        private static final int N = 500;
        private static final int H = 8;
        private static final int BATCH = 10;
        private static final int GRID = 30;
        static final TrainerPlan PLAN = TrainerPlan.of(2L * H + H + H * H + H + H + 1, N, 0.03);

        private final double[] xs = new double[N * 2];
        private final double[] ys = new double[N];
        private final int[] order = new int[N];
        private final SplittableRandom random;
        // w1: H x 2, w2: H x H, w3: 1 x H
        private final double[] w1 = new double[H * 2], b1 = new double[H];
        private final double[] w2 = new double[H * H], b2 = new double[H];
        private final double[] w3 = new double[H];
        private final double[] b3 = new double[1];
        private final double[] dw1 = new double[H * 2], db1 = new double[H];
        private final double[] dw2 = new double[H * H], db2 = new double[H];
        private final double[] dw3 = new double[H];
        private final double[] db3 = new double[1];
        private final double[] h1 = new double[H], h2 = new double[H], d1 = new double[H], d2 = new double[H];
        private double learningRate = 0.03;

        SpiralMlp(long seed) {
            random = new SplittableRandom(seed);
            for (int i = 0; i < N; i++) {
                int arm = i % 2;
                double r = (i / 2) / (double) (N / 2) * 5;
                double t = 1.75 * (i / 2) / (double) (N / 2) * 2 * Math.PI + arm * Math.PI;
                xs[2 * i] = r * Math.sin(t) + random.nextDouble(-0.1, 0.1);
                xs[2 * i + 1] = r * Math.cos(t) + random.nextDouble(-0.1, 0.1);
                ys[i] = arm == 0 ? 1 : -1;
                order[i] = i;
            }
            init(w1, 2);
            init(w2, H);
            init(w3, H);
        }

        private void init(double[] w, int fanIn) {
            double scale = Math.sqrt(1.0 / fanIn);
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextGaussian() * scale;
            }
        }

        private double forward(double x0, double x1) {
            for (int j = 0; j < H; j++) {
                h1[j] = FastMath.tanh(w1[2 * j] * x0 + w1[2 * j + 1] * x1 + b1[j]);
            }
            for (int j = 0; j < H; j++) {
                double s = b2[j];
                for (int k = 0; k < H; k++) {
                    s += w2[j * H + k] * h1[k];
                }
                h2[j] = FastMath.tanh(s);
            }
            double s = b3[0];
            for (int k = 0; k < H; k++) {
                s += w3[k] * h2[k];
            }
            return FastMath.tanh(s);
        }

        @Override
        public EpochMetrics trainEpoch() {
            for (int i = N - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double loss = 0;
            for (int start = 0; start < N; start += BATCH) {
                Arrays.fill(dw1, 0); Arrays.fill(db1, 0); Arrays.fill(dw2, 0); Arrays.fill(db2, 0);
                Arrays.fill(dw3, 0); db3[0] = 0;
                for (int b = start; b < start + BATCH; b++) {
                    int i = order[b];
                    double x0 = xs[2 * i], x1 = xs[2 * i + 1];
                    double out = forward(x0, x1);
                    double err = out - ys[i];
                    loss += 0.5 * err * err;
                    // dOut = err * (1 - out^2)
                    double dOut = err * (1 - out * out);
                    db3[0] += dOut;
                    for (int k = 0; k < H; k++) {
                        dw3[k] += dOut * h2[k];
                        d2[k] = dOut * w3[k] * (1 - h2[k] * h2[k]);
                    }
                    Arrays.fill(d1, 0);
                    for (int j = 0; j < H; j++) {
                        db2[j] += d2[j];
                        for (int k = 0; k < H; k++) {
                            dw2[j * H + k] += d2[j] * h1[k];
                            d1[k] += d2[j] * w2[j * H + k];
                        }
                    }
                    for (int k = 0; k < H; k++) {
                        double d = d1[k] * (1 - h1[k] * h1[k]);
                        db1[k] += d;
                        dw1[2 * k] += d * x0;
                        dw1[2 * k + 1] += d * x1;
                    }
                }
                double step = learningRate / BATCH;
                sgd(w1, dw1, step); sgd(b1, db1, step); sgd(w2, dw2, step); sgd(b2, db2, step);
                sgd(w3, dw3, step); sgd(b3, db3, step);
            }
            return EpochMetrics.of(loss / N);
        }

        private static void sgd(double[] w, double[] dw, double step) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= step * dw[i];
            }
        }

        @Override
        public double[] captureInternals() {
            double[] grid = new double[GRID * GRID];
            for (int r = 0; r < GRID; r++) {
                for (int c = 0; c < GRID; c++) {
                    grid[r * GRID + c] = forward(-6 + 12.0 * c / (GRID - 1), -6 + 12.0 * r / (GRID - 1));
                }
            }
            return grid;
        }

        @Override
        public boolean parametersFinite() {
            for (double[] p : new double[][] {w1, b1, w2, b2, w3, b3}) {
                for (double v : p) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public double learningRate() {
            return learningRate;
        }

        @Override
        public void setLearningRate(double learningRate) {
            this.learningRate = learningRate;
        }

        @Override
        public long parameterCount() {
            return 2L * H + H + H * H + H + H + 1;
        }

        @Override
        public int datasetSize() {
            return N;
        }
    }
}
