package io.tinynets.training;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Builds a lab's trainer from a seed, and says beforehand what it will build ({@link #plan()}) so the service can
 * check its limits first. The same seed must give the same start (weights, data order), which is what makes reset
 * reproducible. {@link #create} runs on a training worker, never on the request thread; it should only allocate
 * and initialize, and leave long work (a continued run's fast-forward) to {@link Trainer#prepare()}.
 */
public interface TrainerFactory<I> {

    /** Computed from the configuration without building anything; must match what {@link #create} builds. */
    TrainerPlan plan();

    /**
     * Checks what the plan cannot promise, e.g. that saved weights fit the network, without building the trainer;
     * throws an {@link IllegalArgumentException} naming what is wrong. The service calls it on the caller's thread
     * once the limits have passed, so the caller hears of it at once instead of from a failed run. Default: nothing
     * to check.
     */
    default void check() {
    }

    Trainer<I> create(long seed);

    /** A factory from a plan and a build function. */
    static <I> TrainerFactory<I> of(TrainerPlan plan, LongFunction<? extends Trainer<I>> build) {
        return of(plan, () -> { }, build);
    }

    /** A factory from a plan, a check (see {@link #check()}) and a build function. */
    static <I> TrainerFactory<I> of(TrainerPlan plan, Runnable check, LongFunction<? extends Trainer<I>> build) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(build, "build");
        return new TrainerFactory<>() {
            @Override
            public TrainerPlan plan() {
                return plan;
            }

            @Override
            public void check() {
                check.run();
            }

            @Override
            public Trainer<I> create(long seed) {
                return build.apply(seed);
            }
        };
    }
}
