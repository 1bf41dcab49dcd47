package io.tinynets.classroom;

import io.tinynets.experiment.Comparison;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentAccessException;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assignments and submissions. A teacher turns one of their saved experiments (a lab configuration) into an
 * assignment for their class: instructions, the configuration paths students may change, an optional goal. A student
 * of the class submits one of their experiments: the server refuses it when a locked control differs from the
 * assignment's value (whatever the browser sent), and checks the goal. The teacher sees the submissions, opens and
 * compares them and leaves feedback that the student sees.
 */
@Service
public class AssignmentService {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 4000;

    private final ClassService classes;
    private final AccountService accounts;
    private final ExperimentService experiments;
    private final AssignmentRepository repository;
    private final TransactionTemplate transactions;

    AssignmentService(ClassService classes, AccountService accounts, ExperimentService experiments,
                      AssignmentRepository repository, TransactionTemplate transactions) {
        this.classes = classes;
        this.accounts = accounts;
        this.experiments = experiments;
        this.repository = repository;
        this.transactions = transactions;
    }

    /** The controls (configuration paths) of one of the teacher's experiments, to choose which to unlock. */
    public List<String> controlsOf(String actor, long experimentId) {
        // the config's format version is not a setting anyone could change
        return ConfigPaths.of(own(actor, experimentId).configJson()).keySet().stream()
                .filter(path -> !path.equals("version")).toList();
    }

    /** The controls of one of the teacher's experiments a goal can cap: numbers, and lists (by their length). */
    public List<String> limitableControlsOf(String actor, long experimentId) {
        String config = own(actor, experimentId).configJson();
        return controlsOf(actor, experimentId).stream().filter(path -> Limit.measure(config, path) != null).toList();
    }

    /** The class's teacher (or the admin) makes an assignment from one of their own saved experiments. */
    public Assignment create(String actor, long classId, long sourceExperimentId, String title, String instructions,
                             List<String> unlocked, Goal goal) {
        SchoolClass c = classes.managed(actor, classId);
        Experiment source = own(actor, sourceExperimentId);
        try {
            // the lab's own rules: every student opens this configuration, so it must be one the lab can open
            experiments.checkConfig(source.lab(), source.configJson(), source.configVersion(), source.seed());
        } catch (ExperimentValidationException e) {
            throw new ClassroomException(e.messageKey(), e.messageArgs());
        }
        String t = text(title, TITLE_MAX, "classroom.assignment.invalidTitle", false);
        String text = text(instructions, TEXT_MAX, "classroom.assignment.invalidInstructions", true);
        Set<String> controls = ConfigPaths.of(source.configJson()).keySet();
        if (goal != null && goal.limit().isPresent()
                && Limit.measure(source.configJson(), goal.limit().get().path()) == null) {
            throw new ClassroomException("classroom.assignment.unknownControl", goal.limit().get().path());
        }
        List<String> open = List.copyOf(new LinkedHashSet<>(unlocked == null ? List.of() : unlocked));
        for (String path : open) {
            if (!controls.contains(path)) {
                throw new ClassroomException("classroom.assignment.unknownControl", path);
            }
        }
        long id = repository.insert(c.id(), t, text, source.lab(), source.configJson(), source.configVersion(),
                source.seed(), open,
                goal, now());
        return repository.find(id).orElseThrow();
    }

    /** The class's assignments, newest first: for its teacher, the admin and its students. */
    public List<Assignment> assignments(String actor, long classId) {
        return repository.ofClass(classes.get(actor, classId).id());
    }

    public Assignment get(String actor, long assignmentId) {
        Assignment a = repository.find(assignmentId).orElseThrow(ClassroomException::denied);
        classes.get(actor, a.classId());
        return a;
    }

    /**
     * A student of the class submits one of their experiments. Refused when it is of another lab or configuration
     * version, or when a locked control differs from the assignment's value; the goal is checked here, on the
     * experiment's figures only when this server measured them ({@link io.tinynets.experiment.Provenance#MEASURED}):
     * an imported or edited experiment is accepted but its goal is "not verified", never met.
     */
    public Submission submit(String actor, long assignmentId, long experimentId) {
        Account student = accounts.requireRole(actor, Role.STUDENT);
        Assignment a = get(actor, assignmentId);
        Experiment e = own(student.username(), experimentId);
        if (!e.lab().equals(a.lab()) || e.configVersion() != a.configVersion()) {
            throw new ClassroomException("classroom.submit.wrongLab");
        }
        Map<String, String> base = ConfigPaths.of(a.configJson());
        Map<String, String> mine = ConfigPaths.of(e.configJson());
        Set<String> paths = new LinkedHashSet<>(base.keySet());
        paths.addAll(mine.keySet());
        for (String path : paths) {
            if (!a.unlocked().contains(path) && !Objects.equals(base.get(path), mine.get(path))) {
                throw new ClassroomException("classroom.submit.locked", path);
            }
        }
        // Labs that keep the run's seed outside their configuration (depth, sequence) lock it in the assignment: the
        // same first weights for everyone. Where the configuration has a seed, the check above covers it.
        if (!base.containsKey("seed") && a.seed().isPresent() && a.seed().getAsLong() != e.seed()) {
            throw new ClassroomException("classroom.submit.locked", "seed");
        }
        // only figures this server measured decide the goal; an imported or edited run's are shown, never trusted
        boolean verified = e.provenance().measured();
        Double value = a.goal().map(g -> g.valueIn(e.finalMetrics())).orElse(null);
        Boolean met = a.goal().map(g -> verified && g.metBy(value, e.configJson())).orElse(null);
        return transactions.execute(tx -> {
            if (repository.submitted(a.id(), e.id())) {
                throw new ClassroomException("classroom.submit.already");
            }
            return repository.submission(repository.insertSubmission(a.id(), e.id(), student.username(), met, value,
                    verified, now())).orElseThrow();
        });
    }

    /** All submissions (teacher, admin) or the student's own. */
    public List<Submission> submissions(String actor, long assignmentId) {
        Assignment a = get(actor, assignmentId);
        Account me = accounts.require(actor);
        if (me.role() == Role.STUDENT) {
            return repository.submissionsOf(a.id(), me.username());
        }
        classes.managed(actor, a.classId());
        return repository.submissions(a.id());
    }

    /** The submitted experiment, read-only: for its student, the class's teacher and the admin. */
    public Experiment open(String actor, long submissionId) {
        Submission s = visible(actor, submissionId);
        return experiments.get(s.student(), s.experimentId());
    }

    /** Several submissions of one assignment side by side (teacher, admin). */
    public Comparison compare(String actor, List<Long> submissionIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(submissionIds == null ? List.of() : submissionIds));
        if (ids.size() < 2 || ids.size() > 8) {
            throw new ClassroomException("classroom.submission.compareCount", 2, 8);
        }
        List<Experiment> list = new ArrayList<>();
        for (long id : ids) {
            Submission s = managedSubmission(actor, id);
            list.add(experiments.get(s.student(), s.experimentId()));
        }
        return Comparison.of(list);
    }

    /** The teacher's feedback on a submission, which the student then sees. */
    public Submission feedback(String actor, long submissionId, String feedback) {
        Submission s = managedSubmission(actor, submissionId);
        repository.feedback(s.id(), text(feedback, TEXT_MAX, "classroom.submission.invalidFeedback", true));
        return repository.submission(s.id()).orElseThrow();
    }

    private Submission visible(String actor, long submissionId) {
        Submission s = repository.submission(submissionId).orElseThrow(ClassroomException::denied);
        if (s.student().equals(actor)) {
            return s;
        }
        return managedSubmission(actor, submissionId);
    }

    private Submission managedSubmission(String actor, long submissionId) {
        Submission s = repository.submission(submissionId).orElseThrow(ClassroomException::denied);
        Assignment a = repository.find(s.assignmentId()).orElseThrow(ClassroomException::denied);
        classes.managed(actor, a.classId());
        return s;
    }

    private Experiment own(String actor, long experimentId) {
        try {
            return experiments.get(actor, experimentId);
        } catch (ExperimentAccessException | ExperimentValidationException e) {
            throw ClassroomException.denied();
        }
    }

    private static String text(String raw, int max, String key, boolean mayBeEmpty) {
        String t = raw == null ? "" : raw.strip();
        if ((!mayBeEmpty && t.isEmpty()) || t.length() > max) {
            throw new ClassroomException(key, max);
        }
        return t;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
