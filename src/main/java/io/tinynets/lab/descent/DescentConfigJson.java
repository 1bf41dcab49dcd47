package io.tinynets.lab.descent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerKind;

import java.util.ArrayList;
import java.util.List;

import static io.tinynets.lab.ConfigJsonFields.number;
import static io.tinynets.lab.ConfigJsonFields.array;
import static io.tinynets.lab.ConfigJsonFields.key;

/**
 * A {@link DescentConfig} as versioned JSON for saved experiments, read back through the config's own checks:
 * {@code {"version":1, "surface":"ravine", "optimizers":["sgd","momentum","adam"], "learningRate":0.05,
 * "momentum":0.9, "beta1":0.9, "beta2":0.999, "rho":0.9, "start":[-4.0, 2.0]}}. A missing, mistyped or
 * out-of-range field is an {@link IllegalArgumentException} naming it.
 */
public final class DescentConfigJson {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DescentConfigJson() {
    }

    public static String write(DescentConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("surface", c.surface().key());
        ArrayNode opts = root.putArray("optimizers");
        c.optimizers().forEach(o -> opts.add(o.key()));
        root.put("learningRate", c.learningRate());
        root.put("momentum", c.momentum());
        root.put("beta1", c.beta1());
        root.put("beta2", c.beta2());
        root.put("rho", c.rho());
        ArrayNode start = root.putArray("start");
        for (double v : c.start()) {
            start.add(v);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("descent config could not be written as JSON", e);
        }
    }

    public static DescentConfig read(String json, int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("descent config version must be " + VERSION + ", was " + version);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("descent config is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("descent config must be a JSON object");
        }
        List<OptimizerKind> optimizers = new ArrayList<>();
        for (JsonNode o : array(root, "optimizers")) {
            optimizers.add(key(o, "optimizers", OptimizerKind::fromKey));
        }
        JsonNode startNode = array(root, "start");
        double[] start = new double[startNode.size()];
        for (int i = 0; i < start.length; i++) {
            JsonNode v = startNode.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new IllegalArgumentException("start must hold finite numbers");
            }
            start[i] = v.asDouble();
        }
        return new DescentConfig(key(root.get("surface"), "surface", SurfaceKind::fromKey), optimizers,
                number(root, "learningRate"), number(root, "momentum"), number(root, "beta1"), number(root, "beta2"),
                number(root, "rho"), start);
    }
}
