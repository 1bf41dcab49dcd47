package io.tinynets.classroom;

import java.time.Instant;

/** A class of students run by one teacher; students join it with its join code. */
public record SchoolClass(long id, String name, long teacherId, String teacherName, String joinCode,
                          int memberCount, Instant createdAt) {
}
