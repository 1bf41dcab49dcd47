package io.tinynets.lab.depth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;

import java.util.ArrayList;
import java.util.List;

import static io.tinynets.lab.ConfigJsonFields.integer;
import static io.tinynets.lab.ConfigJsonFields.number;
import static io.tinynets.lab.ConfigJsonFields.key;

/**
 * A {@link DepthConfig} as versioned JSON for saved experiments, read back through the config's own checks:
 * {@code {"version":1, "dataset":"xor", "depth":10, "width":8, "activations":["sigmoid","relu"],
 * "initializer":"xavier", "learningRate":0.1}}. The seed is the experiment's own. A missing, mistyped or
 * out-of-range field is an {@link IllegalArgumentException} naming it.
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

    public static DepthConfig read(String json, int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("depth config version must be " + VERSION + ", was " + version);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("depth config is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("depth config must be a JSON object");
        }
        JsonNode acts = root.get("activations");
        if (acts == null || !acts.isArray()) {
            throw new IllegalArgumentException("activations must be a JSON array");
        }
        List<Activation> activations = new ArrayList<>();
        for (JsonNode a : acts) {
            activations.add(key(a, "activations", Activation::fromKey));
        }
        return new DepthConfig(key(root.get("dataset"), "dataset", DatasetKind::fromKey), integer(root, "depth"),
                integer(root, "width"), activations, key(root.get("initializer"), "initializer", Initializer::fromKey),
                number(root, "learningRate"));
    }
}
