package io.tinynets.classroom;

import io.tinynets.training.RunStatus;

import java.util.Optional;

/** One line of the live dashboard: a student and, if they are training, their run's glance. */
public record StudentRun(String username, String displayName, Optional<RunStatus> run) {
}
