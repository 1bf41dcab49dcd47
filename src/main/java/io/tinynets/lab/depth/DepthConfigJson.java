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
import io.tinynets.training.lab.LabConfigCodec;

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

    /** The lab's key: its route, and the lab experiments and assignments name. */
    public static final String LAB = "depth";
    public static final int VERSION = 1;

    // the fields, which are also the configuration paths an assignment locks
    public static final String DATASET = "dataset";
    public static final String DEPTH = "depth";
    public static final String WIDTH = "width";
    public static final String ACTIVATIONS = "activations";
    public static final String INITIALIZER = "initializer";
    public static final String LEARNING_RATE = "learningRate";
    /** Not a field of the JSON (the run's seed is the experiment's own), but a path an assignment fixes. */
    public static final String SEED = "seed";

    static final Set<String> FIELDS = Set.of(DATASET, DEPTH, WIDTH, ACTIVATIONS, INITIALIZER, LEARNING_RATE);

    /** This codec as the frame and the experiment features see it; "seed" is lockable too. */
    public static final LabConfigCodec<DepthConfig> CODEC = LabConfigCodec.of(LAB, VERSION, DepthConfigJson::write,
            DepthConfigJson::read, Set.of(DATASET, DEPTH, WIDTH, ACTIVATIONS, INITIALIZER, LEARNING_RATE, SEED));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DepthConfigJson() {
    }

    public static String write(DepthConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put(DATASET, c.dataset().key());
        root.put(DEPTH, c.depth());
        root.put(WIDTH, c.width());
        ArrayNode acts = root.putArray(ACTIVATIONS);
        c.activations().forEach(a -> acts.add(a.key()));
        root.put(INITIALIZER, c.initializer().key());
        root.put(LEARNING_RATE, c.learningRate());
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
        DatasetKind dataset = root.key(DATASET, k -> DatasetKind.fromKey(k).filter(DepthConfig.DATASETS::contains));
        int depth = root.intIn(DEPTH, DepthConfig.MIN_DEPTH, DepthConfig.MAX_DEPTH);
        int width = root.intIn(WIDTH, DepthConfig.MIN_WIDTH, DepthConfig.MAX_WIDTH);
        List<JsonNode> acts = root.list(ACTIVATIONS, 1, 2);
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) {
            activations.add(ConfigJsonFields.key(acts.get(i), ACTIVATIONS + "[" + i + "]",
                    k -> Activation.fromKey(k).filter(DepthConfig.ACTIVATIONS::contains)));
        }
        Initializer initializer = root.key(INITIALIZER, Initializer::fromKey);
        double learningRate = root.numberIn(LEARNING_RATE, DepthConfig.MIN_LEARNING_RATE,
                DepthConfig.MAX_LEARNING_RATE);
        return new DepthConfig(dataset, depth, width, activations, initializer, learningRate);
    }
}
