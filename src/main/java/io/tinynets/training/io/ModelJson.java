package io.tinynets.training.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.model.Mlp;
import io.tinynets.engine.model.MlpSpec;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.OptimizerState;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An {@link Mlp} (architecture + weights) and optionally its {@link Optimizer} (kind, hyperparameters, state) as JSON,
 * and back, exactly: every double is written with {@link Double#toString(double)}, whose digits parse back to the
 * same bits; NaN and ±Infinity (a diverged model) are written as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}.
 *
 * <h2>Form (version 1)</h2>
 * <pre>{@code
 * {
 *   "format": "tinynets.mlp",
 *   "version": 1,
 *   "spec": {
 *     "inputs": 2,
 *     "hidden": [8, 8],                        // widths of the hidden layers, may be []
 *     "hiddenActivations": ["tanh", "relu"],   // Activation keys, one per hidden layer
 *     "outputs": 1,
 *     "outputActivation": "tanh",
 *     "initializer": "xavier"                  // Initializer key
 *   },
 *   "params": {                                // every Param by name, row-major values
 *     "layer0.weight": {"rows": 8, "cols": 2, "values": [0.12, -0.5, ...]},
 *     "layer0.bias":   {"rows": 1, "cols": 8, "values": [...]},
 *     ...
 *   },
 *   "optimizer": {                             // absent when saved without an optimizer
 *     "kind": "adam", "learningRate": 0.01, "momentum": 0.9, "beta1": 0.9, "beta2": 0.999,
 *     "rho": 0.9, "epsilon": 1e-8,
 *     "steps": 120,                            // steps taken (Adam's t)
 *     "state": {"layer0.weight": {"m": [...], "v": [...]}, ...}   // per param, named buffers, row-major
 *   }
 * }
 * }</pre>
 * Layers are named {@code layer0 … layerN} (N = number of hidden layers; the last is the output layer); weights are
 * out × in like PyTorch's {@code nn.Linear}. Unknown fields are ignored; missing or malformed ones are an
 * {@link IllegalArgumentException} naming the field.
 */
public final class ModelJson {

    public static final String FORMAT = "tinynets.mlp";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelJson() {
    }

    /** A model read back, with its optimizer if one was saved (else null). */
    public record Loaded(Mlp mlp, Optimizer optimizer) {
    }

    public static String write(Mlp mlp) {
        return write(mlp, null);
    }

    public static String write(Mlp mlp, Optimizer optimizer) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        MlpSpec spec = mlp.spec();
        ObjectNode s = root.putObject("spec");
        s.put("inputs", spec.inputs());
        ArrayNode hidden = s.putArray("hidden");
        spec.hidden().forEach(hidden::add);
        ArrayNode acts = s.putArray("hiddenActivations");
        spec.hiddenActivations().forEach(a -> acts.add(a.key()));
        s.put("outputs", spec.outputs());
        s.put("outputActivation", spec.outputActivation().key());
        s.put("initializer", spec.initializer().key());
        ObjectNode params = root.putObject("params");
        for (Param p : mlp.params()) {
            ObjectNode node = params.putObject(p.name());
            node.put("rows", p.value().numRows);
            node.put("cols", p.value().numCols);
            writeDoubles(node.putArray("values"), p.value().data, p.size());
        }
        if (optimizer != null) {
            OptimizerConfig c = optimizer.config();
            ObjectNode o = root.putObject("optimizer");
            o.put("kind", c.kind().key());
            putDouble(o, "learningRate", c.learningRate());
            putDouble(o, "momentum", c.momentum());
            putDouble(o, "beta1", c.beta1());
            putDouble(o, "beta2", c.beta2());
            putDouble(o, "rho", c.rho());
            putDouble(o, "epsilon", c.epsilon());
            OptimizerState state = optimizer.exportState();
            o.put("steps", state.steps());
            ObjectNode st = o.putObject("state");
            for (Param p : mlp.params()) { // model order, so the text is stable
                Map<String, double[]> buffers = state.buffers().get(p.name());
                if (buffers == null) {
                    continue;
                }
                ObjectNode pn = st.putObject(p.name());
                buffers.forEach((name, values) -> writeDoubles(pn.putArray(name), values, values.length));
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model could not be written as JSON", e);
        }
    }

    public static Loaded read(String json) {
        JsonNode root = parse(json);
        // the initializer's draws are overwritten below; a fixed seed keeps reading deterministic
        Mlp mlp = new Mlp(readSpec(required(root, "spec")), new SplittableRandom(0));
        readParams(required(root, "params"), mlp);
        JsonNode o = root.get("optimizer");
        Optimizer optimizer = o != null && !o.isNull() ? readOptimizer(o, mlp) : null;
        return new Loaded(mlp, optimizer);
    }

    /** The root object, after checking it is this format and version. */
    private static JsonNode parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model JSON is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("model JSON must be an object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("model JSON format must be '" + FORMAT + "'");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("model JSON version must be " + VERSION + ", was "
                    + root.path("version"));
        }
        return root;
    }

    private static MlpSpec readSpec(JsonNode s) {
        List<Integer> hidden = new ArrayList<>();
        for (JsonNode h : required(s, "hidden")) {
            hidden.add(h.asInt());
        }
        List<Activation> acts = new ArrayList<>();
        for (JsonNode a : required(s, "hiddenActivations")) {
            acts.add(activation(a.asText()));
        }
        return new MlpSpec(required(s, "inputs").asInt(), hidden, acts, required(s, "outputs").asInt(),
                activation(required(s, "outputActivation").asText()),
                Initializer.fromKey(required(s, "initializer").asText()).orElseThrow(() ->
                        new IllegalArgumentException("unknown initializer '" + s.path("initializer").asText()
                                + "'")));
    }

    /** Copies every param's values into the model, each checked against the model's shape first. */
    private static void readParams(JsonNode params, Mlp mlp) {
        for (Param p : mlp.params()) {
            JsonNode node = required(params, p.name());
            if (node.path("rows").asInt() != p.value().numRows || node.path("cols").asInt() != p.value().numCols) {
                throw new IllegalArgumentException("param " + p.name() + " must be " + p.value().numRows + "x"
                        + p.value().numCols);
            }
            double[] values = readDoubles(required(node, "values"), "params." + p.name());
            if (values.length != p.size()) {
                throw new IllegalArgumentException("param " + p.name() + " needs " + p.size() + " values, has "
                        + values.length);
            }
            System.arraycopy(values, 0, p.value().data, 0, values.length);
        }
    }

    private static Optimizer readOptimizer(JsonNode o, Mlp mlp) {
        OptimizerKind kind = OptimizerKind.fromKey(required(o, "kind").asText()).orElseThrow(() ->
                new IllegalArgumentException("unknown optimizer kind '" + o.path("kind").asText() + "'"));
        OptimizerConfig config = new OptimizerConfig(kind, readDouble(required(o, "learningRate"), "learningRate"),
                readDouble(required(o, "momentum"), "momentum"), readDouble(required(o, "beta1"), "beta1"),
                readDouble(required(o, "beta2"), "beta2"), readDouble(required(o, "rho"), "rho"),
                readDouble(required(o, "epsilon"), "epsilon"));
        Optimizer optimizer = config.create();
        Map<String, Map<String, double[]>> buffers = new LinkedHashMap<>();
        JsonNode st = required(o, "state");
        for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, double[]> perParam = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> b = e.getValue().fields(); b.hasNext(); ) {
                Map.Entry<String, JsonNode> buf = b.next();
                perParam.put(buf.getKey(), readDoubles(buf.getValue(), "optimizer.state." + e.getKey()));
            }
            buffers.put(e.getKey(), perParam);
        }
        optimizer.importState(new OptimizerState(required(o, "steps").asLong(), buffers), mlp.params());
        return optimizer;
    }

    private static Activation activation(String key) {
        return Activation.fromKey(key).orElseThrow(() -> new IllegalArgumentException("unknown activation '" + key
                + "'"));
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("model JSON is missing '" + field + "'");
        }
        return n;
    }

    private static void putDouble(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.put(field, Double.toString(v));
        }
    }

    private static void writeDoubles(ArrayNode array, double[] values, int n) {
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.add(Double.toString(v)); // "NaN", "Infinity", "-Infinity"
            }
        }
    }

    private static double readDouble(JsonNode n, String where) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(where + " must be a number, was " + n);
    }

    private static double[] readDoubles(JsonNode array, String where) {
        if (!array.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of numbers");
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = readDouble(array.get(i), where + "[" + i + "]");
        }
        return out;
    }
}
