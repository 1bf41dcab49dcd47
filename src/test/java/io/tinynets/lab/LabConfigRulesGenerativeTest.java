package io.tinynets.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.data.Point2D;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.experiment.ExperimentValidationException;
import io.tinynets.experiment.LabConfigs;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.lab.autoencoder.AutoencoderConfigRules;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.lab.depth.DepthConfigRules;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.DescentConfigRules;
import io.tinynets.lab.descent.DescentTrainer;
import io.tinynets.lab.descent.Surface;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.lab.playground.PlaygroundConfigRules;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.lab.sequence.SequenceConfigRules;
import io.tinynets.lab.sequence.SequenceTaskKind;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainingLimits;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 15, item 2: valid configurations of every lab, drawn at random within the labs' own ranges, are mutated field
 * by field (huge, negative, zero, boundaries, NaN and infinities, wrong types, missing and extra fields, deep nesting,
 * long texts and lists). Every mutant must either be refused cleanly by the lab's rules, with a message key that
 * exists in English and Korean and formats in both, or be accepted and then build a trainer within the training
 * limits that trains one epoch. Nothing else may happen: no other exception, no trainer beyond the limits.
 */
class LabConfigRulesGenerativeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TrainingLimits LIMITS = TrainingLimits.defaults();
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages", Locale.ENGLISH);
    private static final ResourceBundle KO = ResourceBundle.getBundle("messages", Locale.KOREAN);
    /** Valid configurations drawn per lab. */
    private static final int BASES = 6;

    private final LabConfigs rules = new LabConfigs(List.of(new PlaygroundConfigRules(LIMITS),
            new DescentConfigRules(LIMITS), new DepthConfigRules(LIMITS), new SequenceConfigRules(LIMITS),
            new AutoencoderConfigRules(LIMITS)));

    /** One lab as this test drives it: random valid configs, and the trainer a config builds. */
    private record Lab(String key, int version, Function<SplittableRandom, String> valid,
                       BiFunction<String, Long, Trainer<?>> trainer) {
    }

    private final List<Lab> labs = List.of(
            new Lab("playground", PlaygroundConfigJson.VERSION, LabConfigRulesGenerativeTest::playground,
                    LabConfigRulesGenerativeTest::playgroundTrainer),
            new Lab("descent", DescentConfigJson.VERSION, LabConfigRulesGenerativeTest::descent,
                    (json, seed) -> new DescentTrainer(DescentConfigJson.read(json, 1))),
            new Lab("depth", DepthConfigJson.VERSION, LabConfigRulesGenerativeTest::depth,
                    (json, seed) -> new DepthTrainer(DepthConfigJson.read(json, 1), seed)),
            new Lab("sequence", SequenceConfigJson.VERSION, LabConfigRulesGenerativeTest::sequence,
                    (json, seed) -> new SequenceTrainer(SequenceConfigJson.read(json, 1), new LiveOptions(), seed)),
            new Lab("autoencoder", AutoencoderConfigJson.VERSION, LabConfigRulesGenerativeTest::autoencoder,
                    (json, seed) -> AutoencoderLabTrainer.factory(AutoencoderConfigJson.read(json, 1)).create(seed)));

    @Test
    void everyMutantOfEveryLabIsRefusedCleanlyOrTrainsWithinTheLimits() throws Exception {
        SplittableRandom random = new SplittableRandom(15);
        Map<String, int[]> tally = new LinkedHashMap<>();
        Set<String> trained = new LinkedHashSet<>();
        int cases = 0;
        for (Lab lab : labs) {
            int[] counts = new int[2]; // refused, accepted
            for (int b = 0; b < BASES; b++) {
                String base = lab.valid().apply(random);
                JsonNode tree = JSON.readTree(base);
                List<String> mutants = new ArrayList<>();
                mutants.add(base);
                mutants.addAll(mutants(tree));
                for (String mutant : mutants) {
                    cases++;
                    long seed = random.nextLong(0, Integer.MAX_VALUE);
                    if (check(lab, mutant, seed)) {
                        counts[1]++;
                        if (trained.add(lab.key() + mutant)) {
                            trainOneEpochWithinLimits(lab, mutant, seed);
                        }
                    } else {
                        counts[0]++;
                    }
                }
                assertThat(check(lab, base, 1)).as("a valid %s config must be accepted: %s", lab.key(), base)
                        .isTrue();
            }
            tally.put(lab.key(), counts);
            // the mutations must exercise both sides, or the test proves nothing
            assertThat(counts[0]).as(lab.key() + " refusals").isGreaterThan(100);
            assertThat(counts[1]).as(lab.key() + " acceptances").isGreaterThan(BASES);
        }
        System.out.printf(Locale.ROOT, "LabConfigRulesGenerativeTest: %d cases, %d distinct accepted configs trained;"
                + " per lab (refused, accepted): %s%n", cases, trained.size(), tally.entrySet().stream()
                .map(e -> e.getKey() + " " + Arrays.toString(e.getValue())).toList());
        assertThat(cases).isGreaterThan(3000);
    }

    /** True when accepted; false when refused cleanly; fails the test on anything else. */
    private boolean check(Lab lab, String json, long seed) {
        try {
            rules.check(lab.key(), json, lab.version(), seed);
            return true;
        } catch (ExperimentValidationException e) {
            assertTranslated(e, json);
            return false;
        } catch (Throwable t) {
            fail("%s rules threw %s on %s", lab.key(), t, abbreviate(json));
            return false;
        }
    }

    static void assertTranslated(ExperimentValidationException e, String input) {
        String key = e.messageKey();
        assertThat(EN.containsKey(key) && KO.containsKey(key)).as("key %s for %s", key, abbreviate(input)).isTrue();
        for (var bundle : List.of(EN, KO)) {
            String text = new MessageFormat(bundle.getString(key), bundle.getLocale()).format(e.messageArgs());
            assertThat(text).as(key).doesNotContain("{").isNotBlank();
        }
    }

    private static void trainOneEpochWithinLimits(Lab lab, String json, long seed) {
        Trainer<?> trainer;
        try {
            trainer = lab.trainer().apply(json, seed);
        } catch (Throwable t) {
            fail("%s accepted a config its trainer refuses (%s): %s", lab.key(), t, abbreviate(json));
            return;
        }
        assertThat(trainer.parameterCount()).as(lab.key() + " parameters of " + abbreviate(json))
                .isLessThanOrEqualTo(LIMITS.maxParameters());
        assertThat(trainer.datasetSize()).as(lab.key() + " examples of " + abbreviate(json))
                .isLessThanOrEqualTo(LIMITS.maxDatasetSize());
        assertThat(trainer.learningRate()).isLessThanOrEqualTo(LIMITS.maxLearningRate());
        EpochMetrics m = trainer.trainEpoch(); // may diverge (NaN): that is a clean end, not an exception
        assertThat(m).isNotNull();
        trainer.captureInternals();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    // ---- mutations ------------------------------------------------------------------------------------------------

    /** Every mutant of a config: each field (and some list elements) replaced, removed, or joined by another. */
    static List<String> mutants(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (List<Object> path : paths(root, new ArrayList<>())) {
            for (JsonNode value : values()) {
                out.add(write(replaced(root, path, value)));
            }
            if (path.get(path.size() - 1) instanceof String) {
                out.add(write(removed(root, path)));
            }
        }
        // an extra field, at the top and in every nested object
        for (List<Object> path : objects(root, new ArrayList<>())) {
            out.add(write(added(root, path, "extra", NODES.numberNode(1))));
            out.add(write(added(root, path, "__proto__", NODES.objectNode())));
        }
        // whole-document shapes
        out.add("");
        out.add("null");
        out.add("[]");
        out.add("{}");
        out.add("\"" + "a".repeat(10_000) + "\"");
        out.add(nested(5_000)); // beyond the parser's depth limit
        out.add(write(root).replaceFirst("}$", ",\"version\":2}")); // a duplicate key
        out.add(write(root).substring(0, write(root).length() / 2)); // cut off
        return out;
    }

    /** The replacement values tried for every field. */
    private static List<JsonNode> values() {
        List<JsonNode> v = new ArrayList<>();
        for (double d : new double[] {0, -1, 1, 2, 0.5, -0.5, 1e-9, 1e300, -1e300, 1e18, 7.5, 99_999_999}) {
            v.add(NODES.numberNode(d));
        }
        for (long l : new long[] {0, -1, 1, 3, 100_000_000, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
                Long.MAX_VALUE, Long.MIN_VALUE}) {
            v.add(NODES.numberNode(l));
        }
        v.add(NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")));
        v.add(NODES.numberNode(new java.math.BigDecimal("1e999"))); // infinite as a double
        v.add(NODES.textNode("NaN"));
        v.add(NODES.textNode("Infinity"));
        v.add(NODES.textNode(""));
        v.add(NODES.textNode("tanh"));
        v.add(NODES.textNode("x".repeat(50_000)));
        v.add(NODES.textNode("<script>alert(1)</script>"));
        v.add(NODES.booleanNode(true));
        v.add(NODES.nullNode());
        v.add(NODES.objectNode());
        v.add(NODES.arrayNode());
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 20_000; i++) {
            many.add(i % 3);
        }
        v.add(many);
        ArrayNode mixed = NODES.arrayNode().add(1).add("two").add(NODES.nullNode()).add(NODES.objectNode());
        v.add(mixed);
        v.add(nestedNode(200));
        return v;
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static JsonNode nestedNode(int depth) {
        ArrayNode inner = NODES.arrayNode();
        JsonNode n = inner;
        for (int i = 0; i < depth; i++) {
            n = NODES.arrayNode().add(n);
        }
        return n;
    }

    /** Paths (field names and list indices) of every value: objects' fields, and the first, a middle and the last
     * element of every list. */
    private static List<List<Object>> paths(JsonNode node, List<Object> at) {
        List<List<Object>> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                List<Object> p = new ArrayList<>(at);
                p.add(f);
                out.add(p);
                out.addAll(paths(node.get(f), p));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i : new LinkedHashSet<>(List.of(0, node.size() / 2, node.size() - 1))) {
                List<Object> p = new ArrayList<>(at);
                p.add(i);
                out.add(p);
                out.addAll(paths(node.get(i), p));
            }
        }
        return out;
    }

    private static List<List<Object>> objects(JsonNode node, List<Object> at) {
        List<List<Object>> out = new ArrayList<>();
        if (node.isObject()) {
            out.add(at);
            node.fields().forEachRemaining(e -> {
                List<Object> p = new ArrayList<>(at);
                p.add(e.getKey());
                out.addAll(objects(e.getValue(), p));
            });
        }
        return out;
    }

    private static JsonNode replaced(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof String f) {
            ((ObjectNode) parent).set(f, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return copy;
    }

    private static JsonNode removed(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) at(copy, path.subList(0, path.size() - 1))).remove((String) path.get(path.size() - 1));
        return copy;
    }

    private static JsonNode added(JsonNode root, List<Object> path, String field, JsonNode value) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) at(copy, path)).set(field, value);
        return copy;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        for (Object p : path) {
            node = p instanceof String f ? node.get(f) : node.get((Integer) p);
        }
        return node;
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- valid configurations, drawn within each lab's own ranges -------------------------------------------------

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static double logUniform(SplittableRandom r, double min, double max) {
        return Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    static String playground(SplittableRandom r) {
        boolean own = r.nextInt(3) == 0;
        Dataset2D custom = null;
        DatasetKind dataset = pick(r, DatasetKind.values());
        int classes = dataset.classes();
        if (own) {
            classes = pick(r, new Integer[] {0, 2, 3, 5});
            List<Point2D> train = new ArrayList<>();
            List<Point2D> test = new ArrayList<>();
            int n = r.nextInt(10, 120);
            for (int i = 0; i < n; i++) {
                double label = classes == 0 ? r.nextDouble(-1, 1) : r.nextInt(classes);
                (i % 4 == 0 ? test : train).add(new Point2D(r.nextDouble(-6, 6), r.nextDouble(-6, 6), label));
            }
            custom = new Dataset2D(train, test, classes);
        }
        List<Feature> features = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (r.nextBoolean()) {
                features.add(f);
            }
        }
        if (features.isEmpty()) {
            features.add(Feature.X1);
        }
        int layers = r.nextInt(0, PlaygroundConfig.MAX_LAYERS + 1);
        List<Integer> hidden = new ArrayList<>();
        List<Activation> acts = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            hidden.add(r.nextInt(1, PlaygroundConfig.MAX_NEURONS + 1));
            acts.add(pick(r, Activation.values()));
        }
        PlaygroundConfig c = new PlaygroundConfig(dataset, r.nextInt(PlaygroundConfig.MIN_POINTS, 300),
                r.nextDouble(0, PlaygroundConfig.MAX_NOISE), r.nextDouble(0.1, 0.9), r.nextInt(1, 101),
                r.nextLong(0, PlaygroundConfig.MAX_SEED + 1), features, hidden, acts,
                pick(r, OutputLoss.choicesFor(classes)), pick(r, Initializer.values()),
                pick(r, OptimizerKind.values()), logUniform(r, PlaygroundConfig.MIN_LEARNING_RATE, 10),
                pick(r, RegularizationKind.values()), r.nextDouble(0, 1));
        return PlaygroundConfigJson.write(c, custom);
    }

    private static Trainer<?> playgroundTrainer(String json, long seed) {
        PlaygroundConfigJson.Saved s = PlaygroundConfigJson.read(json, 1);
        PlaygroundConfig c = s.config();
        Dataset2D data = s.customData() != null ? s.customData() : Dataset2D.generate(c.dataset(), c.points(),
                c.noise(), c.trainFraction(), new SplittableRandom(c.seed()));
        return new PlaygroundTrainer(c, data, seed);
    }

    static String descent(SplittableRandom r) {
        SurfaceKind surface = pick(r, SurfaceKind.values());
        List<OptimizerKind> all = new ArrayList<>(List.of(OptimizerKind.values()));
        java.util.Collections.shuffle(all, new java.util.Random(r.nextLong()));
        List<OptimizerKind> racing = all.subList(0, r.nextInt(1, all.size() + 1));
        Surface s = surface.create();
        Surface.Domain d = s.domain();
        double[] start = s.dimensions() == 2 ? new double[] {r.nextDouble(d.xMin(), d.xMax()),
                r.nextDouble(d.yMin(), d.yMax())} : new double[] {r.nextDouble(d.xMin(), d.xMax())};
        return DescentConfigJson.write(new DescentConfig(surface, racing,
                logUniform(r, DescentConfig.MIN_LEARNING_RATE, DescentConfig.MAX_LEARNING_RATE),
                r.nextDouble(0, 0.99), r.nextDouble(0, 0.99), r.nextDouble(0, 0.999), r.nextDouble(0, 0.99), start));
    }

    static String depth(SplittableRandom r) {
        List<Activation> acts = new ArrayList<>(List.of(pick(r, DepthConfig.ACTIVATIONS)));
        if (r.nextBoolean()) {
            acts.add(pick(r, DepthConfig.ACTIVATIONS));
        }
        return DepthConfigJson.write(new DepthConfig(pick(r, DepthConfig.DATASETS), r.nextInt(1, 12),
                r.nextInt(2, 12), acts, pick(r, Initializer.values()),
                logUniform(r, DepthConfig.MIN_LEARNING_RATE, DepthConfig.MAX_LEARNING_RATE)));
    }

    static String sequence(SplittableRandom r) {
        SequenceTaskKind task = pick(r, SequenceTaskKind.values());
        String text = task == SequenceTaskKind.CUSTOM_TEXT ? "the quick brown fox jumps over the lazy dog. "
                .repeat(r.nextInt(1, 4)) : "";
        int length = task == SequenceTaskKind.CUSTOM_TEXT ? r.nextInt(2, 20) : r.nextInt(2, 24);
        return SequenceConfigJson.write(new SequenceConfig(task, r.nextInt(1, 12), length, text,
                pick(r, CellKind.values()), r.nextBoolean(), r.nextInt(1, 12), pick(r, OptimizerKind.values()),
                logUniform(r, 1e-4, SequenceConfig.MAX_LEARNING_RATE), r.nextInt(3) == 0 ? 0 : r.nextDouble(0.1, 10),
                r.nextBoolean()));
    }

    static String autoencoder(SplittableRandom r) {
        ImageSetKind data = pick(r, ImageSetKind.values());
        int[] hidden = new int[r.nextInt(0, AutoencoderConfig.MAX_HIDDEN_LAYERS + 1)];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = r.nextInt(1, 24);
        }
        AutoencoderLoss loss = data.isImage() ? pick(r, AutoencoderLoss.values()) : AutoencoderLoss.MSE;
        AutoencoderNoise.Kind kind = pick(r, AutoencoderNoise.Kind.values());
        AutoencoderNoise noise = kind == AutoencoderNoise.Kind.NONE ? AutoencoderNoise.NONE
                : new AutoencoderNoise(kind, r.nextDouble(0, AutoencoderConfig.MAX_NOISE_LEVEL));
        return AutoencoderConfigJson.write(new AutoencoderConfig(data, r.nextInt(AutoencoderConfig.MIN_SAMPLES, 400),
                hidden, r.nextInt(1, 8), pick(r, Activation.values()), r.nextBoolean(), loss, noise,
                pick(r, OptimizerKind.values()), logUniform(r, 1e-4, AutoencoderConfig.MAX_LEARNING_RATE),
                r.nextLong(0, AutoencoderConfig.MAX_SEED)));
    }
}
