package io.tinynets.classroom;

import java.time.Instant;

/** A student's experiment handed in to an assignment, with the automatic goal check and the teacher's feedback. */
public record Submission(long id, long assignmentId, long experimentId, String experimentName, String student,
                         String studentName, Boolean goalMet, Double metricValue, String feedback,
                         Instant submittedAt) {
}
