package io.tinynets.classroom;

import io.tinynets.experiment.ExperimentAccessException;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.training.RunSettings;
import io.tinynets.training.TrainingRefusedException;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, operation by operation, in the services (not the views): every role against every operation,
 * including ids that belong to another class or another student. One table, so a change of rule shows as one line.
 * Each refusal must be for the row's reason (the classroom's one "denied" answer, or the experiment and training
 * services' "not yours"): an operation that fails for another reason (a limit, a missing row, a validation) is not a
 * correct denial and fails the table.
 */
@SpringBootTest
class AccessControlMatrixTest {

    /** The actors: the admin, the class's teacher, another teacher, a student of the class, a student of another. */
    static final String ADMIN = "admin";
    static final String TEACHER = "kim";
    static final String OTHER_TEACHER = "lee";
    static final String STUDENT = "minji";
    static final String OTHER_STUDENT = "jisoo";
    static final List<String> ACTORS = List.of(ADMIN, TEACHER, OTHER_TEACHER, STUDENT, OTHER_STUDENT);

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    DashboardService dashboard;
    @Autowired
    AdminService admin;
    @Autowired
    GalleryService gallery;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ExperimentService experiments;
    @Autowired
    TrainingService training;
    @Autowired
    JdbcTemplate jdbc;

    private SchoolClass classA;
    private SchoolClass classB;
    private long minjiExperiment;
    private TrainingRun<Double> minjiRun;
    private Assignment assignmentA;
    private Submission minjiSubmission;
    private int targets;

    @BeforeEach
    void school() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment");
        accounts.createFirstAdmin(ADMIN, "Admin", "admin password");
        ClassroomFixtures.account(accounts, TEACHER, Role.TEACHER);
        ClassroomFixtures.account(accounts, OTHER_TEACHER, Role.TEACHER);
        classA = classes.create(TEACHER, "3-A");
        classB = classes.create(OTHER_TEACHER, "3-B");
        classes.signUp(classA.joinCode(), STUDENT, "Minji", "long enough");
        classes.signUp(classB.joinCode(), OTHER_STUDENT, "Jisoo", "long enough");
        minjiExperiment = experiments.save(STUDENT, new ExperimentDraft("activation", "mine", "", List.of(),
                "{\"lr\":0.1}", 1, 1, List.of(Curve.of("loss", new double[] {1, 2}, new double[] {0.5, 0.2})),
                Map.of("loss", 0.2), null, null));
        gallery.share(STUDENT, minjiExperiment, classA.id());
        long source = experiments.save(TEACHER, AssignmentServiceTest.run("playground", 0.1, 4, "xor", 0.3));
        assignmentA = assignments.create(TEACHER, classA.id(), source, "A", "", List.of("learningRate"),
                new Goal("loss", true, 0.05));
        minjiSubmission = assignments.submit(STUDENT, assignmentA.id(),
                experiments.save(STUDENT, AssignmentServiceTest.run("playground", 0.3, 4, "xor", 0.01)));
        minjiRun = training.create(STUDENT, "playground", DecayTrainer.FACTORY, RunSettings.seeded(1));
    }

    @AfterEach
    void stopRuns() {
        training.runsOf(STUDENT).forEach(r -> training.cancel(STUDENT, r.id()));
    }

    /** What an actor's attempt came to: {@link #ALLOWED}, or the message key (or reason) of the refusal. */
    static final String ALLOWED = "allowed";
    /** The classroom's one answer to a foreign or unknown id, whatever the reason, so a guess learns nothing. */
    static final String DENIED = ClassroomException.DENIED;
    /**
     * Someone else's experiment, refused by the experiment service: recorded by the exception's reason, since the
     * message is one and the same for "not yours" and "no such experiment" (an id tried in a URL learns nothing).
     */
    static final String NOT_OWNER = "experiment " + ExperimentAccessException.Reason.NOT_OWNER;
    /** Someone else's training run, refused by the training service. */
    static final String NOT_RUN_OWNER = TrainingService.REFUSED_NOT_OWNER;

    /**
     * Runs the operation as each actor and records how it ended: allowed, or refused with which message key. A
     * refusal for another reason (a limit, a validation, a missing row) is not a correct denial and shows as its key.
     */
    private Map<String, String> outcomes(Consumer<String> operation) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            try {
                operation.accept(actor);
                result.put(actor, ALLOWED);
            } catch (ClassroomException e) {
                result.put(actor, e.messageKey());
            } catch (ExperimentAccessException e) {
                result.put(actor, "experiment " + e.reason());
            } catch (TrainingRefusedException e) {
                result.put(actor, e.messageKey());
            }
        }
        return result;
    }

    /** The expected outcome per actor: allowed where true, otherwise refused for {@code reason}. */
    private static Map<String, String> expect(String reason, boolean admin, boolean teacher, boolean otherTeacher,
                                              boolean student, boolean otherStudent) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ADMIN, admin ? ALLOWED : reason);
        m.put(TEACHER, teacher ? ALLOWED : reason);
        m.put(OTHER_TEACHER, otherTeacher ? ALLOWED : reason);
        m.put(STUDENT, student ? ALLOWED : reason);
        m.put(OTHER_STUDENT, otherStudent ? ALLOWED : reason);
        return m;
    }

    /** A classroom rule: refused actors get {@link #DENIED}. */
    private static Map<String, String> expect(boolean admin, boolean teacher, boolean otherTeacher, boolean student,
                                              boolean otherStudent) {
        return expect(DENIED, admin, teacher, otherTeacher, student, otherStudent);
    }

    private long id(String username) {
        return accounts.find(username).orElseThrow().id();
    }

    /** A new student of class A, so each actor's attempt to remove one has its own target. */
    private long freshStudentOfA(String actor) {
        // class A's code as it is now: an earlier row of the matrix asks for a new one
        return classes.signUp(classes.get(ADMIN, classA.id()).joinCode(), "target" + (++targets) + "." + actor.replace(".", ""), "Target",
                "long enough").id();
    }

    @Test
    void everyOperationAllowsExactlyTheRolesItShould() {
        List<String> wrong = new ArrayList<>();
        Map<String, Map.Entry<Consumer<String>, Map<String, String>>> matrix = new LinkedHashMap<>();
        matrix.put("see class A", Map.entry(a -> classes.get(a, classA.id()), expect(true, true, false, true, false)));
        matrix.put("list members of class A", Map.entry(a -> classes.members(a, classA.id()),
                expect(true, true, false, false, false)));
        matrix.put("new join code for class A", Map.entry(a -> classes.newJoinCode(a, classA.id()),
                expect(true, true, false, false, false)));
        matrix.put("import students into class A", Map.entry(a -> classes.importStudents(a, classA.id(),
                "Name " + a), expect(true, true, false, false, false)));
        matrix.put("create a class", Map.entry(a -> classes.create(a, "new " + a),
                expect(true, true, true, false, false)));
        matrix.put("live runs of class A", Map.entry(a -> dashboard.liveRuns(a, classA.id()),
                expect(true, true, false, false, false)));
        matrix.put("project minji's run in class A", Map.entry(a -> dashboard.project(a, classA.id(), minjiRun.id(),
                s -> { }).close(), expect(true, true, false, false, false)));
        matrix.put("project minji's run through class B", Map.entry(a -> dashboard.project(a, classB.id(),
                minjiRun.id(), s -> { }).close(), expect(false, false, false, false, false)));
        matrix.put("control minji's run", Map.entry(a -> training.pause(a, minjiRun.id()),
                expect(NOT_RUN_OWNER, false, false, false, true, false)));
        matrix.put("open minji's experiment by id", Map.entry(a -> experiments.get(a, minjiExperiment),
                expect(NOT_OWNER, false, false, false, true, false)));
        matrix.put("delete minji's experiment by id", Map.entry(a -> {
            experiments.delete(a, minjiExperiment);
            experiments.undoDelete(a, minjiExperiment);
        }, expect(NOT_OWNER, false, false, false, true, false)));
        matrix.put("gallery of class A", Map.entry(a -> gallery.gallery(a, classA.id()),
                expect(true, true, false, true, false)));
        matrix.put("open minji's experiment shared with class A", Map.entry(a -> gallery.open(a, minjiExperiment),
                expect(true, true, false, true, false)));
        matrix.put("share minji's experiment", Map.entry(a -> gallery.share(a, minjiExperiment, classA.id()),
                expect(false, false, false, true, false)));
        matrix.put("see class A's assignment", Map.entry(a -> assignments.get(a, assignmentA.id()),
                expect(true, true, false, true, false)));
        matrix.put("list class A's submissions (students: their own)", Map.entry(a -> assignments.submissions(a,
                assignmentA.id()), expect(true, true, false, true, false)));
        matrix.put("open minji's submission", Map.entry(a -> assignments.open(a, minjiSubmission.id()),
                expect(true, true, false, true, false)));
        matrix.put("give feedback on minji's submission", Map.entry(a -> assignments.feedback(a,
                minjiSubmission.id(), "ok"), expect(true, true, false, false, false)));
        matrix.put("submit to class A's assignment", Map.entry(a -> assignments.submit(a, assignmentA.id(),
                experiments.save(a, AssignmentServiceTest.run("playground", 0.2, 4, "xor", 0.01))),
                expect(false, false, false, true, false)));
        matrix.put("create an assignment in class A", Map.entry(a -> assignments.create(a, classA.id(),
                experiments.save(a, AssignmentServiceTest.run("playground", 0.2, 4, "xor", 0.01)), "t", "",
                List.of(), null), expect(true, true, false, false, false)));
        matrix.put("list all accounts", Map.entry(a -> accounts.list(a), expect(true, false, false, false, false)));
        matrix.put("create a teacher", Map.entry(a -> accounts.createStaff(a, "t." + a.replace(".", ""), "T",
                "long enough", Role.TEACHER), expect(true, false, false, false, false)));
        matrix.put("server load", Map.entry(a -> admin.load(a), expect(true, false, false, false, false)));
        matrix.put("database backup", Map.entry(a -> admin.backupSupported(a),
                expect(true, false, false, false, false)));
        // removals: each is tried on a fresh target so an allowed actor does not take it away from the next one
        matrix.put("count what removing minji from class A takes", Map.entry(a -> classes.membershipContents(a,
                classA.id(), id(STUDENT)), expect(true, true, false, false, false)));
        matrix.put("remove a student from class A", Map.entry(a -> classes.removeMember(a, classA.id(),
                freshStudentOfA(a)), expect(true, true, false, false, false)));
        matrix.put("remove class B's student through class A", Map.entry(a -> classes.removeMember(a, classA.id(),
                id(OTHER_STUDENT)), expect(false, false, false, false, false)));
        matrix.put("reset the password of a student of class A", Map.entry(a -> classes.resetPassword(a,
                classA.id(), freshStudentOfA(a)), expect(true, true, false, false, false)));
        matrix.put("reset class B's student's password through class A", Map.entry(a -> classes.resetPassword(a,
                classA.id(), id(OTHER_STUDENT)), expect(false, false, false, false, false)));
        matrix.put("count what deleting class A takes", Map.entry(a -> classes.contents(a, classA.id()),
                expect(true, true, false, false, false)));
        matrix.put("delete a class of the class A teacher", Map.entry(a -> classes.deleteClass(a,
                classes.create(TEACHER, "doomed " + a).id()), expect(true, true, false, false, false)));
        matrix.put("hand a class of the class A teacher over to the other teacher", Map.entry(a -> classes.handOver(a,
                classes.create(TEACHER, "handed " + a).id(), id(OTHER_TEACHER)), expect(true, true, false, false,
                false)));
        matrix.put("list who can take class A over", Map.entry(a -> classes.handOverCandidates(a, classA.id()),
                expect(true, true, false, false, false)));
        matrix.put("count what deleting minji's account takes", Map.entry(a -> admin.contents(a, id(STUDENT)),
                expect(true, false, false, false, false)));
        matrix.put("delete a student account", Map.entry(a -> admin.deleteAccount(a, freshStudentOfA(a)),
                expect(true, false, false, false, false)));
        matrix.put("reset any account's password", Map.entry(a -> admin.resetPassword(a, id(OTHER_TEACHER)),
                expect(true, false, false, false, false)));
        matrix.put("join a class with its code", Map.entry(a -> classes.join(a, classB.joinCode()),
                expect(false, false, false, true, true)));

        matrix.forEach((operation, rule) -> {
            Map<String, String> actual = outcomes(rule.getKey());
            if (!actual.equals(rule.getValue())) {
                wrong.add(operation + ": expected " + rule.getValue() + " but was " + actual);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void guessedIdsAreRefusedLikeForeignOnesWithoutSayingWhichItIs() {
        long unknown = classB.id() + 1000;
        ClassroomException guessed = org.junit.jupiter.api.Assertions.assertThrows(ClassroomException.class,
                () -> classes.get(OTHER_TEACHER, unknown));
        ClassroomException foreign = org.junit.jupiter.api.Assertions.assertThrows(ClassroomException.class,
                () -> classes.get(OTHER_TEACHER, classA.id()));
        assertThat(guessed.messageKey()).isEqualTo(foreign.messageKey()).isEqualTo(ClassroomException.DENIED);
        assertThat(guessed.messageArgs()).isEmpty();
    }

    @Test
    void aLockedControlChangedThroughACraftedRequestIsRefusedByTheService() {
        // the browser cannot be trusted: a submission whose locked "hidden" differs is refused whatever sent it
        long crafted = experiments.save(STUDENT, AssignmentServiceTest.run("playground", 0.1, 512, "xor", 0.0001));
        ClassroomException e = org.junit.jupiter.api.Assertions.assertThrows(ClassroomException.class,
                () -> assignments.submit(STUDENT, assignmentA.id(), crafted));
        assertThat(e.messageKey()).isEqualTo("classroom.submit.locked");
        assertThat(e.messageArgs()).containsExactly("hidden");
    }

    @Test
    void anUnknownUsernameCanDoNothing() {
        assertThat(outcomesOf("ghost")).isEmpty();
    }

    private List<String> outcomesOf(String ghost) {
        List<String> allowed = new ArrayList<>();
        List<Runnable> ops = List.of(() -> classes.classes(ghost), () -> classes.get(ghost, classA.id()),
                () -> classes.create(ghost, "x"), () -> dashboard.liveRuns(ghost, classA.id()),
                () -> admin.load(ghost), () -> accounts.list(ghost),
                () -> classes.removeMember(ghost, classA.id(), id(STUDENT)),
                () -> classes.deleteClass(ghost, classA.id()),
                () -> classes.resetPassword(ghost, classA.id(), id(STUDENT)),
                () -> admin.deleteAccount(ghost, id(STUDENT)), () -> admin.resetPassword(ghost, id(STUDENT)));
        for (int i = 0; i < ops.size(); i++) {
            try {
                ops.get(i).run();
                allowed.add("operation " + i);
            } catch (ClassroomException e) {
                assertThat(e.isDenied()).isTrue();
            }
        }
        return allowed;
    }
}
