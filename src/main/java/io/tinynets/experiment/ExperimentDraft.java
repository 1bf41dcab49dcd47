package io.tinynets.experiment;

import io.tinynets.training.picture.Picture;

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
 * @param provenance    where the curves and figures come from: {@link Provenance#MEASURED} when this server trained
 *                      the run (what a lab hands over), {@link Provenance#IMPORTED} for a file
 */
public record ExperimentDraft(String lab, String name, String notes, List<String> tags, String configJson,
                              int configVersion, long seed, List<Curve> curves, Map<String, Double> finalMetrics,
                              String weightsJson, Picture picture, Provenance provenance) {

    public ExperimentDraft {
        notes = notes == null ? "" : notes;
        tags = tags == null ? List.of() : List.copyOf(tags);
        curves = curves == null ? List.of() : List.copyOf(curves);
        finalMetrics = finalMetrics == null ? Map.of() : Map.copyOf(finalMetrics);
        provenance = provenance == null ? Provenance.UNKNOWN : provenance;
    }

    /**
     * A run a lab trained live on this server from its settings and seed: its curves and figures are the server's
     * own measurements. A lab whose run started from weights it did not train says so with {@link #withProvenance}.
     */
    public ExperimentDraft(String lab, String name, String notes, List<String> tags, String configJson,
                           int configVersion, long seed, List<Curve> curves, Map<String, Double> finalMetrics,
                           String weightsJson, Picture picture) {
        this(lab, name, notes, tags, configJson, configVersion, seed, curves, finalMetrics, weightsJson, picture,
                Provenance.MEASURED);
    }

    /** The same run under the name, notes and tags the student typed in the save dialog. */
    public ExperimentDraft describedAs(String newName, String newNotes, List<String> newTags) {
        return new ExperimentDraft(lab, newName, newNotes, newTags, configJson, configVersion, seed, curves,
                finalMetrics, weightsJson, picture, provenance);
    }

    /** The same run with another origin (e.g. {@link Provenance#EDITED} when its weights were changed by hand). */
    public ExperimentDraft withProvenance(Provenance newProvenance) {
        return new ExperimentDraft(lab, name, notes, tags, configJson, configVersion, seed, curves, finalMetrics,
                weightsJson, picture, newProvenance);
    }
}
