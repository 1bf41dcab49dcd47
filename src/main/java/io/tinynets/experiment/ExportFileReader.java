package io.tinynets.experiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import io.tinynets.training.picture.Picture;

import io.tinynets.training.picture.PictureException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment export file token by token into drafts, never as one JSON tree: a tree of a 5 MB file of short
 * numbers takes tens of times its size, while these drafts hold each number once, as a double, the file's
 * configurations as slices of its text, and its weights (most of a large file) only as where they lie in the file
 * ({@link ImportedDraft}). Every size is checked as it is read (the experiments, curves, points,
 * tags and figures of the file, a configuration's and the weights' characters, a picture's values), so nothing past a
 * limit is kept, and the curves of a whole file hold at most {@link #MAX_CURVE_VALUES} numbers.
 *
 * <p>The answer is the same as reading the tree first: malformed JSON before anything else, then the file's format,
 * schema version and experiment count, then the first experiment at fault with its field.
 */
final class ExportFileReader {

    /**
     * Curve numbers a file may hold in all (327,680): as doubles, half the file's own limit in bytes, so a file of short
     * numbers ("0,0,0…") cannot turn 5 MB of text into 40 MB of doubles. An export of full-precision curves reaches
     * its 5 MB before this.
     */
    static final int MAX_CURVE_VALUES = ExperimentLimits.IMPORT_MAX_BYTES / (2 * Double.BYTES);
    /** The base64 text of the largest picture. */
    private static final int PICTURE_TEXT_MAX = 4 * ((ExperimentLimits.PICTURE_SIDE_MAX
            * ExperimentLimits.PICTURE_SIDE_MAX + 2) / 3);

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonParser p;
    private final byte[] bytes;
    private int curveValues;

    private ExportFileReader(JsonParser parser, byte[] bytes) {
        this.p = parser;
        this.bytes = bytes;
    }

    static List<ImportedDraft> read(byte[] bytes) throws ImportProblem {
        String format = null;
        Object version = null;
        boolean sawExperiments = false;
        boolean experimentsList = false;
        int count = 0;
        List<ImportedDraft> drafts = new ArrayList<>();
        ImportProblem first = null;
        boolean rootObject;
        try (JsonParser parser = JSON.createParser(bytes)) {
            ExportFileReader r = new ExportFileReader(parser, bytes);
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw new ImportProblem(null, "experiments.import.notAnExport");
            }
            rootObject = root == JsonToken.START_OBJECT;
            if (!rootObject) {
                parser.skipChildren();
            } else {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "format" -> format = value == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
                        case "schemaVersion" -> version = r.scalar();
                        case "experiments" -> {
                            sawExperiments = true;
                            experimentsList = value == JsonToken.START_ARRAY;
                            if (!experimentsList) {
                                parser.skipChildren();
                                continue;
                            }
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                count++;
                                if (first != null || count > ExperimentLimits.IMPORT_MAX_EXPERIMENTS) {
                                    // at fault already, or too many: only the count matters from here on
                                    parser.skipChildren();
                                    continue;
                                }
                                try {
                                    drafts.add(r.draft(count));
                                } catch (ImportProblem problem) {
                                    first = problem;
                                    r.skipRestOfExperiment();
                                }
                            }
                        }
                        default -> parser.skipChildren();
                    }
                }
            }
            if (parser.nextToken() != null) {
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
        if (!rootObject || !ExperimentJson.FORMAT.equals(format)) {
            throw new ImportProblem(null, "experiments.import.notAnExport");
        }
        if (!(version instanceof Long v) || v != ExperimentJson.SCHEMA_VERSION) {
            throw new ImportProblem(null, "experiments.import.unknownVersion",
                    version == null ? "—" : String.valueOf(version), ExperimentJson.SCHEMA_VERSION);
        }
        if (!sawExperiments || !experimentsList) {
            throw new ImportProblem(null, "experiments.import.wrongType.list", "experiments");
        }
        if (count == 0 || count > ExperimentLimits.IMPORT_MAX_EXPERIMENTS) {
            throw new ImportProblem(null, "experiments.import.count", count, ExperimentLimits.IMPORT_MAX_EXPERIMENTS);
        }
        if (first != null) {
            throw first;
        }
        return drafts;
    }

    private static String skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** A scalar's value as the message shows it (a whole number as a Long), or a marker for anything else. */
    private Object scalar() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (t.isScalarValue()) {
            String text = p.getText();
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
        p.skipChildren();
        return t == JsonToken.START_ARRAY ? "[…]" : "{…}";
    }

    /** After a problem inside an experiment: the parser moves to that experiment's end. */
    private void skipRestOfExperiment() throws IOException {
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        }
    }

    /** Open objects and lists inside the experiment being read (0 when it has been read whole). */
    private int depth;

    private ImportedDraft draft(int n) throws IOException, ImportProblem {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            depth = 0;
            p.skipChildren();
            throw new ImportProblem(n, "experiments.import.wrongType.object", "experiments[" + (n - 1) + "]");
        }
        depth = 1;
        String lab = null;
        String name = null;
        String notes = "";
        List<String> tags = new ArrayList<>();
        String config = null;
        Integer configVersion = null;
        Long seed = null;
        List<Curve> curves = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        long[] weights = null; // offset and length in the file
        Picture picture = null;
        while (next() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = next();
            switch (field) {
                case "lab" -> lab = text(n, field, false);
                case "name" -> name = text(n, field, false);
                case "notes" -> notes = t == JsonToken.VALUE_NULL ? "" : text(n, field, false);
                case "tags" -> tags = tags(n);
                case "config" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        throw new ImportProblem(n, "experiments.import.missing", "config");
                    }
                    expect(n, t == JsonToken.START_OBJECT, "config", "object");
                    config = slice(ExperimentLimits.CONFIG_MAX_CHARS, n, "experiments.invalid.configSize");
                }
                case "configVersion" -> configVersion = wholeInt(n, field);
                case "seed" -> seed = wholeLong(n, field);
                case "curves" -> curves = curves(n);
                case "finalMetrics" -> metrics = metrics(n);
                case "weights" -> weights = t == JsonToken.VALUE_NULL ? null
                        : where(ExperimentLimits.WEIGHTS_MAX_CHARS, n, "experiments.invalid.weightsSize");
                case "picture" -> picture = t == JsonToken.VALUE_NULL ? null : picture(n);
                default -> skipValue();
            }
        }
        depth = 0;
        required(n, lab, "lab");
        required(n, name, "name");
        required(n, config, "config");
        required(n, configVersion, "configVersion");
        required(n, seed, "seed");
        ExperimentDraft draft = new ExperimentDraft(lab, name, notes, tags, config, configVersion, seed, curves,
                metrics, null, picture, Provenance.IMPORTED);
        return weights == null ? ImportedDraft.withoutWeights(draft)
                : new ImportedDraft(draft, bytes, (int) weights[0], (int) weights[1]);
    }

    // ---- reading with the depth kept ---------------------------------------------------------------------------------

    private JsonToken next() throws IOException {
        JsonToken t = p.nextToken();
        if (t != null && t.isStructStart()) {
            depth++;
        } else if (t != null && t.isStructEnd()) {
            depth--;
        }
        return t;
    }

    private void skipValue() throws IOException {
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
            depth--;
        }
    }

    // ---- fields ------------------------------------------------------------------------------------------------

    private String text(int n, String field, boolean nullable) throws IOException, ImportProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL && !nullable) {
            throw new ImportProblem(n, "experiments.import.missing", field);
        }
        expect(n, t == JsonToken.VALUE_STRING, field, "text");
        return p.getText();
    }

    private Integer wholeInt(int n, String field) throws IOException, ImportProblem {
        Long v = wholeLong(n, field);
        expect(n, v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE, field, "wholeNumber");
        return v.intValue();
    }

    private Long wholeLong(int n, String field) throws IOException, ImportProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            throw new ImportProblem(n, "experiments.import.missing", field);
        }
        expect(n, t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER,
                field, "wholeNumber");
        return p.getLongValue();
    }

    private double number(int n, String field) throws IOException, ImportProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            throw new ImportProblem(n, "experiments.import.missing", field);
        }
        expect(n, t.isNumeric(), field, "number");
        return p.getDoubleValue();
    }

    private List<String> tags(int n) throws IOException, ImportProblem {
        List<String> tags = new ArrayList<>();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return tags;
        }
        expect(n, p.currentToken() == JsonToken.START_ARRAY, "tags", "list");
        while (next() != JsonToken.END_ARRAY) {
            expect(n, p.currentToken() == JsonToken.VALUE_STRING, "tags", "textList");
            if (tags.size() == 4 * ExperimentLimits.TAGS_MAX) {
                // repeated tags count once, but a list this long is refused before more is kept
                throw new ImportProblem(n, "experiments.invalid.tagCount", tags.size() + 1,
                        ExperimentLimits.TAGS_MAX);
            }
            tags.add(p.getText());
        }
        return tags;
    }

    private Map<String, Double> metrics(int n) throws IOException, ImportProblem {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return metrics;
        }
        expect(n, p.currentToken() == JsonToken.START_OBJECT, "finalMetrics", "object");
        while (next() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = next();
            expect(n, t.isNumeric(), "finalMetrics." + key, "number");
            if (metrics.size() == ExperimentLimits.METRICS_MAX) {
                throw new ImportProblem(n, "experiments.invalid.metricCount", metrics.size() + 1,
                        ExperimentLimits.METRICS_MAX);
            }
            metrics.put(key, p.getDoubleValue());
        }
        return metrics;
    }

    private List<Curve> curves(int n) throws IOException, ImportProblem {
        List<Curve> curves = new ArrayList<>();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return curves;
        }
        expect(n, p.currentToken() == JsonToken.START_ARRAY, "curves", "list");
        while (next() != JsonToken.END_ARRAY) {
            if (curves.size() == ExperimentLimits.CURVES_MAX) {
                throw new ImportProblem(n, "experiments.invalid.curveCount", curves.size() + 1,
                        ExperimentLimits.CURVES_MAX);
            }
            curves.add(curve(n));
        }
        return curves;
    }

    private Curve curve(int n) throws IOException, ImportProblem {
        expect(n, p.currentToken() == JsonToken.START_OBJECT, "curves", "objectList");
        String name = null;
        double[] x = null;
        double[] y = null;
        Integer recorded = null;
        while (next() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = next();
            switch (field) {
                case "name" -> name = text(n, "name", false);
                case "x" -> x = points(n, name, "curves.x", false);
                case "y" -> y = points(n, name, "curves.y", true);
                case "recordedPoints" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        expect(n, t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT,
                                "curves.recordedPoints", "wholeNumber");
                        recorded = p.getIntValue();
                    }
                }
                default -> skipValue();
            }
        }
        required(n, name, "name");
        required(n, x, "curves.x");
        required(n, y, "curves.y");
        try {
            return new Curve(name, x, y, recorded == null ? x.length : recorded);
        } catch (ExperimentValidationException e) {
            throw new ImportProblem(n, e.messageKey(), e.messageArgs());
        }
    }

    /** A list of numbers (or null for a gap, where allowed), at most {@link ExperimentLimits#STORED_POINTS_MAX}. */
    private double[] points(int n, String curve, String field, boolean gaps) throws IOException, ImportProblem {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            throw new ImportProblem(n, "experiments.import.missing", field);
        }
        expect(n, p.currentToken() == JsonToken.START_ARRAY, field, "list");
        double[] values = new double[64];
        int size = 0;
        while (next() != JsonToken.END_ARRAY) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL && gaps) {
                values = put(values, size++, Double.NaN, n, curve);
            } else {
                expect(n, t.isNumeric(), field, gaps ? "numberOrNullList" : "numberList");
                values = put(values, size++, p.getDoubleValue(), n, curve);
            }
        }
        return Arrays.copyOf(values, size);
    }

    private double[] put(double[] values, int at, double v, int n, String curve) throws ImportProblem {
        if (at >= ExperimentLimits.STORED_POINTS_MAX) {
            throw new ImportProblem(n, "experiments.invalid.curvePoints", curve == null ? "—" : curve, at + 1,
                    ExperimentLimits.STORED_POINTS_MAX);
        }
        if (++curveValues > MAX_CURVE_VALUES) {
            throw new ImportProblem(null, "experiments.import.tooManyValues", MAX_CURVE_VALUES);
        }
        double[] out = at < values.length ? values : Arrays.copyOf(values,
                Math.min(values.length * 2, ExperimentLimits.STORED_POINTS_MAX));
        out[at] = v;
        return out;
    }

    private Picture picture(int n) throws IOException, ImportProblem {
        expect(n, p.currentToken() == JsonToken.START_OBJECT, "picture", "object");
        Integer cols = null;
        Integer rows = null;
        Double min = null;
        Double max = null;
        String values = null;
        while (next() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            next();
            switch (field) {
                case "cols" -> cols = wholeInt(n, "cols");
                case "rows" -> rows = wholeInt(n, "rows");
                case "min" -> min = number(n, "min");
                case "max" -> max = number(n, "max");
                case "values" -> {
                    values = text(n, "values", false);
                    if (values.length() > PICTURE_TEXT_MAX) {
                        throw new ImportProblem(n, "experiments.invalid.pictureValues", values.length() * 3 / 4,
                                ExperimentLimits.PICTURE_SIDE_MAX * ExperimentLimits.PICTURE_SIDE_MAX);
                    }
                }
                default -> skipValue();
            }
        }
        required(n, cols, "cols");
        required(n, rows, "rows");
        required(n, min, "min");
        required(n, max, "max");
        required(n, values, "values");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(values);
        } catch (IllegalArgumentException e) {
            throw new ImportProblem(n, "experiments.import.wrongType.base64", "picture.values");
        }
        try {
            return new Picture(cols, rows, min, max, bytes);
        } catch (PictureException e) {
            throw new ImportProblem(n, e.messageKey(), e.messageArgs());
        }
    }

    /**
     * The current value exactly as the file holds it (a slice of its bytes, already checked to be well-formed JSON by
     * the parser), refused with {@code sizeKey} when it has more than {@code maxChars} characters. Nothing is built
     * from it but the one string.
     */
    private String slice(int maxChars, int n, String sizeKey) throws IOException, ImportProblem {
        long[] at = where(maxChars, n, sizeKey);
        return new String(bytes, (int) at[0], (int) at[1], StandardCharsets.UTF_8);
    }

    /**
     * Where the current value lies in the file, {offset, length} in bytes (already checked to be well-formed JSON by
     * the parser), refused with {@code sizeKey} when it has more than {@code maxChars} characters. Its characters are
     * counted on the bytes, so no text is made of it.
     */
    private long[] where(int maxChars, int n, String sizeKey) throws IOException, ImportProblem {
        long start = p.currentTokenLocation().getByteOffset();
        skipValue();
        long end = p.currentLocation().getByteOffset();
        if (start < 0 || end < start) {
            // no byte offsets: the parser decoded another encoding (UTF-16, UTF-32) than the UTF-8 of an export
            throw new ImportProblem(null, "experiments.import.unreadable");
        }
        long length = end - start;
        // UTF-8 has at least one byte per character: more than four per character is certainly too long
        if (length > 4L * maxChars) {
            throw new ImportProblem(n, sizeKey, length, maxChars);
        }
        long chars = utf16Length(bytes, (int) start, (int) length);
        if (chars > maxChars) {
            throw new ImportProblem(n, sizeKey, chars, maxChars);
        }
        return new long[] {start, length};
    }

    /**
     * The length in Java characters of these UTF-8 bytes: one per byte that starts a character, two for a character
     * of four bytes (a surrogate pair), as {@code new String(...).length()} counts well-formed UTF-8.
     */
    static long utf16Length(byte[] utf8, int offset, int length) {
        long chars = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = utf8[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                chars += b >= 0xF0 ? 2 : 1;
            }
        }
        return chars;
    }

    private static void expect(int n, boolean ok, String field, String type) throws ImportProblem {
        if (!ok) {
            throw new ImportProblem(n, "experiments.import.wrongType." + type, field);
        }
    }

    private static void required(int n, Object value, String field) throws ImportProblem {
        if (value == null) {
            throw new ImportProblem(n, "experiments.import.missing", field);
        }
    }
}
