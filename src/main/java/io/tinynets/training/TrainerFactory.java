package io.tinynets.training;

/**
 * Builds a lab's trainer from a seed. The same seed must give the same start (weights, data order), which is what
 * makes reset reproducible.
 */
@FunctionalInterface
public interface TrainerFactory<I> {
    Trainer<I> create(long seed);
}
