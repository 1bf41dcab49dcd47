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
import io.tinynets.training.lab.LabConfigCodec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The autoencoder lab's config as versioned JSON, the form a saved experiment keeps. Reading goes through the config's
 * own constructor checks (the same rules as the form), and every problem names its field. {@code linearCode} is the
 * one optional field: configs saved before it existed lack it and mean a code with the hidden activation, so they
 * reopen and replay exactly as they were saved.
 */
public final class AutoencoderConfigJson {

    /** The lab's key: its route, and the lab experiments and assignments name. */
    public static final String LAB = "autoencoder";
    public static final int VERSION = 1;

    // the fields, which are also the configuration paths an assignment locks
    public static final String DATA = "data";
    public static final String SAMPLES = "samples";
    public static final String HIDDEN = "hidden";
    public static final String BOTTLENECK = "bottleneck";
    public static final String ACTIVATION = "activation";
    public static final String TIED = "tied";
    public static final String LOSS = "loss";
    public static final String NOISE_LEVEL = "noiseLevel";
    public static final String NOISE = "noise";
    public static final String OPTIMIZER = "optimizer";
    public static final String LEARNING_RATE = "learningRate";
    public static final String SEED = "seed";
    /** Optional: absent in configs saved before it existed (see the class comment). */
    public static final String LINEAR_CODE = "linearCode";

    static final Set<String> FIELDS = Set.of(DATA, SAMPLES, HIDDEN, BOTTLENECK, ACTIVATION, TIED, LOSS, NOISE,
            NOISE_LEVEL, OPTIMIZER, LEARNING_RATE, SEED);

    /** This codec as the frame and the experiment features see it; every field, the optional one too, is lockable. */
    public static final LabConfigCodec<AutoencoderConfig> CODEC = LabConfigCodec.of(LAB, VERSION,
            AutoencoderConfigJson::write, AutoencoderConfigJson::read, lockable());

    private static Set<String> lockable() {
        Set<String> paths = new LinkedHashSet<>(FIELDS);
        paths.add(LINEAR_CODE);
        return paths;
    }
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AutoencoderConfigJson() {
    }

    public static String write(AutoencoderConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put(DATA, c.data().key());
        root.put(SAMPLES, c.samples());
        ArrayNode hidden = root.putArray(HIDDEN);
        for (int h : c.hidden()) {
            hidden.add(h);
        }
        root.put(BOTTLENECK, c.bottleneck());
        root.put(ACTIVATION, c.activation().key());
        root.put(TIED, c.tied());
        root.put(LOSS, c.loss().key());
        root.put(NOISE, c.noise().kind().key());
        root.put(NOISE_LEVEL, c.noise().level());
        root.put(OPTIMIZER, c.optimizer().key());
        root.put(LEARNING_RATE, c.learningRate());
        root.put(SEED, c.seed());
        root.put(LINEAR_CODE, c.linearCode());
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
        ConfigJsonFields root = ConfigJsonFields.root(json, version, VERSION, FIELDS, Set.of(LINEAR_CODE));
        ImageSetKind data = root.key(DATA, ImageSetKind::fromKey);
        int samples = root.intIn(SAMPLES, AutoencoderConfig.MIN_SAMPLES, AutoencoderConfig.MAX_SAMPLES);
        int[] hidden = root.ints(HIDDEN, 0, AutoencoderConfig.MAX_HIDDEN_LAYERS, 1, AutoencoderConfig.MAX_HIDDEN_SIZE);
        int bottleneck = root.intIn(BOTTLENECK, 1, AutoencoderSpec.MAX_BOTTLENECK);
        Activation activation = root.key(ACTIVATION, Activation::fromKey);
        boolean tied = root.bool(TIED);
        AutoencoderLoss loss = root.key(LOSS, AutoencoderLoss::fromKey);
        if (loss == AutoencoderLoss.BINARY_CROSS_ENTROPY && !data.isImage()) {
            throw ConfigJsonFields.problem("experiments.config.lossNeedsImages", loss.key(), data.key());
        }
        AutoencoderNoise.Kind noiseKind = root.key(NOISE, AutoencoderNoise.Kind::fromKey);
        double noiseLevel = root.numberIn(NOISE_LEVEL, 0, AutoencoderConfig.MAX_NOISE_LEVEL);
        OptimizerKind optimizer = root.key(OPTIMIZER, OptimizerKind::fromKey);
        double learningRate = root.numberAbove(LEARNING_RATE, 0, AutoencoderConfig.MAX_LEARNING_RATE);
        long seed = root.longIn(SEED, 0, AutoencoderConfig.MAX_SEED);
        AutoencoderNoise noise = noiseKind == AutoencoderNoise.Kind.NONE ? AutoencoderNoise.NONE
                : new AutoencoderNoise(noiseKind, noiseLevel);
        // experiments saved before the code layer had its own option used the hidden activation for it
        boolean linearCode = root.has(LINEAR_CODE) && root.bool(LINEAR_CODE);
        return new AutoencoderConfig(data, samples, hidden, bottleneck, activation, tied, loss, noise, optimizer,
                learningRate, seed, linearCode);
    }
}
