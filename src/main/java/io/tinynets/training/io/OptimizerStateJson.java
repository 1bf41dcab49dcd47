package io.tinynets.training.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.Param;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.OptimizerState;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link OptimizerState} with the kind of optimizer that made it, as JSON and back, exactly (doubles as
 * {@link ModelJson} writes them: digits that parse back to the same bits, non-finite values as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}). Labs embed it in their saved weights so "continue
 * training" resumes momentum velocities, RMSProp/AdaGrad accumulators and Adam's moments and step count.
 *
 * <h2>Form</h2>
 * <pre>{@code
 * {
 *   "kind": "adam",                       // OptimizerKind key
 *   "steps": 120,                         // steps taken (Adam's t), >= 0
 *   "state": {                            // per parameter name (sorted), its named buffers, row-major
 *     "layer0.bias":   {"m": [...], "v": [...]},
 *     "layer0.weight": {"m": [...], "v": [...]}
 *   }
 * }
 * }</pre>
 * Plain SGD has no buffers: its state is {@code {}}. Unknown fields are ignored; missing or malformed ones are an
 * {@link IllegalArgumentException} naming the field.
 */
public final class OptimizerStateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OptimizerStateJson() {
    }

    /** A state read back, with the kind of optimizer it belongs to. */
    public record Saved(OptimizerKind kind, OptimizerState state) {

        public Saved {
            if (kind == null || state == null) {
                throw new IllegalArgumentException("saved optimizer state needs a kind and a state");
            }
        }

        /** The state of {@code optimizer} now, a deep copy (safe to keep while the optimizer goes on training). */
        public static Saved of(Optimizer optimizer) {
            return new Saved(optimizer.config().kind(), optimizer.exportState());
        }

        /**
         * Imports this state into {@code optimizer} for {@code params} when the optimizer is of the same kind, and
         * returns true; for another kind nothing changes (the optimizer keeps its fresh state) and returns false.
         *
         * @throws IllegalArgumentException if the kinds match but the state does not fit the params
         */
        public boolean importInto(Optimizer optimizer, List<Param> params) {
            if (optimizer.config().kind() != kind) {
                return false;
            }
            optimizer.importState(state, params);
            return true;
        }
    }

    /** The JSON object of a state, to embed in a larger document. */
    public static ObjectNode toNode(OptimizerKind kind, OptimizerState state) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", kind.key());
        putStepsAndState(o, state);
        return o;
    }

    public static ObjectNode toNode(Saved saved) {
        return toNode(saved.kind(), saved.state());
    }

    public static String write(OptimizerKind kind, OptimizerState state) {
        try {
            return MAPPER.writeValueAsString(toNode(kind, state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("optimizer state could not be written as JSON", e);
        }
    }

    public static Saved read(String json) {
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("optimizer state JSON is not valid JSON: " + e.getOriginalMessage());
        }
        return fromNode(root);
    }

    /** Reads a state from its JSON object (for example the {@code "optimizer"} field of a lab's saved weights). */
    public static Saved fromNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("optimizer state must be a JSON object");
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new IllegalArgumentException("optimizer state is missing 'kind'");
        }
        OptimizerKind kind = OptimizerKind.fromKey(kindNode.asText()).orElseThrow(() ->
                new IllegalArgumentException("optimizer kind must be one of sgd, momentum, nesterov, rmsprop, adam, "
                        + "adagrad; was '" + kindNode.asText() + "'"));
        return new Saved(kind, readStepsAndState(node));
    }

    /** Writes {@code "steps"} and {@code "state"} into {@code o} (shared with {@link ModelJson}'s optimizer block). */
    static void putStepsAndState(ObjectNode o, OptimizerState state) {
        o.put("steps", state.steps());
        ObjectNode st = o.putObject("state");
        // sorted names, so the same state always gives the same text (the record's map has no order)
        for (Map.Entry<String, Map<String, double[]>> e : new TreeMap<>(state.buffers()).entrySet()) {
            ObjectNode perParam = st.putObject(e.getKey());
            for (Map.Entry<String, double[]> b : new TreeMap<>(e.getValue()).entrySet()) {
                writeDoubles(perParam.putArray(b.getKey()), b.getValue());
            }
        }
    }

    /** Reads {@code "steps"} and {@code "state"} from {@code o}. */
    static OptimizerState readStepsAndState(JsonNode o) {
        JsonNode stepsNode = o.get("steps");
        if (stepsNode == null || !stepsNode.canConvertToLong() || !stepsNode.isIntegralNumber()
                || stepsNode.asLong() < 0) {
            throw new IllegalArgumentException("optimizer state 'steps' must be a whole number >= 0, was "
                    + stepsNode);
        }
        JsonNode st = o.get("state");
        if (st == null || !st.isObject()) {
            throw new IllegalArgumentException("optimizer state is missing 'state' (an object of parameters)");
        }
        Map<String, Map<String, double[]>> buffers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw new IllegalArgumentException("optimizer state." + e.getKey()
                        + " must be an object of named buffers");
            }
            Map<String, double[]> perParam = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> b = e.getValue().fields(); b.hasNext(); ) {
                Map.Entry<String, JsonNode> buf = b.next();
                perParam.put(buf.getKey(), readDoubles(buf.getValue(),
                        "optimizer state." + e.getKey() + "." + buf.getKey()));
            }
            buffers.put(e.getKey(), perParam);
        }
        return new OptimizerState(stepsNode.asLong(), buffers);
    }

    private static void writeDoubles(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.add(Double.toString(v)); // "NaN", "Infinity", "-Infinity"
            }
        }
    }

    private static double[] readDoubles(JsonNode array, String where) {
        if (!array.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of numbers");
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = array.get(i);
            if (n.isNumber()) {
                out[i] = n.doubleValue();
            } else if (n.isTextual() && (n.asText().equals("NaN") || n.asText().equals("Infinity")
                    || n.asText().equals("-Infinity"))) {
                out[i] = Double.parseDouble(n.asText());
            } else {
                throw new IllegalArgumentException(where + "[" + i + "] must be a number, was " + n);
            }
        }
        return out;
    }
}
