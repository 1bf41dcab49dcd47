package io.tinynets.lab.depth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.lab.ConfigJsonFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;


/**
 * A {@link DepthConfig} as versioned JSON for saved experiments, read back through the config's own checks:
 * {@code {"version":1, "dataset":"xor", "depth":10, "width":8, "activations":["sigmoid","relu"],
 * "initializer":"xavier", "learningRate":0.1}}. The seed is the experiment's own. A missing, mistyped,
 * out-of-range or unknown field is refused by {@link #read}, naming it.
 */
public final class DepthConfigJson {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DepthConfigJson() {
    }

    public static String write(DepthConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("dataset", c.dataset().key());
        root.put("depth", c.depth());
        root.put("width", c.width());
        ArrayNode acts = root.putArray("activations");
        c.activations().forEach(a -> acts.add(a.key()));
        root.put("initializer", c.initializer().key());
        root.put("learningRate", c.learningRate());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("depth config could not be written as JSON", e);
        }
    }

    /**
     * Reads a saved config strictly: the fields above and no others, a data set and activations the lab offers, depth,
     * width and rate in the form's ranges. Any problem is an
     * {@link io.tinynets.experiment.ExperimentValidationException} naming the field.
     */
    public static DepthConfig read(String json, int version) {
        ConfigJsonFields root = ConfigJsonFields.root(json, version, VERSION, FIELDS, Set.of());
        DatasetKind dataset = root.key("dataset", k -> DatasetKind.fromKey(k).filter(DepthConfig.DATASETS::contains));
        int depth = root.intIn("depth", DepthConfig.MIN_DEPTH, DepthConfig.MAX_DEPTH);
        int width = root.intIn("width", DepthConfig.MIN_WIDTH, DepthConfig.MAX_WIDTH);
        List<JsonNode> acts = root.list("activations", 1, 2);
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) {
            activations.add(ConfigJsonFields.key(acts.get(i), "activations[" + i + "]",
                    k -> Activation.fromKey(k).filter(DepthConfig.ACTIVATIONS::contains)));
        }
        Initializer initializer = root.key("initializer", Initializer::fromKey);
        double learningRate = root.numberIn("learningRate", DepthConfig.MIN_LEARNING_RATE,
                DepthConfig.MAX_LEARNING_RATE);
        return new DepthConfig(dataset, depth, width, activations, initializer, learningRate);
    }

    static final Set<String> FIELDS = Set.of("dataset", "depth", "width", "activations", "initializer",
            "learningRate");
}
