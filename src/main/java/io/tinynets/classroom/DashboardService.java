package io.tinynets.classroom;

import io.tinynets.training.RunState;
import io.tinynets.training.RunStatus;
import io.tinynets.training.Snapshot;
import io.tinynets.training.Subscription;
import io.tinynets.training.TrainingService;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The teacher's live view of a class: every student's current run (lab, state, epoch, loss), and a read-only
 * projection of one. Only the class's teacher and the admin; the runs come from {@link LiveRunBoard} (this server's
 * from {@link TrainingService}'s read-only queries, other instances' from the shared database), so nothing here can
 * start, stop or change a student's run.
 */
@Service
public class DashboardService {

    private final ClassService classes;
    private final TrainingService training;
    private final LiveRunBoard board;

    DashboardService(ClassService classes, TrainingService training, LiveRunBoard board) {
        this.classes = classes;
        this.training = training;
        this.board = board;
    }

    /**
     * One line per student, in the class's order: their current run (the one training, else the furthest along of
     * the runs they have open), with any other open run folded in as a count; students with no open run get an
     * empty line. Runs nobody watches any more (a lab left, a closed tab, a logged-out session) are not listed: see
     * {@link LiveRunBoard}.
     */
    public List<StudentRun> liveRuns(String actor, long classId) {
        List<Account> members = classes.members(actor, classId);
        Set<String> usernames = members.stream().map(Account::username).collect(Collectors.toSet());
        var byOwner = board.runsOf(usernames).stream().collect(Collectors.groupingBy(e -> e.getKey().ownerId()));
        List<StudentRun> rows = new ArrayList<>();
        for (Account m : members) {
            List<Map.Entry<RunStatus, Boolean>> runs = byOwner.getOrDefault(m.username(), List.of());
            Optional<Map.Entry<RunStatus, Boolean>> current = runs.stream().min(CURRENT_FIRST);
            rows.add(current.map(e -> new StudentRun(m.username(), m.displayName(), Optional.of(e.getKey()),
                            e.getValue(), runs.size() - 1))
                    .orElseGet(() -> new StudentRun(m.username(), m.displayName(), Optional.empty())));
        }
        return rows;
    }

    /** Training before waiting before ended; then the furthest along; then a stable order (the run id). */
    private static final Comparator<Map.Entry<RunStatus, Boolean>> CURRENT_FIRST = Comparator
            .<Map.Entry<RunStatus, Boolean>>comparingInt(e -> rank(e.getKey().state()))
            .thenComparing(e -> -e.getKey().epoch())
            .thenComparing(e -> e.getKey().runId());

    private static int rank(RunState state) {
        if (state == RunState.RUNNING) {
            return 0;
        }
        return state.hasEnded() ? 2 : 1;
    }

    /** Follows one student's run read-only (to project it); refused unless the run belongs to this class. */
    public <I> Subscription project(String actor, long classId, String runId, Consumer<Snapshot<I>> listener) {
        Set<String> usernames = classes.members(actor, classId).stream().map(Account::username)
                .collect(Collectors.toSet());
        try {
            return training.observe(usernames, runId, listener);
        } catch (io.tinynets.training.TrainingRefusedException e) {
            throw ClassroomException.denied();
        }
    }
}
