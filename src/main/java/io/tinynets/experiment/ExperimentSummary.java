package io.tinynets.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of the experiments list: no curves or weights. */
public record ExperimentSummary(long id, String lab, String name, String notes, List<String> tags,
                                Map<String, Double> finalMetrics, Instant createdAt, Instant updatedAt) {

    public static final String LOSS = "loss";
    public static final String ACCURACY = "accuracy";

    public ExperimentSummary {
        tags = List.copyOf(tags);
        finalMetrics = Map.copyOf(finalMetrics);
    }

    /** The final loss, or null when the lab reported none. */
    public Double finalLoss() {
        return finalMetrics.get(LOSS);
    }

    /** The final accuracy in [0, 1], or null when the lab reported none (e.g. regression). */
    public Double finalAccuracy() {
        return finalMetrics.get(ACCURACY);
    }
}
