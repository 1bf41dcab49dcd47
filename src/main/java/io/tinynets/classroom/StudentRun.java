package io.tinynets.classroom;

import io.tinynets.training.RunStatus;

import java.util.Optional;

/**
 * One line of the live dashboard: a student and, if they are training, their run's glance.
 *
 * @param onThisServer false when the run trains on another server instance of the school: its glance comes from
 *                     the shared database and it cannot be projected from here
 */
public record StudentRun(String username, String displayName, Optional<RunStatus> run, boolean onThisServer) {

    public StudentRun(String username, String displayName, Optional<RunStatus> run) {
        this(username, displayName, run, true);
    }
}
