package io.tinynets.lab.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.CsvDatasetReader;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.data.Point2D;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.ConfigJsonFields;
import io.tinynets.training.lab.LabConfigCodec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A {@link PlaygroundConfig} as versioned JSON for saved experiments, and back through the config's own checks.
 * Enums are written by their stable keys. When the student uploaded or drew their own points, the points go along
 * ({@code "customData"}), because the config alone cannot regenerate them.
 *
 * <pre>{@code
 * {"version": 1, "dataset": "circle", "points": 200, "noise": 0.0, "trainFraction": 0.5, "batchSize": 10,
 *  "seed": 1, "features": ["x1", "x2"], "hidden": [4, 2], "activations": ["tanh", "tanh"],
 *  "outputLoss": "tanh-mse", "initializer": "xavier", "optimizer": "sgd", "learningRate": 0.03,
 *  "regularization": "none", "regularizationRate": 0.0,
 *  "customData": {"classes": 2, "train": [[x1, x2, label], …], "test": [[x1, x2, label], …]}}   // optional
 * }</pre>
 * A missing, mistyped, out-of-range or unknown field is refused by {@link #read}, naming it.
 */
public final class PlaygroundConfigJson {

    /** The lab's key: its route, and the lab experiments and assignments name. */
    public static final String LAB = "playground";
    public static final int VERSION = 1;

    // the fields, which are also the configuration paths an assignment locks
    public static final String DATASET = "dataset";
    public static final String POINTS = "points";
    public static final String NOISE = "noise";
    public static final String TRAIN_FRACTION = "trainFraction";
    public static final String BATCH_SIZE = "batchSize";
    public static final String SEED = "seed";
    public static final String FEATURES = "features";
    public static final String HIDDEN = "hidden";
    public static final String ACTIVATIONS = "activations";
    public static final String OUTPUT_LOSS = "outputLoss";
    public static final String INITIALIZER = "initializer";
    public static final String OPTIMIZER = "optimizer";
    public static final String LEARNING_RATE = "learningRate";
    public static final String REGULARIZATION_RATE = "regularizationRate";
    public static final String REGULARIZATION = "regularization";
    public static final String CUSTOM_DATA = "customData";

    static final Set<String> FIELDS = Set.of(DATASET, POINTS, NOISE, TRAIN_FRACTION, BATCH_SIZE, SEED, FEATURES,
            HIDDEN, ACTIVATIONS, OUTPUT_LOSS, INITIALIZER, OPTIMIZER, LEARNING_RATE, REGULARIZATION,
            REGULARIZATION_RATE);

    /** This codec as the frame and the experiment features see it: a configuration with its own points, if any. */
    public static final LabConfigCodec<Saved> CODEC = LabConfigCodec.of(LAB, VERSION,
            s -> write(s.config(), s.customData()), PlaygroundConfigJson::read, Set.of(DATASET, POINTS, NOISE,
                    TRAIN_FRACTION, BATCH_SIZE, SEED, FEATURES, HIDDEN, ACTIVATIONS, OUTPUT_LOSS, INITIALIZER,
                    OPTIMIZER, LEARNING_RATE, REGULARIZATION, REGULARIZATION_RATE, CUSTOM_DATA));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A config read back, with the student's own points when the run used them (else null). */
    public record Saved(PlaygroundConfig config, Dataset2D customData) {
    }

    private PlaygroundConfigJson() {
    }

    public static String write(PlaygroundConfig c, Dataset2D customData) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put(DATASET, c.dataset().key());
        root.put(POINTS, c.points());
        root.put(NOISE, c.noise());
        root.put(TRAIN_FRACTION, c.trainFraction());
        root.put(BATCH_SIZE, c.batchSize());
        root.put(SEED, c.seed());
        ArrayNode features = root.putArray(FEATURES);
        c.features().forEach(f -> features.add(f.key()));
        ArrayNode hidden = root.putArray(HIDDEN);
        c.hidden().forEach(hidden::add);
        ArrayNode acts = root.putArray(ACTIVATIONS);
        c.activations().forEach(a -> acts.add(a.key()));
        root.put(OUTPUT_LOSS, c.outputLoss().key());
        root.put(INITIALIZER, c.initializer().key());
        root.put(OPTIMIZER, c.optimizer().key());
        root.put(LEARNING_RATE, c.learningRate());
        root.put(REGULARIZATION, c.regularization().key());
        root.put(REGULARIZATION_RATE, c.regularizationRate());
        if (customData != null) {
            ObjectNode data = root.putObject(CUSTOM_DATA);
            data.put("classes", customData.classes());
            writePoints(data.putArray("train"), customData.train());
            writePoints(data.putArray("test"), customData.test());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("playground config could not be written as JSON", e);
        }
    }

    /**
     * Reads a saved config strictly: every field of the schema above, each of its type and within the playground's
     * ranges ({@link PlaygroundConfig}'s constants, the same the form uses), no other field, and the student's own
     * points finite, with labels that are classes of the data (or any finite value for regression) and at most
     * {@link Dataset2D#MAX_SIZE} of them. Any problem is an
     * {@link io.tinynets.experiment.ExperimentValidationException} naming the field, in the user's language; nothing
     * is built before the whole config has been checked.
     */
    public static Saved read(String json, int version) {
        ConfigJsonFields root = ConfigJsonFields.root(json, version, VERSION, FIELDS, Set.of(CUSTOM_DATA));
        DatasetKind dataset = root.key(DATASET, DatasetKind::fromKey);
        int points = root.intIn(POINTS, PlaygroundConfig.MIN_POINTS, PlaygroundConfig.MAX_POINTS);
        double noise = root.numberIn(NOISE, 0, PlaygroundConfig.MAX_NOISE);
        double trainFraction = root.numberIn(TRAIN_FRACTION, PlaygroundConfig.MIN_TRAIN_FRACTION,
                PlaygroundConfig.MAX_TRAIN_FRACTION);
        int batchSize = root.intIn(BATCH_SIZE, PlaygroundConfig.MIN_BATCH, PlaygroundConfig.MAX_BATCH);
        long seed = root.longIn(SEED, PlaygroundConfig.MIN_SEED, PlaygroundConfig.MAX_SEED);
        List<Feature> features = root.keys(FEATURES, 1, Feature.values().length, Feature::fromKey);
        int[] hidden = root.ints(HIDDEN, 0, PlaygroundConfig.MAX_LAYERS, 1, PlaygroundConfig.MAX_NEURONS);
        List<JsonNode> activationNodes = root.list(ACTIVATIONS, hidden.length, hidden.length);
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < activationNodes.size(); i++) {
            activations.add(ConfigJsonFields.key(activationNodes.get(i), "activations[" + i + "]", Activation::fromKey));
        }
        OutputLoss outputLoss = root.key(OUTPUT_LOSS, k -> Arrays.stream(OutputLoss.values())
                .filter(o -> o.key().equals(k)).findFirst());
        Initializer initializer = root.key(INITIALIZER, Initializer::fromKey);
        OptimizerKind optimizer = root.key(OPTIMIZER, OptimizerKind::fromKey);
        double learningRate = root.numberIn(LEARNING_RATE, PlaygroundConfig.MIN_LEARNING_RATE,
                PlaygroundConfig.MAX_LEARNING_RATE);
        RegularizationKind regularization = root.key(REGULARIZATION, RegularizationKind::fromKey);
        double regularizationRate = root.numberIn(REGULARIZATION_RATE, 0, PlaygroundConfig.MAX_REGULARIZATION_RATE);
        Dataset2D data = root.has(CUSTOM_DATA) ? customData(root) : null;
        int classes = data == null ? dataset.classes() : data.classes();
        if (!outputLoss.supports(classes)) {
            throw ConfigJsonFields.problem("experiments.config.outputLoss", outputLoss.key(), classes);
        }
        PlaygroundConfig config = new PlaygroundConfig(dataset, points, noise, trainFraction, batchSize, seed,
                features, Arrays.stream(hidden).boxed().toList(), activations, outputLoss, initializer, optimizer,
                learningRate, regularization, regularizationRate);
        return new Saved(config, data);
    }

    /** The fields {@link #write} always writes (CUSTOM_DATA only with the student's own points). */

    private static Dataset2D customData(ConfigJsonFields root) {
        ConfigJsonFields custom = root.object(CUSTOM_DATA, Set.of("classes", "train", "test"), Set.of());
        int classes = custom.intIn("classes", 0, CsvDatasetReader.MAX_CLASSES);
        if (classes == 1) {
            throw ConfigJsonFields.problem("experiments.config.classes", custom.path("classes"),
                    CsvDatasetReader.MAX_CLASSES);
        }
        List<JsonNode> train = custom.list("train", 1, Dataset2D.MAX_SIZE);
        List<JsonNode> test = custom.list("test", 0, Dataset2D.MAX_SIZE - train.size());
        return new Dataset2D(points(train, custom.path("train"), classes), points(test, custom.path("test"), classes),
                classes);
    }

    private static List<Point2D> points(List<JsonNode> nodes, String path, int classes) {
        List<Point2D> points = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode p = nodes.get(i);
            String at = path + "[" + i + "]";
            if (!p.isArray() || p.size() != 3) {
                throw ConfigJsonFields.problem("experiments.config.point", at);
            }
            for (JsonNode v : p) {
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    throw ConfigJsonFields.problem("experiments.config.point", at);
                }
            }
            double label = p.get(2).doubleValue();
            if (classes > 0 && (label != Math.rint(label) || label < 0 || label >= classes)) {
                throw ConfigJsonFields.problem("experiments.config.label", at, ConfigJsonFields.echo(p.get(2)),
                        classes - 1);
            }
            points.add(new Point2D(p.get(0).doubleValue(), p.get(1).doubleValue(), label));
        }
        return points;
    }

    private static void writePoints(ArrayNode out, List<Point2D> points) {
        for (Point2D p : points) {
            out.addArray().add(p.x1()).add(p.x2()).add(p.label());
        }
    }
}
