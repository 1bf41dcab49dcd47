package io.tinynets.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A teacher's lab configuration for a class, with instructions, the controls students may change and a goal.
 *
 * @param seed the run seed of the experiment it was made from: opening the assignment starts from that run (empty for
 *             an assignment made before seeds were kept)
 */
public record Assignment(long id, long classId, String title, String instructions, String lab, String configJson,
                         int configVersion, OptionalLong seed, List<String> unlocked, Optional<Goal> goal,
                         Instant createdAt) {

    public Assignment {
        unlocked = List.copyOf(unlocked);
    }

    /**
     * True when the lab control that writes config field {@code control} is locked: some path under it ("optimizer"
     * covers "optimizer.lr") is not unlocked, or the assignment's configuration has no such field at all (a student
     * adding it, e.g. their own data points, would differ from the assignment). Mirrors the check in
     * {@link AssignmentService#submit}, so what the lab lets a student change is what a submission may change.
     */
    public boolean locks(String control) {
        Map<String, String> paths = ConfigPaths.of(configJson);
        boolean any = false;
        for (String path : paths.keySet()) {
            if (path.equals(control) || path.startsWith(control + ".")) {
                any = true;
                if (!unlocked.contains(path)) {
                    return true;
                }
            }
        }
        return !any;
    }
}
