package io.tinynets.lab.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.data.Point2D;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.tinynets.lab.ConfigJsonFields.integer;
import static io.tinynets.lab.ConfigJsonFields.number;
import static io.tinynets.lab.ConfigJsonFields.array;
import static io.tinynets.lab.ConfigJsonFields.key;

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
 * A missing, mistyped or out-of-range field is an {@link IllegalArgumentException} naming it.
 */
public final class PlaygroundConfigJson {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A config read back, with the student's own points when the run used them (else null). */
    public record Saved(PlaygroundConfig config, Dataset2D customData) {
    }

    private PlaygroundConfigJson() {
    }

    public static String write(PlaygroundConfig c, Dataset2D customData) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("dataset", c.dataset().key());
        root.put("points", c.points());
        root.put("noise", c.noise());
        root.put("trainFraction", c.trainFraction());
        root.put("batchSize", c.batchSize());
        root.put("seed", c.seed());
        ArrayNode features = root.putArray("features");
        c.features().forEach(f -> features.add(f.key()));
        ArrayNode hidden = root.putArray("hidden");
        c.hidden().forEach(hidden::add);
        ArrayNode acts = root.putArray("activations");
        c.activations().forEach(a -> acts.add(a.key()));
        root.put("outputLoss", c.outputLoss().key());
        root.put("initializer", c.initializer().key());
        root.put("optimizer", c.optimizer().key());
        root.put("learningRate", c.learningRate());
        root.put("regularization", c.regularization().key());
        root.put("regularizationRate", c.regularizationRate());
        if (customData != null) {
            ObjectNode data = root.putObject("customData");
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

    public static Saved read(String json, int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("playground config version must be " + VERSION + ", was " + version);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("playground config is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("playground config must be a JSON object");
        }
        if (integer(root, "version") != VERSION) {
            throw new IllegalArgumentException("playground config version must be " + VERSION);
        }
        List<Feature> features = new ArrayList<>();
        for (JsonNode f : array(root, "features")) {
            features.add(key(f, "features", Feature::fromKey));
        }
        List<Integer> hidden = new ArrayList<>();
        for (JsonNode h : array(root, "hidden")) {
            if (!h.canConvertToInt() || !h.isIntegralNumber()) {
                throw new IllegalArgumentException("hidden must hold whole numbers of neurons, had " + h);
            }
            hidden.add(h.asInt());
        }
        List<Activation> activations = new ArrayList<>();
        for (JsonNode a : array(root, "activations")) {
            activations.add(key(a, "activations", Activation::fromKey));
        }
        PlaygroundConfig config = new PlaygroundConfig(
                key(root.get("dataset"), "dataset", DatasetKind::fromKey),
                integer(root, "points"), number(root, "noise"), number(root, "trainFraction"),
                integer(root, "batchSize"), integer(root, "seed"), features, hidden, activations,
                key(root.get("outputLoss"), "outputLoss", k -> Arrays.stream(OutputLoss.values())
                        .filter(o -> o.key().equals(k)).findFirst()),
                key(root.get("initializer"), "initializer", Initializer::fromKey),
                key(root.get("optimizer"), "optimizer", OptimizerKind::fromKey),
                number(root, "learningRate"),
                key(root.get("regularization"), "regularization", RegularizationKind::fromKey),
                number(root, "regularizationRate"));
        Dataset2D data = null;
        JsonNode custom = root.get("customData");
        if (custom != null && !custom.isNull()) {
            int classes = integer(custom, "classes");
            try {
                data = new Dataset2D(points(custom, "train"), points(custom, "test"), classes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("customData: " + e.getMessage());
            }
        }
        return new Saved(config, data);
    }

    private static void writePoints(ArrayNode out, List<Point2D> points) {
        for (Point2D p : points) {
            out.addArray().add(p.x1()).add(p.x2()).add(p.label());
        }
    }

    private static List<Point2D> points(JsonNode parent, String field) {
        List<Point2D> points = new ArrayList<>();
        for (JsonNode p : array(parent, field)) {
            if (!p.isArray() || p.size() != 3 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || !p.get(2).isNumber()) {
                throw new IllegalArgumentException("customData." + field + " must hold [x1, x2, label] numbers");
            }
            points.add(new Point2D(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble()));
        }
        return points;
    }
}
