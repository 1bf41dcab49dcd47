package io.tinynets.classroom;

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
 * The teacher's live view of a class: every student's current runs (lab, state, epoch, loss), and a read-only
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

    /** One line per run of each student (students not training get one empty line), by name. */
    public List<StudentRun> liveRuns(String actor, long classId) {
        List<Account> members = classes.members(actor, classId);
        Set<String> usernames = members.stream().map(Account::username).collect(Collectors.toSet());
        var byOwner = board.runsOf(usernames).stream().collect(Collectors.groupingBy(e -> e.getKey().ownerId()));
        List<StudentRun> rows = new ArrayList<>();
        for (Account m : members) {
            List<Map.Entry<RunStatus, Boolean>> runs = byOwner.getOrDefault(m.username(), List.of());
            if (runs.isEmpty()) {
                rows.add(new StudentRun(m.username(), m.displayName(), Optional.empty()));
            }
            runs.stream().sorted(Comparator.comparing(e -> e.getKey().labKey())).forEach(e -> rows.add(
                    new StudentRun(m.username(), m.displayName(), Optional.of(e.getKey()), e.getValue())));
        }
        return rows;
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
