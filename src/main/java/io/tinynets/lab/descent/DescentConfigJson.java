package io.tinynets.lab.descent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.ConfigJsonFields;
import io.tinynets.training.lab.LabConfigCodec;

import java.util.List;
import java.util.Set;


/**
 * A {@link DescentConfig} as versioned JSON for saved experiments, read back through the config's own checks:
 * {@code {"version":1, "surface":"ravine", "optimizers":["sgd","momentum","adam"], "learningRate":0.05,
 * "momentum":0.9, "beta1":0.9, "beta2":0.999, "rho":0.9, "start":[-4.0, 2.0]}}. A missing, mistyped,
 * out-of-range or unknown field is refused by {@link #read}, naming it.
 */
public final class DescentConfigJson {

    /** The lab's key: its route, and the lab experiments and assignments name. */
    public static final String LAB = "descent";
    public static final int VERSION = 1;

    // the fields, which are also the configuration paths an assignment locks
    public static final String SURFACE = "surface";
    public static final String OPTIMIZERS = "optimizers";
    public static final String LEARNING_RATE = "learningRate";
    public static final String MOMENTUM = "momentum";
    public static final String BETA1 = "beta1";
    public static final String BETA2 = "beta2";
    public static final String RHO = "rho";
    public static final String START = "start";

    static final Set<String> FIELDS = Set.of(SURFACE, OPTIMIZERS, LEARNING_RATE, MOMENTUM, BETA1, BETA2, RHO, START);

    /** This codec as the frame and the experiment features see it. */
    public static final LabConfigCodec<DescentConfig> CODEC = LabConfigCodec.of(LAB, VERSION,
            DescentConfigJson::write, DescentConfigJson::read, FIELDS);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DescentConfigJson() {
    }

    public static String write(DescentConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put(SURFACE, c.surface().key());
        ArrayNode opts = root.putArray(OPTIMIZERS);
        c.optimizers().forEach(o -> opts.add(o.key()));
        root.put(LEARNING_RATE, c.learningRate());
        root.put(MOMENTUM, c.momentum());
        root.put(BETA1, c.beta1());
        root.put(BETA2, c.beta2());
        root.put(RHO, c.rho());
        ArrayNode start = root.putArray(START);
        for (double v : c.start()) {
            start.add(v);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("descent config could not be written as JSON", e);
        }
    }

    /**
     * Reads a saved race strictly: the fields above and no others, the optimizers known and none twice, the rate in
     * the form's range ({@link DescentConfig#MIN_LEARNING_RATE}..{@link DescentConfig#MAX_LEARNING_RATE}), each decay
     * in [0, 1), and a start with one coordinate per dimension of the surface, inside its drawn domain. Any problem is
     * an {@link io.tinynets.experiment.ExperimentValidationException} naming the field.
     */
    public static DescentConfig read(String json, int version) {
        ConfigJsonFields root = ConfigJsonFields.root(json, version, VERSION, FIELDS, Set.of());
        SurfaceKind surface = root.key(SURFACE, SurfaceKind::fromKey);
        List<OptimizerKind> optimizers = root.keys(OPTIMIZERS, 1, DescentConfig.MAX_RACERS, OptimizerKind::fromKey);
        double learningRate = root.numberIn(LEARNING_RATE, DescentConfig.MIN_LEARNING_RATE,
                DescentConfig.MAX_LEARNING_RATE);
        double momentum = root.numberBelow(MOMENTUM, 0, 1);
        double beta1 = root.numberBelow(BETA1, 0, 1);
        double beta2 = root.numberBelow(BETA2, 0, 1);
        double rho = root.numberBelow(RHO, 0, 1);
        Surface s = surface.create();
        Surface.Domain d = s.domain();
        List<JsonNode> startNodes = root.list(START, s.dimensions(), s.dimensions());
        double[] start = new double[startNodes.size()];
        for (int i = 0; i < start.length; i++) {
            JsonNode v = startNodes.get(i);
            String at = START + "[" + i + "]";
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw ConfigJsonFields.problem("experiments.config.number", at);
            }
            double min = i == 0 ? d.xMin() : d.yMin();
            double max = i == 0 ? d.xMax() : d.yMax();
            if (v.doubleValue() < min || v.doubleValue() > max) {
                throw ConfigJsonFields.problem("experiments.config.range", at, ConfigJsonFields.plain(min),
                        ConfigJsonFields.plain(max), ConfigJsonFields.echo(v));
            }
            start[i] = v.doubleValue();
        }
        return new DescentConfig(surface, optimizers, learningRate, momentum, beta1, beta2, rho, start);
    }
}
