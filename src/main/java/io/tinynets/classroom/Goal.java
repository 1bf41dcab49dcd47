package io.tinynets.classroom;

import java.util.Map;

/**
 * An assignment's goal, checked automatically on submission: a final metric below (or above) a value. The metric is
 * a name of the experiment's final figures: {@link #METRICS} are the ones every live lab records.
 */
public record Goal(String metric, boolean below, double value, java.util.Optional<Limit> limit) {

    /** The final figures the labs save: training loss, test loss (where the lab keeps test data) and accuracy. */
    public static final java.util.List<String> METRICS = java.util.List.of("loss", "test loss", "accuracy");

    public Goal {
        if (metric == null || !metric.matches("[a-zA-Z][a-zA-Z0-9_ ]{0,39}") || metric.endsWith(" ")) {
            throw new ClassroomException("classroom.assignment.invalidGoal");
        }
        if (!Double.isFinite(value)) {
            throw new ClassroomException("classroom.assignment.invalidGoal");
        }
        limit = limit == null ? java.util.Optional.empty() : limit;
    }

    /** A goal on a final figure alone, without a cap on a setting. */
    public Goal(String metric, boolean below, double value) {
        this(metric, below, value, java.util.Optional.empty());
    }

    /** Met when the figure is on the right side of the value and the setting, if capped, is within its limit. */
    public boolean metBy(Double actual, String configJson) {
        return metBy(actual) && limit.map(l -> l.keptBy(configJson)).orElse(true);
    }

    /** The metric's value, or null when the experiment has no such final figure (then the goal is not met). */
    public Double valueIn(Map<String, Double> finalMetrics) {
        return finalMetrics == null ? null : finalMetrics.get(metric);
    }

    public boolean metBy(Double actual) {
        return actual != null && Double.isFinite(actual) && (below ? actual <= value : actual >= value);
    }
}
