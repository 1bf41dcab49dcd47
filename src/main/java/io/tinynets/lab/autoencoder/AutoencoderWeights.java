package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.Param;
import io.tinynets.engine.model.Autoencoder;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.io.OptimizerStateJson;

/**
 * An autoencoder's parameters as saved with an experiment, by parameter name ({@code encoder.0.weight},
 * {@code decoder.1.bias}…; a tied decoder has no weights of its own), each a row-major matrix:
 * {@code {"version":1,"params":{"encoder.0.weight":{"rows":16,"cols":64,"data":[…]},…}}}. Exact: doubles are
 * written in full. Beside them, {@code "optimizer"} ({@link OptimizerStateJson}) and {@code "epochs"}
 * ({@link ResumePoint}) let "continue training" resume exactly; weights saved without them still load (the optimizer
 * then starts fresh, on the replay's batches).
 */
public final class AutoencoderWeights {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Message of saved weights that are not JSON at all. */
    private static final String NOT_JSON = "saved weights are not valid JSON";

    private AutoencoderWeights() {
    }

    public static String write(Autoencoder model) {
        return write(model, null, 0);
    }

    /** The weights with the optimizer's state ({@code null}: not written) and the epochs trained. */
    public static String write(Autoencoder model, OptimizerStateJson.Saved optimizer, long epochs) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ObjectNode params = root.putObject("params");
        for (Param p : model.params()) {
            ObjectNode node = params.putObject(p.name());
            node.put("rows", p.value().numRows);
            node.put("cols", p.value().numCols);
            ArrayNode data = node.putArray("data");
            for (int i = 0; i < p.size(); i++) {
                data.add(p.value().data[i]);
            }
        }
        if (optimizer != null) {
            root.set("optimizer", OptimizerStateJson.toNode(optimizer));
            ResumePoint.put(root, epochs);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Saved weights read into a tree in pieces (a continued run's preparation); {@link #load(JsonNode, Autoencoder)}
     * and {@link #resume(JsonNode, Optimizer, Autoencoder)} then apply it. Reading the largest network's weights at
     * once takes about 15 ms.
     */
    static JsonTreeInPieces reading(String json) {
        return new JsonTreeInPieces(MAPPER, json, NOT_JSON);
    }

    /** Saved weights read into a tree at once (null for null). */
    static JsonNode read(String json) {
        JsonTreeInPieces reading = reading(json);
        while (!reading.step()) {
            // every piece at once
        }
        return reading.result();
    }

    /**
     * Resumes the saved optimizer state into {@code optimizer} for {@code model}'s params when one was saved and is
     * of the optimizer's kind (otherwise the optimizer stays fresh).
     *
     * @return the epochs the saved run had trained (0 when not saved)
     * @throws IllegalArgumentException if the saved state or epochs are malformed or do not fit the model
     */
    public static long resume(String json, Optimizer optimizer, Autoencoder model) {
        return resume(read(json), optimizer, model);
    }

    /** {@link #resume(String, Optimizer, Autoencoder)} of saved weights already read ({@link #read}). */
    static long resume(JsonNode root, Optimizer optimizer, Autoencoder model) {
        JsonNode state = root == null ? null : root.get("optimizer");
        if (state != null && !state.isNull()) {
            OptimizerStateJson.fromNode(state).importInto(optimizer, model.params());
        }
        return ResumePoint.epochs(root);
    }

    /** Copies saved weights into {@code model}; every shape is checked before anything changes. */
    public static void load(String json, Autoencoder model) {
        load(read(json), model);
    }

    /** {@link #load(String, Autoencoder)} of saved weights already read ({@link #read}). */
    static void load(JsonNode root, Autoencoder model) {
        if (root == null || root.path("version").asInt(-1) != VERSION || !root.path("params").isObject()) {
            throw new IllegalArgumentException("saved weights must be an object with version " + VERSION
                    + " and params");
        }
        JsonNode params = root.get("params");
        if (params.size() != model.params().size()) {
            throw new IllegalArgumentException("saved weights hold " + params.size() + " parameters, this network "
                    + model.params().size());
        }
        double[][] values = new double[model.params().size()][];
        for (int k = 0; k < values.length; k++) {
            Param p = model.params().get(k);
            JsonNode node = params.get(p.name());
            if (node == null) {
                throw new IllegalArgumentException("saved weights lack " + p.name());
            }
            JsonNode data = node.path("data");
            if (node.path("rows").asInt(-1) != p.value().numRows || node.path("cols").asInt(-1) != p.value().numCols
                    || !data.isArray() || data.size() != p.size()) {
                throw new IllegalArgumentException(p.name() + " must be " + p.value().numRows + "x"
                        + p.value().numCols + ", was " + node.path("rows") + "x" + node.path("cols"));
            }
            values[k] = new double[p.size()];
            for (int i = 0; i < p.size(); i++) {
                if (!data.get(i).isNumber() || !Double.isFinite(data.get(i).doubleValue())) {
                    throw new IllegalArgumentException(p.name() + " holds a value that is not a finite number");
                }
                values[k][i] = data.get(i).doubleValue();
            }
        }
        for (int k = 0; k < values.length; k++) {
            System.arraycopy(values[k], 0, model.params().get(k).value().data, 0, values[k].length);
        }
    }
}
