package io.tinynets.experiment;

import java.util.List;
import java.util.Map;

/**
 * What a lab hands over to save a run, independent of the lab: everything needed to reopen it exactly.
 *
 * @param lab           the lab's key, equal to its route path ("playground", "descent"…)
 * @param name          shown in the list; rendered as text, never HTML
 * @param notes         free text, may be empty
 * @param tags          short labels for filtering
 * @param configJson    the lab's configuration as a JSON object, in the lab's own versioned schema
 * @param configVersion the version of that schema, so a lab can read older experiments
 * @param seed          the seed the run started from: same config + seed replays the same curve
 * @param curves        the complete metric curves (downsampled on save if very long)
 * @param finalMetrics  final figures by name; "loss" and "accuracy" are shown in the list when present
 * @param weightsJson   the trained weights as JSON (e.g. {@code engine.io.ModelJson}), may be null
 * @param picture       the lab's picture of the result (decision boundary…), may be null
 */
public record ExperimentDraft(String lab, String name, String notes, List<String> tags, String configJson,
                              int configVersion, long seed, List<Curve> curves, Map<String, Double> finalMetrics,
                              String weightsJson, Picture picture) {

    public ExperimentDraft {
        notes = notes == null ? "" : notes;
        tags = tags == null ? List.of() : List.copyOf(tags);
        curves = curves == null ? List.of() : List.copyOf(curves);
        finalMetrics = finalMetrics == null ? Map.of() : Map.copyOf(finalMetrics);
    }

    /** The same run under the name, notes and tags the student typed in the save dialog. */
    public ExperimentDraft describedAs(String newName, String newNotes, List<String> newTags) {
        return new ExperimentDraft(lab, newName, newNotes, newTags, configJson, configVersion, seed, curves,
                finalMetrics, weightsJson, picture);
    }
}
