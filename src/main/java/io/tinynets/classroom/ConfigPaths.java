package io.tinynets.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lab configuration (JSON) as paths and values ("optimizer.lr" → "0.1", "layers[1].units" → "8"): the controls an
 * assignment locks or unlocks. Numbers compare by value (0.10 = 0.1).
 */
final class ConfigPaths {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigPaths() {
    }

    static Map<String, String> of(String configJson) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            flatten("", JSON.readTree(configJson == null ? "{}" : configJson), out);
        } catch (java.io.IOException e) {
            throw new ClassroomException("classroom.assignment.badConfig");
        }
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            // an array (layer list) is one control: its length and contents change together
            out.put(path, node.toString());
        } else {
            out.put(path.isEmpty() ? "config" : path, node.isNumber() ? (node.isIntegralNumber()
                    ? node.bigIntegerValue().toString() : node.decimalValue().stripTrailingZeros().toPlainString())
                    : node.asText());
        }
    }
}
