package io.tinynets.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reading a lab's saved config JSON field by field, with a message that names the field and says what was wrong
 * whenever a value is missing, of the wrong type or unknown. Every lab's {@code <Lab>ConfigJson} uses these, so an
 * imported or hand-edited experiment is refused the same way everywhere.
 */
public final class ConfigJsonFields {

    private ConfigJsonFields() {
    }

    /** The field's node; refused when missing or null. */
    public static JsonNode field(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return n;
    }

    public static int integer(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + n);
        }
        return n.intValue();
    }

    /** A finite number (NaN and infinities are refused: no setting of a lab takes them). */
    public static double number(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + n);
        }
        return n.asDouble();
    }

    public static boolean bool(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false, was " + n);
        }
        return n.booleanValue();
    }

    public static String text(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isTextual()) {
            throw new IllegalArgumentException(name + " must be text, was " + n);
        }
        return n.textValue();
    }

    public static JsonNode array(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(name + " must be a JSON array");
        }
        return n;
    }

    /** A persisted key ("tanh", "adam"…) looked up with {@code fromKey}; refused when not text or unknown. */
    public static <T> T key(JsonNode node, String name, Function<String, Optional<T>> fromKey) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(name + " must be a key (text)");
        }
        return fromKey.apply(node.asText()).orElseThrow(() ->
                new IllegalArgumentException(name + " has the unknown key '" + node.asText() + "'"));
    }
}
