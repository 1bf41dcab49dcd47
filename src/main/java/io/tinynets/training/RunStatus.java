package io.tinynets.training;

import java.util.OptionalDouble;

/**
 * A read-only glance at a run for a teacher's dashboard: whose, which lab, its state and its latest figures. Carries
 * no handle to control the run.
 */
public record RunStatus(String runId, String ownerId, String labKey, RunState state, long epoch,
                        OptionalDouble trainLoss, OptionalDouble accuracy) {
}
