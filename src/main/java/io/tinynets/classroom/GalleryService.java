package io.tinynets.classroom;

import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentAccessException;
import io.tinynets.experiment.ExperimentService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The class gallery: a user shares one of their own experiments with a class they belong to (or teach); everyone who
 * may see the class sees the shared experiments and can open them, read-only. Nobody else can open them, by id or
 * otherwise.
 */
@Service
public class GalleryService {

    private final ClassService classes;
    private final ExperimentService experiments;
    private final JdbcClient jdbc;

    GalleryService(ClassService classes, ExperimentService experiments, JdbcClient jdbc) {
        this.classes = classes;
        this.experiments = experiments;
        this.jdbc = jdbc;
    }

    /** Shares the actor's own experiment with a class the actor belongs to or teaches (again: no change). */
    public void share(String actor, long experimentId, long classId) {
        owned(actor, experimentId);
        classes.get(actor, classId);
        boolean already = jdbc.sql("SELECT COUNT(*) FROM experiment_share WHERE experiment_id = ? AND class_id = ?")
                .params(experimentId, classId).query(Long.class).single() > 0;
        if (!already) {
            jdbc.sql("INSERT INTO experiment_share (experiment_id, class_id, shared_at) VALUES (?, ?, ?)")
                    .params(experimentId, classId, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                    .update();
        }
    }

    /** Stops sharing: the owner only. */
    public void unshare(String actor, long experimentId, long classId) {
        owned(actor, experimentId);
        jdbc.sql("DELETE FROM experiment_share WHERE experiment_id = ? AND class_id = ?")
                .params(experimentId, classId).update();
    }

    /** The class's shared experiments, newest first, for anyone who may see the class. */
    public List<GalleryEntry> gallery(String actor, long classId) {
        classes.get(actor, classId);
        return jdbc.sql("SELECT e.id, e.name, e.lab, e.owner, COALESCE(u.display_name, e.owner) AS owner_name, "
                        + "s.shared_at FROM experiment_share s JOIN experiment e ON e.id = s.experiment_id "
                        + "LEFT JOIN app_user u ON u.username = e.owner "
                        + "WHERE s.class_id = ? AND e.deleted_at IS NULL ORDER BY s.shared_at DESC, e.id DESC")
                .param(classId)
                .query((rs, i) -> new GalleryEntry(rs.getLong("id"), rs.getString("name"), rs.getString("lab"),
                        rs.getString("owner"), rs.getString("owner_name"),
                        rs.getTimestamp("shared_at").toInstant()))
                .list();
    }

    /** Opens a shared experiment, read-only: its owner, or someone who may see a class it is shared with. */
    public Experiment open(String actor, long experimentId) {
        Optional<String> owner = jdbc.sql("SELECT owner FROM experiment WHERE id = ? AND deleted_at IS NULL")
                .param(experimentId).query(String.class).optional();
        if (owner.isEmpty()) {
            throw ClassroomException.denied();
        }
        if (!owner.get().equals(actor)) {
            List<Long> sharedWith = jdbc.sql("SELECT class_id FROM experiment_share WHERE experiment_id = ?")
                    .param(experimentId).query(Long.class).list();
            boolean visible = sharedWith.stream().anyMatch(classId -> {
                try {
                    classes.get(actor, classId);
                    return true;
                } catch (ClassroomException e) {
                    return false;
                }
            });
            if (!visible) {
                throw ClassroomException.denied();
            }
        }
        return experiments.get(owner.get(), experimentId);
    }

    private void owned(String actor, long experimentId) {
        try {
            experiments.get(actor, experimentId);
        } catch (ExperimentAccessException e) {
            throw ClassroomException.denied();
        } catch (RuntimeException e) {
            if (e instanceof io.tinynets.experiment.ExperimentValidationException) {
                throw ClassroomException.denied();
            }
            throw e;
        }
    }
}
