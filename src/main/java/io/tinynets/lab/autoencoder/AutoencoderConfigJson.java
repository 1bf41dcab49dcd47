package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.model.AutoencoderSpec;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.ConfigJsonFields;

import java.util.Set;

/**
 * The autoencoder lab's config as versioned JSON, the form a saved experiment keeps. Reading goes through the config's
 * own constructor checks (the same rules as the form), and every problem names its field. {@code linearCode} is the
 * one optional field: configs saved before it existed lack it and mean a code with the hidden activation, so they
 * reopen and replay exactly as they were saved.
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
        root.put("linearCode", c.linearCode());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a config written by {@link #write} strictly; {@code version} is the experiment's config version. Every
     * field must be there with its type and within the form's range, and no other field may be; binary cross-entropy
     * only on image data. Any problem is an {@link io.tinynets.experiment.ExperimentValidationException} naming the
     * field.
     */
    public static AutoencoderConfig read(String json, int version) {
        ConfigJsonFields root = ConfigJsonFields.root(json, version, VERSION, FIELDS, Set.of("linearCode"));
        ImageSetKind data = root.key("data", ImageSetKind::fromKey);
        int samples = root.intIn("samples", AutoencoderConfig.MIN_SAMPLES, AutoencoderConfig.MAX_SAMPLES);
        int[] hidden = root.ints("hidden", 0, AutoencoderConfig.MAX_HIDDEN_LAYERS, 1, AutoencoderConfig.MAX_HIDDEN_SIZE);
        int bottleneck = root.intIn("bottleneck", 1, AutoencoderSpec.MAX_BOTTLENECK);
        Activation activation = root.key("activation", Activation::fromKey);
        boolean tied = root.bool("tied");
        AutoencoderLoss loss = root.key("loss", AutoencoderLoss::fromKey);
        if (loss == AutoencoderLoss.BINARY_CROSS_ENTROPY && !data.isImage()) {
            throw ConfigJsonFields.problem("experiments.config.lossNeedsImages", loss.key(), data.key());
        }
        AutoencoderNoise.Kind noiseKind = root.key("noise", AutoencoderNoise.Kind::fromKey);
        double noiseLevel = root.numberIn("noiseLevel", 0, AutoencoderConfig.MAX_NOISE_LEVEL);
        OptimizerKind optimizer = root.key("optimizer", OptimizerKind::fromKey);
        double learningRate = root.numberAbove("learningRate", 0, AutoencoderConfig.MAX_LEARNING_RATE);
        long seed = root.longIn("seed", 0, AutoencoderConfig.MAX_SEED);
        AutoencoderNoise noise = noiseKind == AutoencoderNoise.Kind.NONE ? AutoencoderNoise.NONE
                : new AutoencoderNoise(noiseKind, noiseLevel);
        // experiments saved before the code layer had its own option used the hidden activation for it
        boolean linearCode = root.has("linearCode") && root.bool("linearCode");
        return new AutoencoderConfig(data, samples, hidden, bottleneck, activation, tied, loss, noise, optimizer,
                learningRate, seed, linearCode);
    }

    static final Set<String> FIELDS = Set.of("data", "samples", "hidden", "bottleneck", "activation", "tied", "loss",
            "noise", "noiseLevel", "optimizer", "learningRate", "seed");
}
