package io.tinynets.base.ui.frame;

import io.tinynets.training.TrainingRun;

/**
 * The current run of a lab as far as it can be saved: the configuration it was built from (with the live values in
 * effect now), the run (for its seed and its synchronized history) and the latest internals the view drew, an
 * immutable capture whose epoch is where saved curves and weights stop. The live trainer is never touched.
 */
public record LabRun<C, I>(C config, TrainingRun<I> run, I internals, long epoch) {
}
