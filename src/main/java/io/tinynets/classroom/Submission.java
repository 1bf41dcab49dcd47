package io.tinynets.classroom;

import java.time.Instant;

/**
 * A student's experiment handed in to an assignment, with the automatic goal check and the teacher's feedback.
 *
 * @param goalMet      the goal check: null when the assignment has no goal; true only when {@code goalVerified}
 * @param metricValue  the experiment's final figure the goal names, as saved (measured or not)
 * @param goalVerified true when the figures were measured by this server (a run trained here); otherwise the goal was
 *                     not checked and the submission shows "not verified"
 */
public record Submission(long id, long assignmentId, long experimentId, String experimentName, String student,
                         String studentName, Boolean goalMet, Double metricValue, String feedback,
                         Instant submittedAt, boolean goalVerified) {

    /** A goal the server could not check: the assignment has one, but the figures were not measured here. */
    public boolean goalUnverified() {
        return goalMet != null && !goalVerified;
    }
}
