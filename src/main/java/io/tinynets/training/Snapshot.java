package io.tinynets.training;

import java.util.List;
import java.util.Optional;

/**
 * What a subscriber receives about a run, at most about ten times a second.
 *
 * @param newPoints    every metric point since the previous snapshot delivered to this subscriber, oldest first
 *                     (so the curves are complete however fast the run trains)
 * @param fromStart    true when {@code newPoints} start at the run's first epoch and replace whatever the
 *                     subscriber drew before: its first snapshot, and the first one after a reset
 * @param internals    the lab's internals as of {@code epoch}; null only if the trainer never produced any
 * @param message      why the run ended or paused (diverged, failed, finished, idle), to resolve with getTranslation
 * @param createdNanos {@link System#nanoTime()} when the snapshot was taken, to measure delivery latency
 */
public record Snapshot<I>(String runId, RunState state, long epoch, List<MetricPoint> newPoints, boolean fromStart,
                          I internals, Optional<Advice> message, long createdNanos) {

    public Snapshot {
        newPoints = List.copyOf(newPoints);
    }
}
