package io.tinynets.experiment;

import io.tinynets.training.picture.Picture;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved experiment, complete: what {@link ExperimentDraft} held plus its id, owner and times.
 *
 * @param provenance where its figures come from; only {@link Provenance#MEASURED} ones count for an assignment's goal
 */
public record Experiment(long id, String owner, String lab, String name, String notes, List<String> tags,
                         String configJson, int configVersion, long seed, List<Curve> curves,
                         Map<String, Double> finalMetrics, String weightsJson, Picture picture, Instant createdAt,
                         Instant updatedAt, Provenance provenance) {

    public Experiment {
        tags = List.copyOf(tags);
        curves = List.copyOf(curves);
        finalMetrics = Map.copyOf(finalMetrics);
        provenance = provenance == null ? Provenance.UNKNOWN : provenance;
    }

    /** An experiment nobody recorded the origin of (a configuration put into a lab, a test's fixture). */
    public Experiment(long id, String owner, String lab, String name, String notes, List<String> tags,
                      String configJson, int configVersion, long seed, List<Curve> curves,
                      Map<String, Double> finalMetrics, String weightsJson, Picture picture, Instant createdAt,
                      Instant updatedAt) {
        this(id, owner, lab, name, notes, tags, configJson, configVersion, seed, curves, finalMetrics, weightsJson,
                picture, createdAt, updatedAt, Provenance.UNKNOWN);
    }

    /** Back to a draft, e.g. to save a copy or to export it; it keeps its provenance. */
    public ExperimentDraft toDraft() {
        return new ExperimentDraft(lab, name, notes, tags, configJson, configVersion, seed, curves, finalMetrics,
                weightsJson, picture, provenance);
    }

    public ExperimentSummary summary() {
        return new ExperimentSummary(id, lab, name, notes, tags, finalMetrics, createdAt, updatedAt);
    }
}
