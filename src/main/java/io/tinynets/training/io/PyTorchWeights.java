package io.tinynets.training.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.Param;
import io.tinynets.engine.model.SequenceModel;
import io.tinynets.engine.recurrent.RecurrentCell;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Weights as JSON keyed by PyTorch's state_dict names, so a teacher can load them into {@code nn.RNN/LSTM/GRU}
 * (e.g. {@code {k: torch.tensor(v) for k, v in json.load(f).items()}}) and compare:
 * <pre>
 *   { "rnn.weight_ih_l0": [[…], …],   (blocks·H × I)
 *     "rnn.weight_hh_l0": [[…], …],   (blocks·H × H)
 *     "rnn.bias_ih_l0":   […],        (blocks·H)
 *     "rnn.bias_hh_l0":   […] }
 * </pre>
 * Numbers are written with Java's shortest round-tripping form, so export → import restores every bit.
 */
public final class PyTorchWeights {

    /** The prefix a module called {@code rnn} gets in a PyTorch state_dict. */
    public static final String DEFAULT_PREFIX = "rnn";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] SUFFIX = {"weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"};

    private PyTorchWeights() {
    }

    /** The state_dict key of a cell parameter, e.g. {@code rnn.weight_ih_l0}. */
    public static String key(String prefix, int paramIndex) {
        return (prefix == null || prefix.isEmpty() ? "" : prefix + ".") + SUFFIX[paramIndex];
    }

    /** Adds the cell's four entries to {@code into}. */
    public static void write(RecurrentCell cell, String prefix, ObjectNode into) {
        var params = cell.params();
        for (int p = 0; p < 4; p++) {
            DMatrixRMaj v = params.get(p).value();
            into.set(key(prefix, p), p < 2 ? matrixNode(v) : vectorNode(v));
        }
    }

    /** The cell's weights as a JSON object text. */
    public static String toJson(RecurrentCell cell, String prefix) {
        ObjectNode root = MAPPER.createObjectNode();
        write(cell, prefix, root);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the four entries into the cell, checking every name and shape first so a bad file leaves the cell as it
     * was. Keys without the prefix are accepted too (a bare {@code nn.LSTM}'s state_dict).
     */
    public static void fromJson(RecurrentCell cell, String prefix, String json) {
        read(cell, prefix, parse(json));
    }

    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("weights JSON is empty");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("weights JSON is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** See {@link #fromJson}. */
    public static void read(RecurrentCell cell, String prefix, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("weights JSON must be an object of state_dict entries");
        }
        var params = cell.params();
        Map<Param, double[]> staged = new LinkedHashMap<>();
        for (int p = 0; p < 4; p++) {
            String k = key(prefix, p);
            JsonNode node = root.get(k);
            if (node == null) {
                node = root.get(SUFFIX[p]);
            }
            if (node == null) {
                throw new IllegalArgumentException("weights JSON lacks \"" + k + "\"");
            }
            DMatrixRMaj v = params.get(p).value();
            staged.put(params.get(p), p < 2 ? readMatrix(node, k, v.numRows, v.numCols)
                    : readVector(node, k, v.getNumElements()));
        }
        staged.forEach((param, values) -> System.arraycopy(values, 0, param.value().data, 0, values.length));
    }

    /**
     * A sequence model's weights with PyTorch state_dict names of a module holding {@code rnn} and {@code fc}:
     * {@code rnn.weight_ih_l0} … {@code rnn.bias_hh_l0}, {@code fc.weight}, {@code fc.bias}. Round-trips exactly.
     */
    public static String toJson(SequenceModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        write(model.cell(), DEFAULT_PREFIX, root);
        root.set("fc.weight", matrixNode(model.output().weight().value()));
        root.set("fc.bias", vectorNode(model.output().bias().value()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads weights written by {@link #toJson(SequenceModel)} (or by PyTorch) into the model; every name and shape is
     * checked before anything changes.
     */
    public static void load(SequenceModel model, String json) {
        JsonNode root = parse(json);
        DMatrixRMaj w = model.output().weight().value();
        JsonNode fw = root.get("fc.weight");
        JsonNode fb = root.get("fc.bias");
        if (fw == null || fb == null) {
            throw new IllegalArgumentException("weights JSON lacks \"" + (fw == null ? "fc.weight" : "fc.bias") + "\"");
        }
        double[] weight = readMatrix(fw, "fc.weight", w.numRows, w.numCols);
        double[] bias = readVector(fb, "fc.bias", model.output().bias().size());
        read(model.cell(), DEFAULT_PREFIX, root);
        System.arraycopy(weight, 0, w.data, 0, weight.length);
        System.arraycopy(bias, 0, model.output().bias().value().data, 0, bias.length);
    }

    /** A rows × cols matrix as nested arrays, row-major (PyTorch's [out][in]). */
    public static ArrayNode matrixNode(DMatrixRMaj m) {
        ArrayNode rows = MAPPER.createArrayNode();
        for (int r = 0; r < m.numRows; r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < m.numCols; c++) {
                row.add(m.get(r, c));
            }
        }
        return rows;
    }

    /** All elements of {@code m} as one flat array (a PyTorch 1-d bias). */
    public static ArrayNode vectorNode(DMatrixRMaj m) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int i = 0, n = m.getNumElements(); i < n; i++) {
            a.add(m.data[i]);
        }
        return a;
    }

    /** Reads a rows × cols nested array, naming {@code key} and the expected shape in any error. */
    public static double[] readMatrix(JsonNode node, String key, int rows, int cols) {
        if (!node.isArray() || node.size() != rows) {
            throw new IllegalArgumentException("\"" + key + "\" must be " + rows + " rows of " + cols + " numbers");
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            JsonNode row = node.get(r);
            if (!row.isArray() || row.size() != cols) {
                throw new IllegalArgumentException("\"" + key + "\" row " + r + " must have " + cols + " numbers");
            }
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = number(row.get(c), key);
            }
        }
        return out;
    }

    /** Reads a flat array of {@code n} numbers. */
    public static double[] readVector(JsonNode node, String key, int n) {
        if (!node.isArray() || node.size() != n) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array of " + n + " numbers");
        }
        double[] out = new double[n];
        Iterator<JsonNode> it = node.elements();
        for (int i = 0; i < n; i++) {
            out[i] = number(it.next(), key);
        }
        return out;
    }

    private static double number(JsonNode v, String key) {
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" must hold only numbers");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("\"" + key + "\" holds a non-finite number");
        }
        return d;
    }
}
