package io.tinynets.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.ResumePoint;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceTaskKind;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.training.RunSettings;
import io.tinynets.training.Subscription;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainingLimits;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import io.tinynets.training.WorkerHolds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The longest time one run holds a training worker (issue 15): every lab at its largest settings (the longest epochs,
 * builds, preparations and captures the forms allow) trains while watched, with a continued playground run that
 * fast-forwards about 10⁸ random draws, and the runtime reports the longest task (slice) it ran. Also the longest
 * {@code create()} on the caller's thread, which is the request thread in the app.
 *
 * <p>Then {@link #perLab}: each lab alone, the longest hold while built and prepared and while training.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.WorkerHoldBench} (optional arg:
 * seconds); {@link TrainingRuntimeBench} runs it after its own measurement.
 */
public final class WorkerHoldBench {

    private WorkerHoldBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        run(seconds);
        perLab(Math.max(1, seconds / 5));
    }

    /** Measures for {@code seconds} after a short warm-up and prints one line per figure. */
    public static void run(int seconds) throws Exception {
        TrainingService service = new TrainingService(TrainingLimits.defaults());
        Map<String, TrainerFactory<?>> largest = largestOfEveryLab();
        // the first create() of a JVM loads classes and starts the workers: not what a request pays later
        TrainingRun<?> first = create(service, "warm-up", "playground", largest.get("playground"));
        service.cancel("warm-up", first.id());
        List<TrainingRun<?>> runs = new ArrayList<>();
        List<Subscription> watching = new ArrayList<>();
        long longestCreate = 0;
        String longestCreateLab = "";
        for (Map.Entry<String, TrainerFactory<?>> lab : largest.entrySet()) {
            String user = "student-" + lab.getKey();
            long t0 = System.nanoTime();
            TrainingRun<?> run = create(service, user, lab.getKey(), lab.getValue());
            long took = System.nanoTime() - t0;
            if (took > longestCreate) {
                longestCreate = took;
                longestCreateLab = lab.getKey();
            }
            watching.add(service.subscribe(user, run.id(), snapshot -> { }));
            service.start(user, run.id());
            runs.add(run);
        }
        while (runs.stream().anyMatch(TrainingRun::isPreparing)) {
            Thread.sleep(10);
        }
        WorkerHolds withBuilds = service.workerHolds(); // the builds and the fast-forward, training meanwhile
        Thread.sleep(2000); // warm-up (JIT)
        service.resetWorkerHolds();
        Thread.sleep(seconds * 1000L);
        WorkerHolds training = service.workerHolds();
        watching.forEach(Subscription::close);
        service.close();

        System.out.printf("longest worker hold, every lab at its largest settings (%s), %d workers:%n",
                String.join(", ", largest.keySet()), service.limits().effectiveWorkerThreads());
        System.out.printf("  while training and watched, %d s: %.1f ms wall, %.1f ms CPU (%s) over %d tasks%n",
                seconds, training.longestWall().toNanos() / 1e6, training.longestCpu().toNanos() / 1e6,
                training.longestLab(), training.tasks());
        System.out.printf("  until every run was built and prepared (the 10^8-draw fast-forward included): %.1f ms wall,"
                        + " %.1f ms CPU (%s)%n",
                withBuilds.longestWall().toNanos() / 1e6, withBuilds.longestCpu().toNanos() / 1e6,
                withBuilds.longestLab());
        System.out.printf("  longest create() on the caller's (request) thread: %.2f ms (%s)%n", longestCreate / 1e6,
                longestCreateLab);
    }

    /**
     * Each lab alone at its largest settings (and a continued autoencoder run fast-forwarding about 10⁸ draws): the
     * longest hold while its run is built and prepared, and then while it trains and is watched for {@code seconds}.
     * Every lab is built once before, so the figures are not a cold JVM's.
     */
    public static void perLab(int seconds) throws Exception {
        Map<String, TrainerFactory<?>> labs = largestOfEveryLab();
        labs.put("autoencoder continued", continuedAutoencoder());
        for (Map.Entry<String, TrainerFactory<?>> lab : labs.entrySet()) {
            holdsOf(lab.getKey(), lab.getValue(), 0); // warm-up
        }
        System.out.printf("longest worker hold per lab, alone, at its largest settings (CPU ms, wall ms in brackets):%n");
        for (Map.Entry<String, TrainerFactory<?>> lab : labs.entrySet()) {
            WorkerHolds[] holds = holdsOf(lab.getKey(), lab.getValue(), seconds);
            System.out.printf("  %-22s built and prepared (+50 ms): %6.1f (%6.1f) over %5d tasks; training and watched %d s:"
                            + " %5.1f (%6.1f)%n", lab.getKey(), holds[0].longestCpu().toNanos() / 1e6,
                    holds[0].longestWall().toNanos() / 1e6, holds[0].tasks(), seconds,
                    holds[1].longestCpu().toNanos() / 1e6, holds[1].longestWall().toNanos() / 1e6);
        }
    }

    /** The holds until the lab's run was built and prepared, then while it trains for {@code seconds}. */
    private static WorkerHolds[] holdsOf(String lab, TrainerFactory<?> factory, int seconds) throws Exception {
        TrainingService service = new TrainingService(TrainingLimits.defaults());
        try {
            TrainingRun<?> run = create(service, "student", lab, factory);
            Subscription watching = service.subscribe("student", run.id(), snapshot -> { });
            service.start("student", run.id());
            while (run.isPreparing()) {
                Thread.sleep(5);
            }
            // the task that finished the preparation is counted when it ends: at most a slice or so later
            while (service.workerHolds().tasks() == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
            WorkerHolds prepared = service.workerHolds();
            service.resetWorkerHolds();
            Thread.sleep(seconds * 1000L);
            WorkerHolds training = service.workerHolds();
            watching.close();
            return new WorkerHolds[] {prepared, training};
        } finally {
            service.close();
        }
    }

    /**
     * The largest autoencoder continued from weights saved after as many epochs as a continued run still redraws
     * (the cap of {@link ResumePoint#MAX_FAST_FORWARD_DRAWS}): building it fast-forwards about 10⁸ draws.
     */
    private static TrainerFactory<?> continuedAutoencoder() throws Exception {
        AutoencoderConfig config = largestAutoencoder();
        var trainer = AutoencoderLabTrainer.factory(config).create(1);
        trainer.trainEpoch();
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(trainer.captureInternals().decoder().weightsJson());
        long drawsPerEpoch = config.samples() - 1L + (long) config.samples() * 256; // 16 x 16 digits with noise
        ResumePoint.put(root, ResumePoint.MAX_FAST_FORWARD_DRAWS / drawsPerEpoch);
        return AutoencoderLabTrainer.factory(config, root.toString());
    }

    private static AutoencoderConfig largestAutoencoder() {
        return new AutoencoderConfig(ImageSetKind.DIGITS_16, 2000, new int[] {128, 128, 128}, 32, Activation.TANH,
                true, AutoencoderLoss.MSE, AutoencoderNoise.gaussian(0.2), OptimizerKind.ADAM, 0.01);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TrainingRun<?> create(TrainingService service, String user, String lab, TrainerFactory factory) {
        return service.create(user, lab, factory, RunSettings.seeded(1));
    }

    /** Every training lab's largest configuration the forms and the service's limits accept. */
    static Map<String, TrainerFactory<?>> largestOfEveryLab() throws Exception {
        Map<String, TrainerFactory<?>> labs = new LinkedHashMap<>();
        labs.put("sequence", SequenceTrainer.factory(new SequenceConfig(SequenceTaskKind.NEXT_CHARACTER, 100,
                SequenceConfig.MAX_LENGTH, "", CellKind.LSTM, true, SequenceConfig.MAX_HIDDEN, OptimizerKind.ADAM,
                0.01, 1.0, true), new LiveOptions()));
        labs.put("autoencoder", AutoencoderLabTrainer.factory(largestAutoencoder()));
        labs.put("depth", DepthTrainer.factory(new DepthConfig(DatasetKind.SPIRAL, DepthConfig.MAX_DEPTH,
                DepthConfig.MAX_WIDTH, List.of(Activation.SIGMOID, Activation.RELU), Initializer.XAVIER, 0.1)));
        PlaygroundConfig playground = new PlaygroundConfig(DatasetKind.SPIRAL, PlaygroundConfig.MAX_POINTS, 0.1, 0.9,
                1, 1, List.of(Feature.values()), Collections.nCopies(PlaygroundConfig.MAX_LAYERS,
                PlaygroundConfig.MAX_NEURONS), Collections.nCopies(PlaygroundConfig.MAX_LAYERS, Activation.TANH),
                OutputLoss.TANH_SQUARED, Initializer.XAVIER, OptimizerKind.ADAM, 0.03, RegularizationKind.L2, 0.001);
        Dataset2D data = Dataset2D.generate(DatasetKind.SPIRAL, PlaygroundConfig.MAX_POINTS, 0.1, 0.9,
                new SplittableRandom(1));
        labs.put("playground", PlaygroundTrainer.factory(playground, data, null, t -> { }));
        labs.put("playground continued", PlaygroundTrainer.factory(playground, data,
                continuedAfter(playground, data), t -> { }));
        return labs;
    }

    /**
     * Saved weights of the playground config as if trained for as many epochs as a continued run still redraws
     * (the cap of {@link ResumePoint#MAX_FAST_FORWARD_DRAWS}), so building the run fast-forwards about 10⁸ draws.
     */
    private static String continuedAfter(PlaygroundConfig config, Dataset2D data) throws Exception {
        var internals = new PlaygroundTrainer(config, data, 1).captureInternals();
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(
                PlaygroundTrainer.weightsJson(config, data.classes(), internals));
        long drawsPerEpoch = data.train().size() - 1L;
        ResumePoint.put(root, ResumePoint.MAX_FAST_FORWARD_DRAWS / drawsPerEpoch);
        return root.toString();
    }
}
