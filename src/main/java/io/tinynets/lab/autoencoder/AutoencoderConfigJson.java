package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;

import static io.tinynets.lab.ConfigJsonFields.field;
import static io.tinynets.lab.ConfigJsonFields.integer;
import static io.tinynets.lab.ConfigJsonFields.number;
import static io.tinynets.lab.ConfigJsonFields.bool;
import static io.tinynets.lab.ConfigJsonFields.text;

/**
 * The autoencoder lab's config as versioned JSON, the form a saved experiment keeps. Reading goes through the config's
 * own constructor checks (the same rules as the form), and every problem names its field.
 */
public final class AutoencoderConfigJson {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AutoencoderConfigJson() {
    }

    public static String write(AutoencoderConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("data", c.data().key());
        root.put("samples", c.samples());
        ArrayNode hidden = root.putArray("hidden");
        for (int h : c.hidden()) {
            hidden.add(h);
        }
        root.put("bottleneck", c.bottleneck());
        root.put("activation", c.activation().key());
        root.put("tied", c.tied());
        root.put("loss", c.loss().key());
        root.put("noise", c.noise().kind().key());
        root.put("noiseLevel", c.noise().level());
        root.put("optimizer", c.optimizer().key());
        root.put("learningRate", c.learningRate());
        root.put("seed", c.seed());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a config written by {@link #write}; {@code version} is the experiment's config version. */
    public static AutoencoderConfig read(String json, int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("autoencoder config version must be " + VERSION + ", was " + version);
        }
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("autoencoder config is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("autoencoder config must be a JSON object");
        }
        if (integer(root, "version") != VERSION) {
            throw new IllegalArgumentException("version must be " + VERSION + ", was " + root.get("version"));
        }
        ImageSetKind data = ImageSetKind.fromKey(text(root, "data"))
                .orElseThrow(() -> unknown("data", root));
        Activation activation = Activation.fromKey(text(root, "activation"))
                .orElseThrow(() -> unknown("activation", root));
        AutoencoderLoss loss = AutoencoderLoss.fromKey(text(root, "loss")).orElseThrow(() -> unknown("loss", root));
        AutoencoderNoise.Kind noiseKind = AutoencoderNoise.Kind.fromKey(text(root, "noise"))
                .orElseThrow(() -> unknown("noise", root));
        OptimizerKind optimizer = OptimizerKind.fromKey(text(root, "optimizer"))
                .orElseThrow(() -> unknown("optimizer", root));
        JsonNode h = field(root, "hidden");
        if (!h.isArray()) {
            throw new IllegalArgumentException("hidden must be a list of whole numbers, was " + h);
        }
        int[] hidden = new int[h.size()];
        for (int i = 0; i < hidden.length; i++) {
            if (!h.get(i).isIntegralNumber() || !h.get(i).canConvertToInt()) {
                throw new IllegalArgumentException("hidden must be a list of whole numbers, was " + h);
            }
            hidden[i] = h.get(i).intValue();
        }
        JsonNode seed = field(root, "seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new IllegalArgumentException("seed must be a whole number, was " + seed);
        }
        AutoencoderNoise noise = noiseKind == AutoencoderNoise.Kind.NONE ? AutoencoderNoise.NONE
                : new AutoencoderNoise(noiseKind, number(root, "noiseLevel"));
        return new AutoencoderConfig(data, integer(root, "samples"), hidden, integer(root, "bottleneck"), activation,
                bool(root, "tied"), loss, noise, optimizer, number(root, "learningRate"), seed.longValue());
    }

    private static IllegalArgumentException unknown(String name, JsonNode root) {
        return new IllegalArgumentException(name + " is not one this lab knows: " + root.get(name));
    }
}
