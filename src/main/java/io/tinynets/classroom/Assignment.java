package io.tinynets.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A teacher's lab configuration for a class, with instructions, the controls students may change and a goal. */
public record Assignment(long id, long classId, String title, String instructions, String lab, String configJson,
                         int configVersion, List<String> unlocked, Optional<Goal> goal, Instant createdAt) {
}
