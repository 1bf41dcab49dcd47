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

import io.tinynets.training.picture.Picture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
 * Non-finite curve values are written as null. Reading ({@link ExportFileReader}) checks every field's type and leaves
 * ranges to {@link DraftValidator}, so an import and a save accept exactly the same experiments.
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

    /**
     * Reads an export file into drafts, checking the format, the schema version and every field's type, token by token
     * ({@link ExportFileReader}): never a tree of the whole file.
     */
    static List<ImportedDraft> read(byte[] bytes) throws ImportProblem {
        if (bytes.length > ExperimentLimits.IMPORT_MAX_BYTES) {
            throw new ImportProblem(null, "experiments.import.tooLarge",
                    String.format(java.util.Locale.ROOT, "%.1f", bytes.length / 1048576.0), 5);
        }
        return ExportFileReader.read(bytes);
    }

    /** True when the text is one well-formed JSON value, checked token by token (no tree is built). */
    static boolean isJson(String json) {
        if (json == null) {
            return false;
        }
        // through a reader: parsing a String directly would first copy all of it into one char array
        try (JsonParser parser = MAPPER.createParser(new java.io.StringReader(json))) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
