package io.tinynets.training;

import java.time.Duration;

/**
 * How long runs held a training worker, one task (a slice) at a time: the runtime's promise is that no run keeps a
 * worker much longer than one slice plus one piece of work, whatever its lab and size.
 *
 * @param tasks       tasks run since the service started or the statistics were last reset
 * @param longestWall the longest wall-clock time one task held a worker (includes time the OS preempted it)
 * @param longestCpu  the longest CPU time one task used
 * @param longestLab  the lab of the run that held a worker longest (wall clock), empty if none
 */
public record WorkerHolds(long tasks, Duration longestWall, Duration longestCpu, String longestLab) {
}
