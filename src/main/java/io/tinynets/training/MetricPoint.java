package io.tinynets.training;

import java.util.OptionalDouble;

/** One point of a run's curves: the metrics of epoch {@code epoch} (the first epoch is 1). */
public record MetricPoint(long epoch, double trainLoss, OptionalDouble testLoss, OptionalDouble accuracy) {
}
