package io.tinynets.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A cap on one setting in an assignment's goal, such as "at most 2 hidden layers": the config path ("hidden") and
 * the largest allowed value. A number setting is compared by its value, a list (the layers) by its length, so the
 * student may explore the architecture within the cap while the goal still says what counts.
 */
public record Limit(String path, double max) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Limit {
        if (path == null || !path.matches("[a-zA-Z][a-zA-Z0-9_]{0,59}(\\.[a-zA-Z][a-zA-Z0-9_]{0,59}){0,4}")
                || !Double.isFinite(max)) {
            throw new ClassroomException("classroom.assignment.invalidLimit");
        }
    }

    /** The setting's measure in a configuration: a number's value, a list's length; null when it has neither. */
    public static Double measure(String configJson, String path) {
        JsonNode node;
        try {
            node = JSON.readTree(configJson == null ? "{}" : configJson);
        } catch (java.io.IOException e) {
            return null;
        }
        for (String segment : path.split("\\.")) {
            node = node == null ? null : node.get(segment);
        }
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return (double) node.size();
        }
        return node.isNumber() ? node.asDouble() : null;
    }

    /** The setting's measure in this configuration, or null. */
    public Double valueIn(String configJson) {
        return measure(configJson, path);
    }

    /** Kept when the setting is there and at most {@link #max}. */
    public boolean keptBy(String configJson) {
        Double v = valueIn(configJson);
        return v != null && v <= max;
    }
}
