package io.tinynets.classroom;

import io.tinynets.training.RunState;
import io.tinynets.training.RunStatus;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * The class's runs across server instances. Runs live in the memory of the instance a student's session is on
 * (sticky sessions), but a teacher's dashboard may be served by another: every instance writes a glance of its runs
 * to the shared table {@code live_run} about once a second, and reads the other instances' glances from there.
 * Its own runs it reads from memory, so they are never a second late.
 *
 * <p>Only <em>watched</em> runs are on the board: a run that no open page subscribes to belongs to a lab the student
 * left, a closed tab or a session that logged out. The service pauses such a run and frees it after its idle timeout;
 * until then it is nobody's current work, and listing it would show a class's students several times over, or a
 * student who has gone home.
 */
@Component
public class LiveRunBoard {

    /** A glance not refreshed for this long belongs to an instance that stopped: ignored, then removed. */
    static final Duration STALE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(LiveRunBoard.class);

    private final String instanceId = UUID.randomUUID().toString();
    private final TrainingService training;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** Whether the last publication wrote rows: an idle instance does not touch the database every second. */
    private boolean published;

    LiveRunBoard(TrainingService training, JdbcClient jdbc, TransactionTemplate transactions) {
        this.training = training;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** This instance's id in {@code live_run}. */
    public String instanceId() {
        return instanceId;
    }

    /** Rewrites this instance's rows from its runs now, and drops other instances' stale rows. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    public synchronized void publish() {
        List<RunStatus> runs = watched(training.allStatuses().stream().map(RunStatus::ownerId).distinct().toList());
        if (runs.isEmpty() && !published) {
            return;
        }
        Instant now = Instant.now();
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("DELETE FROM live_run WHERE instance_id = ? OR updated_at < ?")
                        .params(instanceId, Timestamp.from(now.minus(STALE))).update();
                for (RunStatus r : runs) {
                    jdbc.sql("INSERT INTO live_run (run_id, instance_id, owner, lab, state, epoch, train_loss, "
                                    + "accuracy, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(r.runId(), instanceId, r.ownerId(), r.labKey(), r.state().name(), r.epoch(),
                                    finite(r.trainLoss()), finite(r.accuracy()), Timestamp.from(now))
                            .update();
                }
            });
            published = !runs.isEmpty();
        } catch (RuntimeException e) {
            // the dashboard of other instances misses a beat; training itself must never suffer from it
            log.warn("could not publish this instance's runs to live_run: {}", e.toString());
        }
    }

    /**
     * The watched runs of these owners: this instance's from memory (on this server = true), the other instances'
     * from their fresh rows (false).
     */
    public List<Map.Entry<RunStatus, Boolean>> runsOf(Collection<String> owners) {
        List<Map.Entry<RunStatus, Boolean>> out = new ArrayList<>();
        watched(owners).forEach(s -> out.add(Map.entry(s, true)));
        if (owners.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(owners.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(instanceId);
        params.add(Timestamp.from(Instant.now().minus(STALE)));
        params.addAll(owners);
        jdbc.sql("SELECT run_id, owner, lab, state, epoch, train_loss, accuracy FROM live_run "
                        + "WHERE instance_id <> ? AND updated_at >= ? AND owner IN (" + marks + ")")
                .params(params)
                .query((rs, row) -> {
                    Optional<RunState> state = state(rs.getString("state"));
                    if (state.isEmpty()) {
                        return Optional.<RunStatus>empty();
                    }
                    return Optional.of(new RunStatus(rs.getString("run_id"), rs.getString("owner"),
                            rs.getString("lab"), state.get(), rs.getLong("epoch"),
                            optional(rs.getObject("train_loss")), optional(rs.getObject("accuracy"))));
                })
                .list().forEach(s -> s.ifPresent(status -> out.add(Map.entry(status, false))));
        return out;
    }

    /** This instance's runs of these owners that an open page follows (the student's lab, a projection). */
    private List<RunStatus> watched(Collection<String> owners) {
        List<RunStatus> found = new ArrayList<>();
        for (String owner : new java.util.LinkedHashSet<>(owners)) {
            for (TrainingRun<?> run : training.runsOf(owner)) {
                if (run.subscriberCount() > 0) {
                    found.add(run.status());
                }
            }
        }
        return found;
    }

    /**
     * A state another instance wrote; empty for one this version does not know (an instance of a newer version during
     * a rolling update), whose row is then left out rather than breaking the dashboard.
     */
    private static Optional<RunState> state(String name) {
        try {
            return Optional.of(RunState.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Double finite(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null;
    }

    private static OptionalDouble optional(Object v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) v).doubleValue());
    }
}
