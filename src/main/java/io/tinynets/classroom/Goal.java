package io.tinynets.classroom;

import java.util.Map;

/** An assignment's goal, checked automatically on submission: a final metric below (or above) a value. */
public record Goal(String metric, boolean below, double value) {

    public Goal {
        if (metric == null || !metric.matches("[a-zA-Z][a-zA-Z0-9_]{0,39}")) {
            throw new ClassroomException("classroom.assignment.invalidGoal");
        }
        if (!Double.isFinite(value)) {
            throw new ClassroomException("classroom.assignment.invalidGoal");
        }
    }

    /** The metric's value, or null when the experiment has no such final figure (then the goal is not met). */
    public Double valueIn(Map<String, Double> finalMetrics) {
        return finalMetrics == null ? null : finalMetrics.get(metric);
    }

    public boolean metBy(Double actual) {
        return actual != null && Double.isFinite(actual) && (below ? actual <= value : actual >= value);
    }
}
