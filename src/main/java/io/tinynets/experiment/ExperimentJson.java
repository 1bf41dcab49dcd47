package io.tinynets.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON of experiments: the small pieces stored in columns (curve points, final metrics, picture) and the export file.
 *
 * <p>Export file, schema version {@value #SCHEMA_VERSION}:
 * <pre>{@code
 * {"format": "tinynets-experiments", "schemaVersion": 1, "exportedAt": "2026-…Z",
 *  "experiments": [{"lab": "playground", "name": "…", "notes": "…", "tags": ["xor"],
 *                   "config": {…the lab's JSON…}, "configVersion": 1, "seed": 42,
 *                   "curves": [{"name": "loss", "recordedPoints": 300, "x": [1, 2, …], "y": [0.69, null, …]}],
 *                   "finalMetrics": {"loss": 0.02}, "weights": {…} | null,
 *                   "picture": {"cols": 2, "rows": 1, "min": -1, "max": 1, "values": "<base64 bytes>"} | null,
 *                   "createdAt": "…"}]}
 * }</pre>
 * Non-finite curve values are written as null. Reading checks every field's type and leaves ranges to
 * {@link DraftValidator}, so an import and a save accept exactly the same experiments.
 */
final class ExperimentJson {

    static final String FORMAT = "tinynets-experiments";
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExperimentJson() {
    }

    /** Parses text that must be JSON; null when it is not. */
    static JsonNode parseOrNull(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- columns ----

    static String curvePoints(Curve c) {
        ObjectNode o = NODES.objectNode();
        o.set("x", numbers(c.x()));
        o.set("y", numbers(c.y()));
        return write(o);
    }

    static Curve curve(String name, int recordedPoints, String pointsJson) {
        JsonNode o = parseOrNull(pointsJson);
        return new Curve(name, doubles(o.get("x")), doubles(o.get("y")), recordedPoints);
    }

    static String metrics(Map<String, Double> metrics) {
        ObjectNode o = NODES.objectNode();
        metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> o.put(e.getKey(), e.getValue()));
        return write(o);
    }

    static Map<String, Double> metrics(String json) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode o = parseOrNull(json);
        if (o != null && o.isObject()) {
            o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
        }
        return out;
    }

    static String picture(Picture p) {
        return p == null ? null : write(pictureNode(p));
    }

    static Picture picture(String json) {
        JsonNode o = parseOrNull(json);
        if (o == null || !o.isObject()) {
            return null;
        }
        return new Picture(o.get("cols").asInt(), o.get("rows").asInt(), o.get("min").asDouble(),
                o.get("max").asDouble(), Base64.getDecoder().decode(o.get("values").asText()));
    }

    private static ObjectNode pictureNode(Picture p) {
        ObjectNode o = NODES.objectNode();
        o.put("cols", p.cols());
        o.put("rows", p.rows());
        o.put("min", p.min());
        o.put("max", p.max());
        o.put("values", Base64.getEncoder().encodeToString(p.values()));
        return o;
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode a = NODES.arrayNode(values.length);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            out[i] = v.isNull() ? Double.NaN : v.asDouble();
        }
        return out;
    }

    // ---- export file ----

    static byte[] export(List<Experiment> experiments, Instant now) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("exportedAt", now.toString());
        ArrayNode list = root.putArray("experiments");
        for (Experiment e : experiments) {
            ObjectNode o = list.addObject();
            o.put("lab", e.lab());
            o.put("name", e.name());
            o.put("notes", e.notes());
            ArrayNode tags = o.putArray("tags");
            e.tags().forEach(tags::add);
            o.set("config", parseOrNull(e.configJson()));
            o.put("configVersion", e.configVersion());
            o.put("seed", e.seed());
            ArrayNode curves = o.putArray("curves");
            for (Curve c : e.curves()) {
                ObjectNode co = curves.addObject();
                co.put("name", c.name());
                co.put("recordedPoints", c.recordedPoints());
                co.set("x", numbers(c.x()));
                co.set("y", numbers(c.y()));
            }
            ObjectNode metrics = o.putObject("finalMetrics");
            e.finalMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(m -> metrics.put(m.getKey(), m.getValue()));
            o.set("weights", e.weightsJson() == null ? NODES.nullNode() : parseOrNull(e.weightsJson()));
            o.set("picture", e.picture() == null ? NODES.nullNode() : pictureNode(e.picture()));
            o.put("createdAt", e.createdAt().toString());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Reads an export file into drafts, checking the format, the schema version and every field's type. */
    static List<ExperimentDraft> read(byte[] bytes) throws ImportProblem {
        if (bytes.length > ExperimentLimits.IMPORT_MAX_BYTES) {
            throw new ImportProblem(null, "experiments.import.tooLarge",
                    String.format(java.util.Locale.ROOT, "%.1f", bytes.length / 1048576.0), 5);
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new ImportProblem(null, "experiments.import.malformed", parser.currentLocation().getLineNr(),
                        parser.currentLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new ImportProblem(null, "experiments.import.malformed", where == null ? 1 : where.getLineNr(),
                    where == null ? 1 : where.getColumnNr());
        } catch (IOException e) {
            throw new ImportProblem(null, "experiments.import.malformed", 1, 1);
        }
        if (root == null || root.isMissingNode() || !root.isObject() || !FORMAT.equals(text(root.get("format")))) {
            throw new ImportProblem(null, "experiments.import.notAnExport");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()
                || version.intValue() != SCHEMA_VERSION) {
            throw new ImportProblem(null, "experiments.import.unknownVersion",
                    version == null ? "—" : version.toString(), SCHEMA_VERSION);
        }
        JsonNode list = root.get("experiments");
        if (list == null || !list.isArray()) {
            throw new ImportProblem(null, "experiments.import.wrongType.list", "experiments");
        }
        if (list.isEmpty() || list.size() > ExperimentLimits.IMPORT_MAX_EXPERIMENTS) {
            throw new ImportProblem(null, "experiments.import.count", list.size(),
                    ExperimentLimits.IMPORT_MAX_EXPERIMENTS);
        }
        List<ExperimentDraft> drafts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            drafts.add(draft(i + 1, list.get(i)));
        }
        return drafts;
    }

    private static ExperimentDraft draft(int n, JsonNode o) throws ImportProblem {
        if (!o.isObject()) {
            throw new ImportProblem(n, "experiments.import.wrongType.object", "experiments[" + (n - 1) + "]");
        }
        String lab = requiredText(n, o, "lab");
        String name = requiredText(n, o, "name");
        String notes = optionalText(n, o, "notes");
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = o.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            expect(n, tagNode.isArray(), "tags", "list");
            for (JsonNode t : tagNode) {
                expect(n, t.isTextual(), "tags", "textList");
                tags.add(t.textValue());
            }
        }
        JsonNode config = o.get("config");
        expectPresent(n, config, "config");
        expect(n, config.isObject(), "config", "object");
        int configVersion = requiredInt(n, o, "configVersion");
        JsonNode seed = o.get("seed");
        expectPresent(n, seed, "seed");
        expect(n, seed.isIntegralNumber() && seed.canConvertToLong(), "seed", "wholeNumber");
        List<Curve> curves = new ArrayList<>();
        JsonNode curveList = o.get("curves");
        if (curveList != null && !curveList.isNull()) {
            expect(n, curveList.isArray(), "curves", "list");
            if (curveList.size() > ExperimentLimits.CURVES_MAX) {
                throw new ImportProblem(n, "experiments.invalid.curveCount", curveList.size(),
                        ExperimentLimits.CURVES_MAX);
            }
            for (JsonNode c : curveList) {
                curves.add(curve(n, c));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonNode metricNode = o.get("finalMetrics");
        if (metricNode != null && !metricNode.isNull()) {
            expect(n, metricNode.isObject(), "finalMetrics", "object");
            Iterator<Map.Entry<String, JsonNode>> it = metricNode.fields();
            while (it.hasNext()) {
                var e = it.next();
                expect(n, e.getValue().isNumber(), "finalMetrics." + e.getKey(), "number");
                metrics.put(e.getKey(), e.getValue().doubleValue());
            }
        }
        JsonNode weights = o.get("weights");
        String weightsJson = weights == null || weights.isNull() ? null : write(weights);
        Picture picture = null;
        JsonNode p = o.get("picture");
        if (p != null && !p.isNull()) {
            expect(n, p.isObject(), "picture", "object");
            int cols = requiredInt(n, p, "cols");
            int rows = requiredInt(n, p, "rows");
            double min = requiredNumber(n, p, "min");
            double max = requiredNumber(n, p, "max");
            String values = requiredText(n, p, "values");
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(values);
            } catch (IllegalArgumentException e) {
                throw new ImportProblem(n, "experiments.import.wrongType.base64", "picture.values");
            }
            try {
                picture = new Picture(cols, rows, min, max, bytes);
            } catch (ExperimentValidationException e) {
                throw new ImportProblem(n, e.messageKey(), e.messageArgs());
            }
        }
        // whatever the file says about its figures, none of them was measured here
        return new ExperimentDraft(lab, name, notes, tags, write(config), configVersion, seed.longValue(), curves,
                metrics, weightsJson, picture, Provenance.IMPORTED);
    }

    private static Curve curve(int n, JsonNode c) throws ImportProblem {
        expect(n, c.isObject(), "curves", "objectList");
        String name = requiredText(n, c, "name");
        JsonNode x = c.get("x");
        JsonNode y = c.get("y");
        expectPresent(n, x, "curves.x");
        expectPresent(n, y, "curves.y");
        expect(n, x.isArray(), "curves.x", "list");
        expect(n, y.isArray(), "curves.y", "list");
        if (x.size() > ExperimentLimits.STORED_POINTS_MAX || y.size() > ExperimentLimits.STORED_POINTS_MAX) {
            throw new ImportProblem(n, "experiments.invalid.curvePoints", name, Math.max(x.size(), y.size()),
                    ExperimentLimits.STORED_POINTS_MAX);
        }
        double[] xs = new double[x.size()];
        for (int i = 0; i < xs.length; i++) {
            expect(n, x.get(i).isNumber(), "curves.x", "numberList");
            xs[i] = x.get(i).doubleValue();
        }
        double[] ys = new double[y.size()];
        for (int i = 0; i < ys.length; i++) {
            JsonNode v = y.get(i);
            expect(n, v.isNumber() || v.isNull(), "curves.y", "numberOrNullList");
            ys[i] = v.isNull() ? Double.NaN : v.doubleValue();
        }
        int recorded = xs.length;
        JsonNode rp = c.get("recordedPoints");
        if (rp != null && !rp.isNull()) {
            expect(n, rp.isIntegralNumber() && rp.canConvertToInt(), "curves.recordedPoints", "wholeNumber");
            recorded = rp.intValue();
        }
        try {
            return new Curve(name, xs, ys, recorded);
        } catch (ExperimentValidationException e) {
            throw new ImportProblem(n, e.messageKey(), e.messageArgs());
        }
    }

    private static void expectPresent(int n, JsonNode node, String field) throws ImportProblem {
        if (node == null || node.isNull()) {
            throw new ImportProblem(n, "experiments.import.missing", field);
        }
    }

    private static void expect(int n, boolean ok, String field, String type) throws ImportProblem {
        if (!ok) {
            throw new ImportProblem(n, "experiments.import.wrongType." + type, field);
        }
    }

    private static String requiredText(int n, JsonNode o, String field) throws ImportProblem {
        JsonNode v = o.get(field);
        expectPresent(n, v, field);
        expect(n, v.isTextual(), field, "text");
        return v.textValue();
    }

    private static String optionalText(int n, JsonNode o, String field) throws ImportProblem {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        expect(n, v.isTextual(), field, "text");
        return v.textValue();
    }

    private static int requiredInt(int n, JsonNode o, String field) throws ImportProblem {
        JsonNode v = o.get(field);
        expectPresent(n, v, field);
        expect(n, v.isIntegralNumber() && v.canConvertToInt(), field, "wholeNumber");
        return v.intValue();
    }

    private static double requiredNumber(int n, JsonNode o, String field) throws ImportProblem {
        JsonNode v = o.get(field);
        expectPresent(n, v, field);
        expect(n, v.isNumber(), field, "number");
        return v.doubleValue();
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
