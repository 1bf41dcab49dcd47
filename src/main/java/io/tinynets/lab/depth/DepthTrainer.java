package io.tinynets.lab.depth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Trainer;
import io.tinynets.training.InternalsCapture;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * One or two deep networks trained in lock-step, one epoch each per runtime epoch, so a side-by-side comparison is
 * always at the same epoch and one play/pause drives both. Each network is built from the same seed: same data,
 * same initial draws; only the activation differs. The reported loss is the worse of the two, so a diverging
 * network ends the run with the runtime's advice.
 */
public final class DepthTrainer implements Trainer<DepthInternals> {

    public static final String WEIGHTS_FORMAT = "tinynets.depth";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<DepthNetwork> networks = new ArrayList<>();
    private final double[][] points;
    private double learningRate;
    private long epoch;
    /** The network whose mini-batch is next in the current epoch, and the worst loss of the epoch so far. */
    private int current;
    private double worst = Double.NEGATIVE_INFINITY;
    /** Epochs the saved run had trained before this trainer continued it (0 for a fresh run). */
    private final long epochsBefore;

    public DepthTrainer(DepthConfig config, long seed) {
        this(config, seed, null);
    }

    /**
     * @param savedWeights {@link #weightsJson} of networks of exactly this config's shape to continue from, or null
     *                     for fresh weights drawn from the seed
     * @throws IllegalArgumentException if the saved weights do not fit the config
     */
    public DepthTrainer(DepthConfig config, long seed, String savedWeights) {
        JsonNode root = savedWeights == null ? null : readRoot(savedWeights);
        List<String> saved = root == null ? null : networkModels(root);
        epochsBefore = root == null ? 0 : ResumePoint.epochs(root);
        if (saved != null && saved.size() != config.activations().size()) {
            throw new IllegalArgumentException("saved weights hold " + saved.size() + " networks, the config compares "
                    + config.activations().size());
        }
        for (int i = 0; i < config.activations().size(); i++) {
            networks.add(new DepthNetwork(config, config.activations().get(i), seed,
                    saved == null ? null : saved.get(i), epochsBefore));
        }
        learningRate = config.learningRate();
        points = trainingPoints();
    }

    /**
     * The factory of "continue training" from saved weights; its check refuses weights that do not fit the config
     * (before the service builds anything). {@code savedWeights} null means fresh weights.
     */
    public static TrainerFactory<DepthInternals> factory(DepthConfig config, String savedWeights) {
        if (savedWeights == null) {
            return factory(config);
        }
        return TrainerFactory.of(plan(config), () -> checkFits(config, savedWeights),
                seed -> new DepthTrainer(config, seed, savedWeights));
    }

    /** Every network's parameters on {@link DepthConfig#POINTS} points, with the config's learning rate. */
    static TrainerPlan plan(DepthConfig config) {
        return TrainerPlan.of(DepthNetwork.parameterCount(config) * config.activations().size(), DepthConfig.POINTS,
                config.learningRate());
    }

    /** Throws an IllegalArgumentException naming what in the saved weights does not fit the config. */
    static void checkFits(DepthConfig config, String savedWeights) {
        JsonNode root = readRoot(savedWeights);
        List<String> saved = networkModels(root);
        ResumePoint.epochs(root);
        if (saved.size() != config.activations().size()) {
            throw new IllegalArgumentException("saved weights hold " + saved.size() + " networks, the config compares "
                    + config.activations().size());
        }
        for (int i = 0; i < saved.size(); i++) {
            DepthNetwork.read(saved.get(i), DepthNetwork.spec(config, config.activations().get(i)));
        }
    }

    /**
     * The compared networks' weights as captured in {@code internals}, as
     * {@code {"format":"tinynets.depth","version":1,"epochs":120,"networks":[<ModelJson>, …]}} in the config's
     * activation order, each network with its optimizer block (plain SGD: the step count) and {@code epochs} the
     * run's epochs so far (see {@link ResumePoint}; both left out if they would not fit
     * {@link ResumePoint#MAX_SAVED_CHARS}). Built from the immutable capture, so it is safe on the UI thread while the
     * run trains.
     */
    public static String weightsJson(DepthConfig config, DepthInternals internals) {
        String full = weightsJson(config, internals, true);
        return ResumePoint.fits(full, ResumePoint.MAX_SAVED_CHARS) ? full : weightsJson(config, internals, false);
    }

    /** With or without the optimizer blocks and the epochs (without: the form saved before they were kept). */
    static String weightsJson(DepthConfig config, DepthInternals internals, boolean withState) {
        if (internals.networks().size() != config.activations().size()) {
            throw new IllegalArgumentException("internals hold " + internals.networks().size()
                    + " networks, the config compares " + config.activations().size());
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", WEIGHTS_FORMAT);
        root.put("version", 1);
        if (withState) {
            ResumePoint.put(root, internals.epochsTrained());
        }
        ArrayNode list = root.putArray("networks");
        try {
            for (NetworkInternals n : internals.networks()) {
                list.add(MAPPER.readTree(DepthNetwork.modelJson(config, n, withState)));
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("depth weights could not be written as JSON", e);
        }
    }

    private static List<String> networkModels(JsonNode root) {
        List<String> models = new ArrayList<>();
        root.get("networks").forEach(n -> models.add(n.toString()));
        return models;
    }

    private static JsonNode readRoot(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("saved weights are not valid JSON");
        }
        if (root == null || !WEIGHTS_FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1
                || !root.path("networks").isArray()) {
            throw new IllegalArgumentException("saved weights must be " + WEIGHTS_FORMAT
                    + " version 1 with a networks array");
        }
        return root;
    }

    public static TrainerFactory<DepthInternals> factory(DepthConfig config) {
        return TrainerFactory.of(plan(config), seed -> new DepthTrainer(config, seed));
    }

    /** Redraws a piece of a continued run's batch orders, network after network; true while some is left. */
    @Override
    public boolean prepare() {
        for (DepthNetwork n : networks) {
            if (n.prepare()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public EpochMetrics trainEpoch() {
        while (prepare()) {
            // a trainer used outside the runtime prepares on first use
        }
        EpochMetrics metrics;
        while ((metrics = trainChunk()) == null) {
            // the rest of the epoch
        }
        return metrics;
    }

    /** One mini-batch of one network: the first network's epoch, then the second's, as one runtime epoch. */
    @Override
    public EpochMetrics trainChunk() {
        Double loss = networks.get(current).trainBatch();
        if (loss == null) {
            return null;
        }
        worst = Double.isNaN(loss) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, loss);
        if (++current < networks.size()) {
            return null;
        }
        current = 0;
        epoch++;
        EpochMetrics metrics = EpochMetrics.of(worst);
        worst = Double.NEGATIVE_INFINITY;
        return metrics;
    }

    @Override
    public DepthInternals captureInternals() {
        List<NetworkInternals> out = new ArrayList<>(networks.size());
        for (DepthNetwork n : networks) {
            out.add(n.capture());
        }
        return new DepthInternals(epoch, out, points, epochsBefore + epoch);
    }

    /** Network after network, each in pieces (a 30-layer network's boundary alone takes a while). */
    @Override
    public InternalsCapture<DepthInternals> startCapture() {
        return new InternalsCapture<>() {
            private final List<NetworkInternals> out = new ArrayList<>(networks.size());
            private DepthNetwork.Capture current;

            @Override
            public boolean step() {
                if (current == null) {
                    current = networks.get(out.size()).startCapture();
                }
                if (current.step()) {
                    out.add(current.result());
                    current = null;
                }
                return out.size() == networks.size();
            }

            @Override
            public DepthInternals result() {
                return new DepthInternals(epoch, List.copyOf(out), points, epochsBefore + epoch);
            }
        };
    }

    @Override
    public boolean parametersFinite() {
        return networks.stream().allMatch(DepthNetwork::parametersFinite);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        networks.forEach(n -> n.setLearningRate(learningRate));
        this.learningRate = learningRate;
    }

    @Override
    public long parameterCount() {
        return networks.stream().mapToLong(DepthNetwork::parameterCount).sum();
    }

    @Override
    public int datasetSize() {
        return networks.get(0).datasetSize();
    }

    /** The training points as {x₁…}, {x₂…}, {label…} (the same for every network). */
    public double[][] trainingPoints() {
        DepthNetwork n = networks.get(0);
        int rows = n.inputs().numRows;
        double[][] out = new double[3][rows];
        for (int r = 0; r < rows; r++) {
            out[0][r] = n.inputs().get(r, 0);
            out[1][r] = n.inputs().get(r, 1);
            out[2][r] = n.targets().get(r, 0);
        }
        return out;
    }

    List<DepthNetwork> networks() {
        return networks;
    }
}
