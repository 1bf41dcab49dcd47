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
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunSettings;
import io.tinynets.training.Subscription;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainingLimits;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import io.tinynets.training.WorkerHolds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The training runtime's budget: 60 W1-sized runs training at once on this machine, each should get >= 20 epochs/s,
 * and a snapshot should reach its subscriber within 100 ms of being taken (p95).
 *
 * <p>Every run is the Network Playground's real trainer ({@link PlaygroundTrainer}: engine Mlp/MlpTrainer, plus the
 * boundary, unit grids and weights it captures for each delivered snapshot) on W1's network and data: spiral, 2-8-8-1
 * tanh, squared error, SGD 0.03, batch 10, 500 training points.
 *
 * <p>The baseline, measured first in the same run: the same trainer called in a plain loop on one thread, without
 * the runtime, snapshots or other runs. Its rate times the runtime's worker threads, shared by the runs, is the most
 * the runtime could give each run; the printed efficiency is how much of it the runtime delivers. Snapshot latency
 * has no baseline: it is measured against the moment each snapshot was taken.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.TrainingRuntimeBench}
 * (optional args: runs, seconds).
 */
public final class TrainingRuntimeBench {

    public static void main(String[] args) throws InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Bench.header("TrainingRuntimeBench: " + runs + " playground runs at once");
        TrainerFactory<PlaygroundInternals> factory = playgroundW1();

        // baseline: one trainer, one thread, no runtime
        PlaygroundTrainer alone = (PlaygroundTrainer) factory.create(1000);
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            Bench.consume(alone.trainEpoch().trainLoss());
        }
        long aloneEpochs = 0;
        long aloneStart = System.nanoTime();
        while (System.nanoTime() - aloneStart < 2_000_000_000L) {
            Bench.consume(alone.trainEpoch().trainLoss());
            aloneEpochs++;
        }
        double aloneRate = aloneEpochs * 1e9 / (System.nanoTime() - aloneStart);

        TrainingService service = new TrainingService(TrainingLimits.defaults());
        int workers = service.limits().effectiveWorkerThreads();
        long[] latencies = new long[1 << 20];
        AtomicLong latencyCount = new AtomicLong();
        DoubleAdder delivered = new DoubleAdder();
        List<TrainingRun<PlaygroundInternals>> all = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String user = "student" + i;
            TrainingRun<PlaygroundInternals> run = service.create(user, "w1", factory, RunSettings.seeded(i));
            subscriptions.add(service.subscribe(user, run, snapshot -> {
                long latency = System.nanoTime() - snapshot.createdNanos();
                long n = latencyCount.getAndIncrement();
                if (n < latencies.length) {
                    latencies[(int) n] = latency;
                }
                for (MetricPoint p : snapshot.newPoints()) {
                    delivered.add(p.trainLoss());
                }
            }));
            all.add(run);
        }
        System.out.printf("%d runs of the playground's engine trainer, %d workers, %d s; one trainer alone on one"
                + " thread: %.1f epochs/s%n", runs, workers, seconds, aloneRate);
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
        Bench.consume(delivered.sum());

        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            rates[i] = (endEpochs[i] - startEpochs[i]) * 1e9 / elapsed;
        }
        Arrays.sort(rates);
        double total = Arrays.stream(rates).sum();
        double ideal = aloneRate * Math.min(workers, runs);
        long[] window = Arrays.copyOfRange(latencies, (int) startLatencies, (int) endLatencies);
        Arrays.sort(window);
        double snapshotsPerRunPerSecond = window.length * 1e9 / elapsed / runs;
        System.out.printf("epochs/s per run: min %.1f  median %.1f  max %.1f  (total %.0f epochs/s; %.0f %% of one"
                + " trainer alone x %d workers)%n", rates[0], rates[runs / 2], rates[runs - 1], total,
                100 * total / ideal, workers);
        System.out.printf("snapshots: %.1f per run per second; delivery latency p50 %.2f ms  p95 %.2f ms  max %.2f ms%n",
                snapshotsPerRunPerSecond, millis(window, 0.50), millis(window, 0.95),
                window.length == 0 ? 0 : window[window.length - 1] / 1e6);
        System.out.printf("budget: >= 20 epochs/s per run: %s; p95 latency <= 100 ms: %s%n",
                rates[0] >= 20 ? "met" : "NOT met", millis(window, 0.95) <= 100 ? "met" : "NOT met");
        Bench.result(runs + " playground runs at once (W1 network), " + workers + " workers",
                Bench.format("%.1f–%.1f epochs/s each (median %.1f); snapshot delivery p95 %.2f ms", rates[0],
                        rates[runs - 1], rates[runs / 2], millis(window, 0.95)),
                Bench.format("one trainer alone: %.0f epochs/s, i.e. at most %.1f each for %d runs on %d workers",
                        aloneRate, ideal / runs, runs, workers),
                Bench.format("%.0f %% of that", 100 * total / ideal));
        Bench.finish();

        // ---- issue 15: the longest time one run held a worker (a separate measurement, see WorkerHoldBench) ----
        System.out.printf("longest worker hold of these runs: %.1f ms wall, %.1f ms CPU over %d tasks (slice %d ms)%n",
                holds.longestWall().toNanos() / 1e6, holds.longestCpu().toNanos() / 1e6, holds.tasks(),
                service.limits().slice().toMillis());
        try {
            WorkerHoldBench.run(seconds);
            WorkerHoldBench.perLab(Math.max(1, seconds / 5));
        } catch (Exception e) {
            throw new IllegalStateException("worker hold measurement failed", e);
        }
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
}
