package io.tinynets.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a draft against {@link ExperimentLimits} and returns it normalized (trimmed name and tags, duplicate tags
 * dropped, long curves downsampled). The one gate for both saving and importing.
 */
final class DraftValidator {

    private static final Pattern LAB = Pattern.compile("[a-z][a-z0-9-]{0," + (ExperimentLimits.LAB_MAX - 1) + "}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t]");

    private DraftValidator() {
    }

    static ExperimentDraft validate(ExperimentDraft d) {
        if (d == null) {
            throw new ExperimentValidationException("experiments.invalid.draft");
        }
        String lab = d.lab();
        if (lab == null || !LAB.matcher(lab).matches()) {
            throw new ExperimentValidationException("experiments.invalid.lab", String.valueOf(lab),
                    ExperimentLimits.LAB_MAX);
        }
        String name = name(d.name());
        String notes = notes(d.notes());
        List<String> tags = tags(d.tags());
        String config = config(d.configJson());
        if (d.configVersion() < 1 || d.configVersion() > ExperimentLimits.CONFIG_VERSION_MAX) {
            throw new ExperimentValidationException("experiments.invalid.configVersion", d.configVersion(),
                    ExperimentLimits.CONFIG_VERSION_MAX);
        }
        List<Curve> curves = curves(d.curves());
        Map<String, Double> metrics = metrics(d.finalMetrics());
        String weights = d.weightsJson();
        if (weights != null) {
            if (weights.length() > ExperimentLimits.WEIGHTS_MAX_CHARS) {
                throw new ExperimentValidationException("experiments.invalid.weightsSize", weights.length(),
                        ExperimentLimits.WEIGHTS_MAX_CHARS);
            }
            if (!ExperimentJson.isJson(weights)) {
                throw new ExperimentValidationException("experiments.invalid.weightsJson");
            }
        }
        return new ExperimentDraft(lab, name, notes, tags, config, d.configVersion(), d.seed(), curves, metrics,
                weights, d.picture(), d.provenance());
    }

    static String name(String raw) {
        String name = raw == null ? "" : LINE_BREAK.matcher(raw).replaceAll(" ").strip();
        if (name.isEmpty() || name.length() > ExperimentLimits.NAME_MAX || CONTROL.matcher(name).find()) {
            throw new ExperimentValidationException("experiments.invalid.name", ExperimentLimits.NAME_MAX);
        }
        return name;
    }

    static String notes(String raw) {
        String notes = raw == null ? "" : raw.strip();
        if (notes.length() > ExperimentLimits.NOTES_MAX || CONTROL.matcher(notes).find()) {
            throw new ExperimentValidationException("experiments.invalid.notes", notes.length(),
                    ExperimentLimits.NOTES_MAX);
        }
        return notes;
    }

    static List<String> tags(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : raw == null ? List.<String>of() : raw) {
            String tag = t == null ? "" : t.strip();
            if (tag.isEmpty() || tag.length() > ExperimentLimits.TAG_MAX || tag.contains(",")
                    || CONTROL.matcher(tag).find() || LINE_BREAK.matcher(tag).find()) {
                throw new ExperimentValidationException("experiments.invalid.tag", String.valueOf(t),
                        ExperimentLimits.TAG_MAX);
            }
            tags.add(tag);
        }
        if (tags.size() > ExperimentLimits.TAGS_MAX) {
            throw new ExperimentValidationException("experiments.invalid.tagCount", tags.size(),
                    ExperimentLimits.TAGS_MAX);
        }
        return new ArrayList<>(tags);
    }

    private static String config(String json) {
        if (json == null || json.length() > ExperimentLimits.CONFIG_MAX_CHARS) {
            throw new ExperimentValidationException("experiments.invalid.configSize",
                    json == null ? 0 : json.length(), ExperimentLimits.CONFIG_MAX_CHARS);
        }
        JsonNode node = ExperimentJson.parseOrNull(json);
        if (node == null || !node.isObject()) {
            throw new ExperimentValidationException("experiments.invalid.configJson");
        }
        return json;
    }

    private static List<Curve> curves(List<Curve> curves) {
        if (curves.size() > ExperimentLimits.CURVES_MAX) {
            throw new ExperimentValidationException("experiments.invalid.curveCount", curves.size(),
                    ExperimentLimits.CURVES_MAX);
        }
        Set<String> names = new HashSet<>();
        List<Curve> out = new ArrayList<>();
        for (Curve c : curves) {
            if (c == null || c.name().isBlank() || c.name().length() > ExperimentLimits.CURVE_NAME_MAX
                    || !names.add(c.name())) {
                throw new ExperimentValidationException("experiments.invalid.curveName",
                        c == null ? "null" : c.name(), ExperimentLimits.CURVE_NAME_MAX);
            }
            if (c.recordedPoints() > ExperimentLimits.CURVE_POINTS_MAX) {
                throw new ExperimentValidationException("experiments.invalid.curvePoints", c.name(),
                        c.recordedPoints(), ExperimentLimits.CURVE_POINTS_MAX);
            }
            for (double x : c.x()) {
                if (!Double.isFinite(x)) {
                    throw new ExperimentValidationException("experiments.invalid.curveX", c.name());
                }
            }
            out.add(CurveDownsampler.downsample(c, ExperimentLimits.STORED_POINTS_MAX, ExperimentLimits.RAW_TAIL));
        }
        return out;
    }

    private static Map<String, Double> metrics(Map<String, Double> metrics) {
        if (metrics.size() > ExperimentLimits.METRICS_MAX) {
            throw new ExperimentValidationException("experiments.invalid.metricCount", metrics.size(),
                    ExperimentLimits.METRICS_MAX);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : metrics.entrySet()) {
            String key = e.getKey();
            if (key.isBlank() || key.length() > ExperimentLimits.CURVE_NAME_MAX || e.getValue() == null
                    || !Double.isFinite(e.getValue())) {
                throw new ExperimentValidationException("experiments.invalid.metric", key);
            }
            out.put(key, e.getValue());
        }
        return out;
    }
}
