package io.tinynets.classroom;

import io.tinynets.training.RunStatus;

import java.util.Optional;

/**
 * One line of the live dashboard: a student and, if they are training, their current run's glance.
 *
 * @param onThisServer false when the run trains on another server instance of the school: its glance comes from
 *                     the shared database and it cannot be projected from here
 * @param otherRuns    how many more runs the student has open at the same time (a second tab), folded into this
 *                     line: the dashboard shows one line per student
 */
public record StudentRun(String username, String displayName, Optional<RunStatus> run, boolean onThisServer,
                         int otherRuns) {

    public StudentRun(String username, String displayName, Optional<RunStatus> run, boolean onThisServer) {
        this(username, displayName, run, onThisServer, 0);
    }

    public StudentRun(String username, String displayName, Optional<RunStatus> run) {
        this(username, displayName, run, true, 0);
    }
}
