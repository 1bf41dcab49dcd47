package io.tinynets.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinynets.experiment.ExperimentValidationException;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading a lab's saved config JSON field by field, strictly: every field this lab writes must be there with its type
 * and within its range, and no other field may be. Each refusal is an {@link ExperimentValidationException} whose
 * message key ({@code experiments.config.*}) names the field by its path ("customData.classes") and says what was
 * wrong, in the user's language. Every lab's {@code <Lab>ConfigJson} reads through this, so an imported, hand-edited
 * or stored experiment is refused the same way everywhere and before anything is built from it.
 *
 * <pre>{@code
 * ConfigJsonFields root = ConfigJsonFields.root(json, VERSION, Set.of("version", "points", …), Set.of("customData"));
 * int points = root.intIn("points", MIN_POINTS, MAX_POINTS);
 * }</pre>
 */
public final class ConfigJsonFields {

    /** Longest value echoed back in a message: a refusal never repeats a huge field. */
    private static final int ECHO_MAX = 40;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;
    private final String prefix;

    private ConfigJsonFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /**
     * Parses a lab's config: it must be a JSON object with exactly the {@code required} fields (plus any of the
     * {@code optional} ones), and {@code "version"} (always required) and {@code configVersion} (the experiment's
     * column) must both equal {@code version}.
     */
    public static ConfigJsonFields root(String json, int configVersion, int version, Set<String> required,
                                        Set<String> optional) {
        if (configVersion != version) {
            throw problem("experiments.config.version", configVersion, version);
        }
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw problem("experiments.config.json");
        }
        if (root == null || !root.isObject()) {
            throw problem("experiments.config.json");
        }
        ConfigJsonFields fields = new ConfigJsonFields(root, "");
        Set<String> all = new LinkedHashSet<>(required);
        all.add("version");
        fields.exactly(all, optional);
        long v = fields.longIn("version", Long.MIN_VALUE, Long.MAX_VALUE);
        if (v != version) {
            throw problem("experiments.config.version", v, version);
        }
        return fields;
    }

    /** The nested object {@code name}, with exactly these fields. */
    public ConfigJsonFields object(String name, Set<String> required, Set<String> optional) {
        JsonNode n = present(name);
        if (!n.isObject()) {
            throw problem("experiments.config.object", path(name));
        }
        ConfigJsonFields fields = new ConfigJsonFields(n, path(name) + ".");
        fields.exactly(required, optional);
        return fields;
    }

    /** True when the optional field is there (and not null). */
    public boolean has(String name) {
        JsonNode n = node.get(name);
        return n != null && !n.isNull();
    }

    /** A whole number in [min, max]. */
    public int intIn(String name, int min, int max) {
        return (int) longIn(name, min, max);
    }

    /** A whole number in [min, max]. */
    public long longIn(String name, long min, long max) {
        JsonNode n = present(name);
        if (!n.isNumber() || !n.isIntegralNumber()) {
            throw problem("experiments.config.wholeNumber", path(name));
        }
        if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            throw problem("experiments.config.range", path(name), plain(min), plain(max), echo(n));
        }
        return n.longValue();
    }

    /** A finite number in [min, max]. */
    public double numberIn(String name, double min, double max) {
        double v = finite(name);
        if (v < min || v > max) {
            throw problem("experiments.config.range", path(name), plain(min), plain(max), echo(present(name)));
        }
        return v;
    }

    /** A finite number above {@code min} (not equal to it) and at most {@code max}. */
    public double numberAbove(String name, double min, double max) {
        double v = finite(name);
        if (v <= min || v > max) {
            throw problem("experiments.config.rangeAbove", path(name), plain(min), plain(max), echo(present(name)));
        }
        return v;
    }

    /** A finite number at least {@code min} and below {@code max} (not equal to it). */
    public double numberBelow(String name, double min, double max) {
        double v = finite(name);
        if (v < min || v >= max) {
            throw problem("experiments.config.rangeBelow", path(name), plain(min), plain(max), echo(present(name)));
        }
        return v;
    }

    public boolean bool(String name) {
        JsonNode n = present(name);
        if (!n.isBoolean()) {
            throw problem("experiments.config.bool", path(name));
        }
        return n.booleanValue();
    }

    /** Text of at most {@code maxLength} characters. */
    public String text(String name, int maxLength) {
        JsonNode n = present(name);
        if (!n.isTextual()) {
            throw problem("experiments.config.text", path(name));
        }
        if (n.textValue().length() > maxLength) {
            throw problem("experiments.config.textSize", path(name), n.textValue().length(), 0, maxLength);
        }
        return n.textValue();
    }

    /** A persisted key ("tanh", "adam"…) looked up with {@code fromKey}; refused when not text or unknown. */
    public <T> T key(String name, Function<String, Optional<T>> fromKey) {
        return key(present(name), path(name), fromKey);
    }

    /** A list of {@code min} to {@code max} elements. */
    public List<JsonNode> list(String name, int min, int max) {
        JsonNode n = present(name);
        if (!n.isArray()) {
            throw problem("experiments.config.list", path(name));
        }
        if (n.size() < min || n.size() > max) {
            throw problem("experiments.config.listSize", path(name), min, max, n.size());
        }
        List<JsonNode> out = new java.util.ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }

    /** A list of keys, each looked up with {@code fromKey}, none repeated. */
    public <T> List<T> keys(String name, int min, int max, Function<String, Optional<T>> fromKey) {
        List<T> out = new java.util.ArrayList<>();
        List<JsonNode> items = list(name, min, max);
        for (int i = 0; i < items.size(); i++) {
            T value = key(items.get(i), path(name) + "[" + i + "]", fromKey);
            if (out.contains(value)) {
                throw problem("experiments.config.repeated", path(name), echo(items.get(i)));
            }
            out.add(value);
        }
        return out;
    }

    /** A list of whole numbers, each in [min, max]. */
    public int[] ints(String name, int minSize, int maxSize, int min, int max) {
        List<JsonNode> items = list(name, minSize, maxSize);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = items.get(i);
            String at = path(name) + "[" + i + "]";
            if (!n.isNumber() || !n.isIntegralNumber()) {
                throw problem("experiments.config.wholeNumber", at);
            }
            if (!n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
                throw problem("experiments.config.range", at, plain(min), plain(max), echo(n));
            }
            out[i] = n.intValue();
        }
        return out;
    }

    /** The full path of a field of this object, for messages. */
    public String path(String name) {
        return prefix + name;
    }

    /** A refusal with a message key of the {@code experiments} section (see {@code messages_en.properties}). */
    public static ExperimentValidationException problem(String key, Object... args) {
        return new ExperimentValidationException(key, args);
    }

    /** A bound as a message shows it: 0.00001 rather than 1.0E-5 or a rounded 0, 10 rather than 10.0. */
    public static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public static String plain(long v) {
        return Long.toString(v);
    }

    /** A value as it may appear in a message: short, whatever the field held. */
    public static String echo(JsonNode n) {
        String text = n == null ? "null" : n.isTextual() ? n.textValue() : n.toString();
        return text.length() <= ECHO_MAX ? text : text.substring(0, ECHO_MAX) + "…";
    }

    /** A key held by a list element or another node that is not a named field; {@code path} names it in messages. */
    public static <T> T key(JsonNode n, String path, Function<String, Optional<T>> fromKey) {
        if (n == null || !n.isTextual()) {
            throw problem("experiments.config.text", path);
        }
        return fromKey.apply(n.textValue()).orElseThrow(() -> problem("experiments.config.key", path, echo(n)));
    }

    private double finite(String name) {
        JsonNode n = present(name);
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw problem("experiments.config.number", path(name));
        }
        return n.doubleValue();
    }

    private JsonNode present(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            throw problem("experiments.config.missing", path(name));
        }
        return n;
    }

    private void exactly(Set<String> required, Set<String> optional) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!required.contains(name) && !optional.contains(name)) {
                throw problem("experiments.config.unknownField", echoName(path(name)));
            }
        }
        for (String name : required) {
            present(name);
        }
    }

    private static String echoName(String name) {
        return name.length() <= ECHO_MAX ? name : name.substring(0, ECHO_MAX) + "…";
    }
}
