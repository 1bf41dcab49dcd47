package io.tinynets.lab.sequence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.sequence.SequenceTask;
import io.tinynets.engine.Param;
import io.tinynets.engine.model.SequenceModel;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.io.OptimizerStateJson;
import io.tinynets.training.io.PyTorchWeights;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The weights of a sequence-lab run as saved with an experiment: one object per trained cell, keyed by the cell's key,
 * each exactly {@link SequenceModel#toJson()} (PyTorch state_dict names), so a saved LSTM loads into PyTorch as is:
 * {@code {"version":1,"models":{"rnn":{…},"lstm":{…},"gru":{…}}}}. Beside them, {@code "optimizers"} holds each cell's
 * optimizer state by the same key ({@link OptimizerStateJson}) and {@code "epochs"} the epochs trained
 * ({@link ResumePoint}), so "continue training" resumes exactly; weights saved without them still load (the
 * optimizers then start fresh, on the replay's data stream). A large race whose state would not fit
 * {@link ResumePoint#MAX_SAVED_CHARS} is saved without them.
 *
 * <p>The trainer hands the view flat copies of the parameters ({@link CellInternals#parameters()}); the JSON is built
 * from those copies on the UI thread, in a throw-away model of the same shape, so the live trainer is never touched.
 */
public final class SequenceWeights {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SequenceWeights() {
    }

    /** Every parameter value of {@code model}, in {@code params()} order. */
    static double[] flatten(SequenceModel model) {
        double[] out = new double[model.parameterCount()];
        int at = 0;
        for (Param p : model.params()) {
            double[] v = p.value().data;
            System.arraycopy(v, 0, out, at, p.size());
            at += p.size();
        }
        return out;
    }

    /** The saved-weights JSON of the run whose internals these are, for a run built from {@code config}. */
    public static String write(SequenceConfig config, SequenceInternals internals) {
        return write(config, internals, ResumePoint.MAX_SAVED_CHARS);
    }

    /** As {@link #write(SequenceConfig, SequenceInternals)}; the weights alone when the whole exceeds maxChars. */
    static String write(SequenceConfig config, SequenceInternals internals, int maxChars) {
        String full = write(config, internals, true);
        return ResumePoint.fits(full, maxChars) ? full : write(config, internals, false);
    }

    private static String write(SequenceConfig config, SequenceInternals internals, boolean withState) {
        SequenceTask task = config.createTask(new SplittableRandom(0)); // only its shapes are used
        ObjectNode models = MAPPER.createObjectNode();
        ObjectNode optimizers = MAPPER.createObjectNode();
        for (CellInternals c : internals.cells()) {
            SequenceModel model = new SequenceModel(c.kind(), task.inputSize(), config.hidden(), task.outputSize(),
                    task.manyToMany(), task.classification(), new SplittableRandom(0));
            if (c.parameters().length != model.parameterCount()) {
                throw new IllegalArgumentException("parameters of " + c.kind().key() + " must number "
                        + model.parameterCount() + ", were " + c.parameters().length);
            }
            int at = 0;
            for (Param p : model.params()) {
                System.arraycopy(c.parameters(), at, p.value().data, 0, p.size());
                at += p.size();
            }
            models.set(c.kind().key(), parse(PyTorchWeights.toJson(model)));
            if (withState && c.optimizer() != null) {
                optimizers.set(c.kind().key(), OptimizerStateJson.toNode(c.optimizer()));
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.set("models", models);
        if (!optimizers.isEmpty()) {
            root.set("optimizers", optimizers);
        }
        if (withState) {
            ResumePoint.put(root, internals.epochsTrained());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads saved weights into freshly built models (one per cell of the config) and, where saved, each cell's
     * optimizer state into its optimizer ({@code optimizers} in the order of {@code models}; a state of another
     * optimizer kind is skipped, leaving that optimizer fresh); refuses, naming what is wrong, JSON that lacks a
     * model or whose shapes differ.
     *
     * @return the epochs the saved run had trained (0 when not saved)
     */
    static long load(String json, List<SequenceModel> models, List<Optimizer> optimizers) {
        JsonNode root = parse(json);
        if (!root.isObject() || root.path("version").asInt(-1) != VERSION || !root.path("models").isObject()) {
            throw new IllegalArgumentException("saved weights must be an object with version " + VERSION
                    + " and models");
        }
        for (SequenceModel model : models) {
            String key = model.cell().kind().key();
            JsonNode m = root.get("models").get(key);
            if (m == null || !m.isObject()) {
                throw new IllegalArgumentException("saved weights lack the " + key + " model");
            }
            PyTorchWeights.load(model, m.toString());
        }
        JsonNode saved = root.get("optimizers");
        if (saved != null && !saved.isNull()) {
            if (!saved.isObject()) {
                throw new IllegalArgumentException("saved optimizers must be an object keyed by cell");
            }
            for (int i = 0; i < models.size(); i++) {
                SequenceModel model = models.get(i);
                JsonNode state = saved.get(model.cell().kind().key());
                if (state != null && !state.isNull()) {
                    OptimizerStateJson.fromNode(state).importInto(optimizers.get(i), model.params());
                }
            }
        }
        return ResumePoint.epochs(root);
    }

    private static JsonNode parse(String json) {
        try {
            if (json == null) {
                throw new IllegalArgumentException("saved weights are missing");
            }
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("saved weights are not valid JSON");
        }
    }
}
