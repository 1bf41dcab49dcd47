package io.tinynets.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the compare view shows: the experiments (with their curves) and only the configuration fields that differ.
 * Nested JSON is flattened to paths ("optimizer.lr", "layers[1].units"); lab, seed and config version count as
 * fields too, since they change the curve just as much.
 */
public record Comparison(List<Experiment> experiments, List<ConfigDifference> differences) {

    public Comparison {
        experiments = List.copyOf(experiments);
        differences = List.copyOf(differences);
    }

    /** Curve names present in at least one experiment, in first-seen order. */
    public List<String> curveNames() {
        Set<String> names = new LinkedHashSet<>();
        experiments.forEach(e -> e.curves().forEach(c -> names.add(c.name())));
        return List.copyOf(names);
    }

    public static Comparison of(List<Experiment> experiments) {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        for (Experiment e : experiments) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("lab", e.lab());
            f.put("seed", Long.toString(e.seed()));
            f.put("configVersion", Integer.toString(e.configVersion()));
            flatten("", ExperimentJson.parseOrNull(e.configJson()), f);
            flat.add(f);
            fields.addAll(f.keySet());
        }
        List<ConfigDifference> differences = new ArrayList<>();
        for (String field : fields) {
            List<String> values = flat.stream().map(f -> f.getOrDefault(field, ConfigDifference.ABSENT)).toList();
            if (values.stream().distinct().count() > 1) {
                differences.add(new ConfigDifference(field, values));
            }
        }
        return new Comparison(experiments, differences);
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
            if (node.isEmpty()) {
                out.put(path, "[]");
            }
        } else {
            out.put(path.isEmpty() ? "config" : path, node.isNumber() ? numberText(node) : node.asText());
        }
    }

    /** 0.10 and 0.1 are the same learning rate. */
    private static String numberText(JsonNode n) {
        return n.isIntegralNumber() ? n.bigIntegerValue().toString()
                : n.decimalValue().stripTrailingZeros().toPlainString();
    }
}
