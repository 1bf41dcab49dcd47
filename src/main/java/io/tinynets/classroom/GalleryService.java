package io.tinynets.classroom;

import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentAccessException;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentLimits;
import io.tinynets.experiment.ExperimentOwners;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ExperimentValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The class gallery: a user shares one of their own experiments with a class they belong to (or teach); everyone who
 * may see the class sees the shared experiments and can open them, read-only. Nobody else can open them, by id or
 * otherwise. The shares and the accounts' names are the classroom's tables; what an experiment is called and whose it
 * is comes from the experiment feature ({@link ExperimentOwners}, {@link ExperimentService}), which alone writes its
 * tables.
 */
@Service
public class GalleryService {

    /** The longest experiment name the store takes (a copy's name adds its owner's). */
    static final int NAME_MAX = ExperimentLimits.NAME_MAX;
    /** At most this many usernames in one IN list. */
    private static final int NAMES_PER_QUERY = 500;

    private final ClassService classes;
    private final ExperimentService experiments;
    private final ExperimentOwners owners;
    private final JdbcClient jdbc;

    GalleryService(ClassService classes, ExperimentService experiments, ExperimentOwners owners, JdbcClient jdbc) {
        this.classes = classes;
        this.experiments = experiments;
        this.owners = owners;
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
        record Share(long experimentId, Instant sharedAt) {
        }
        List<Share> shares = jdbc.sql("SELECT experiment_id, shared_at FROM experiment_share WHERE class_id = ? "
                        + "ORDER BY shared_at DESC, experiment_id DESC")
                .param(classId)
                .query((rs, i) -> new Share(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        Map<Long, ExperimentOwners.Listing> live = owners.listings(shares.stream().map(Share::experimentId).toList())
                .stream().collect(Collectors.toMap(ExperimentOwners.Listing::id, Function.identity()));
        Map<String, String> names = displayNames(live.values().stream().map(ExperimentOwners.Listing::owner)
                .distinct().toList());
        return shares.stream().filter(s -> live.containsKey(s.experimentId())).map(s -> {
            ExperimentOwners.Listing e = live.get(s.experimentId());
            return new GalleryEntry(e.id(), e.name(), e.lab(), e.owner(), names.getOrDefault(e.owner(), e.owner()),
                    s.sharedAt());
        }).toList();
    }

    /** The accounts' display names by username (a name without an account is left out). */
    private Map<String, String> displayNames(List<String> usernames) {
        Map<String, String> out = new HashMap<>();
        for (int from = 0; from < usernames.size(); from += NAMES_PER_QUERY) {
            jdbc.sql("SELECT username, display_name FROM app_user WHERE username IN (:names)")
                    .param("names", usernames.subList(from, Math.min(usernames.size(), from + NAMES_PER_QUERY)))
                    .query(rs -> {
                        if (rs.getString(2) != null) {
                            out.put(rs.getString(1), rs.getString(2));
                        }
                    });
        }
        return out;
    }

    /** Opens a shared experiment, read-only: its owner, or someone who may see a class it is shared with. */
    public Experiment open(String actor, long experimentId) {
        Optional<String> owner = owners.ownerOf(experimentId);
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

    /**
     * A shared experiment's settings as paths and values ("optimizer.lr" → "0.1"), for the gallery to show what the
     * classmate chose; refused like {@link #open} for anyone who may not see it.
     */
    public Map<String, String> settings(String actor, long experimentId) {
        Map<String, String> settings = new LinkedHashMap<>(ConfigPaths.of(open(actor, experimentId).configJson()));
        settings.remove("version"); // the format's version is no choice of the student's
        return settings;
    }

    /**
     * "Open in the lab" for a shared experiment: a copy of it among the viewer's own experiments (settings, seed,
     * curves, weights and picture), which the lab then opens like any of theirs. The classmate's original is never
     * touched. A viewer who already has a copy of this experiment gets that one again instead of another; the
     * owner gets their own experiment.
     */
    public long copyForViewer(String actor, long experimentId) {
        Experiment source = open(actor, experimentId);
        if (source.owner().equals(actor)) {
            return source.id();
        }
        String mark = copyMark(experimentId);
        Optional<Long> earlier = experiments.list(actor, null).stream().filter(s -> s.notes().startsWith(mark))
                .map(ExperimentSummary::id).findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String ownerName = jdbc.sql("SELECT COALESCE(MAX(display_name), ?) FROM app_user WHERE username = ?")
                .params(source.owner(), source.owner()).query(String.class).single();
        String name = source.name() + " (" + ownerName + ")";
        String notes = mark + " " + ownerName + (source.notes().isBlank() ? "" : "\n\n" + source.notes());
        notes = notes.length() > ExperimentLimits.NOTES_MAX ? notes.substring(0, ExperimentLimits.NOTES_MAX) : notes;
        try {
            return experiments.save(actor, new ExperimentDraft(source.lab(),
                    name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name, notes, source.tags(),
                    source.configJson(), source.configVersion(), source.seed(), source.curves(),
                    source.finalMetrics(), source.weightsJson(), source.picture()));
        } catch (ExperimentValidationException e) {
            throw new ClassroomException(e.messageKey(), e.messageArgs());
        }
    }

    /** The first words of a gallery copy's notes: where it came from (found again by them, so no second copy). */
    static String copyMark(long experimentId) {
        return "[gallery #" + experimentId + "]";
    }

    private void owned(String actor, long experimentId) {
        try {
            experiments.get(actor, experimentId);
        } catch (ExperimentAccessException e) {
            throw ClassroomException.denied();
        } catch (RuntimeException e) {
            if (e instanceof ExperimentValidationException) {
                throw ClassroomException.denied();
            }
            throw e;
        }
    }
}
