package io.tinynets.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A saved experiment, complete: what {@link ExperimentDraft} held plus its id, owner and times. */
public record Experiment(long id, String owner, String lab, String name, String notes, List<String> tags,
                         String configJson, int configVersion, long seed, List<Curve> curves,
                         Map<String, Double> finalMetrics, String weightsJson, Picture picture, Instant createdAt,
                         Instant updatedAt) {

    public Experiment {
        tags = List.copyOf(tags);
        curves = List.copyOf(curves);
        finalMetrics = Map.copyOf(finalMetrics);
    }

    /** Back to a draft, e.g. to save a copy or to export it. */
    public ExperimentDraft toDraft() {
        return new ExperimentDraft(lab, name, notes, tags, configJson, configVersion, seed, curves, finalMetrics,
                weightsJson, picture);
    }

    public ExperimentSummary summary() {
        return new ExperimentSummary(id, lab, name, notes, tags, finalMetrics, createdAt, updatedAt);
    }
}
