package io.tinynets.lab.descent.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.classroom.Submission;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.descent.SurfaceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student opens an assignment in the Gradient descent lab: the teacher's race is in the form, the locked controls
 * are greyed out (and a click on the map cannot move a locked start), the unlocked ones are theirs, and "Submit to
 * assignment" saves and hands in the race with the goal check.
 */
class DescentAssignmentTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;

    private SchoolClass c;
    private DescentView view;

    @BeforeEach
    void classWithATeacherAndAStudent() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment");
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        c = classes.create("kim", "3-A");
        classes.signUp(c.joinCode(), "minji", "Minji", "long enough");
    }

    @AfterEach
    void stopRun() {
        if (view != null) {
            view.training.discard();
        }
    }

    private static DescentView navigate(String location, QueryParameters parameters) {
        UI.getCurrent().navigate(""); // arriving from elsewhere builds a fresh view, as "Open in lab" does
        UI.getCurrent().navigate(location, parameters);
        return _get(DescentView.class);
    }

    private static QueryParameters opening(Assignment a) {
        return QueryParameters.of("assignment", Long.toString(a.id()));
    }

    /** Walks until the race's internals reach step {@code upTo} (counted from the race's start). */
    private void stepTo(int upTo) {
        assertThat(view.ensureRun()).isTrue();
        long done = view.lastInternals == null ? 0 : view.lastInternals.steps();
        view.training.step(upTo - done);
        awaitUi(Duration.ofSeconds(10), "step " + upTo + " delivered", () -> view.lastInternals != null
                && view.lastInternals.steps() == upTo && !view.training.isRunning());
    }

    /** The teacher races SGD and momentum on the bowl from (3, −2) with η 0.02, μ 0.8, and makes it an assignment. */
    private Assignment teacherAssignment(Goal goal, List<String> unlocked) {
        login("kim", "TEACHER");
        view = navigate("descent", QueryParameters.empty());
        view.surface.setValue(SurfaceKind.BOWL);
        view.optimizers.setValue(Set.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM));
        view.learningRate.setValue(Math.log10(0.02));
        view.momentum.setValue(0.8);
        view.setStart(3.0, -2.0);
        stepTo(5);
        long source = experiments.save("kim", view.draft());
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Momentum on the bowl", "Find a better rate.", unlocked,
                goal);
    }

    private Submission submitThroughTheBar() {
        _click(view.assignment.submit);
        _get(SaveExperimentDialog.class);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        return view.assignment.assignment().map(a -> assignments.submissions("minji", a.id()))
                .filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1)).orElse(null);
    }

    @Test
    void studentGetsTheTeachersRaceWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("loss", true, 1000.0), List.of("learningRate", "surface"));
        login("minji", "STUDENT");
        view = navigate("descent", opening(a));

        assertThat(view.assignment.isVisible()).isTrue();
        assertThat(view.assignment.title.getText()).isEqualTo("Assignment: Momentum on the bowl");
        assertThat(view.reopened.isVisible()).isFalse();
        // the teacher's race...
        assertThat(view.surface.getValue()).isEqualTo(SurfaceKind.BOWL);
        assertThat(view.optimizers.getValue()).containsExactlyInAnyOrder(OptimizerKind.SGD, OptimizerKind.MOMENTUM);
        assertThat(view.lr()).isEqualTo(0.02);
        assertThat(view.momentum.getValue()).isEqualTo(0.8);
        assertThat(view.startX.getValue()).isEqualTo(3.0);
        assertThat(view.startY.getValue()).isEqualTo(-2.0);
        // ...locked, except the rate; the surface too, since another surface would move the locked start
        assertThat(view.optimizers.isEnabled()).isFalse();
        assertThat(view.momentum.isEnabled()).isFalse();
        assertThat(view.beta1.isEnabled()).isFalse();
        assertThat(view.beta2.isEnabled()).isFalse();
        assertThat(view.rho.isEnabled()).isFalse();
        assertThat(view.startX.isEnabled()).isFalse();
        assertThat(view.startY.isEnabled()).isFalse();
        assertThat(view.surface.isEnabled()).isFalse();
        assertThat(view.momentum.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.learningRate.isEnabled()).isTrue();
        // nor can a click on the map move the start
        NotificationsKt.clearNotifications();
        view.setStart(0.5, 0.5);
        assertThat(view.startX.getValue()).isEqualTo(3.0);
        assertThat(view.startY.getValue()).isEqualTo(-2.0);
        NotificationsKt.expectNotifications("Locked by the assignment: your teacher chose this setting.");

        assertThat(view.assignment.submit.isEnabled()).isFalse(); // nothing walked yet
        stepTo(3);
        // the rate changed live while the racers walk: the submission carries the rate in effect
        view.learningRate.setValue(Math.log10(0.05));
        stepTo(6);
        assertThat(view.assignment.submit.isEnabled()).isTrue();
        Submission s = submitThroughTheBar();
        assertThat(s).isNotNull();
        assertThat(s.student()).isEqualTo("minji");
        assertThat(s.goalMet()).isTrue();
        assertThat(s.metricValue()).isLessThan(1000.0);
        assertThat(view.assignment.result.getText()).isEqualTo("Submitted: the goal is met.");
        assertThat(experiments.get("minji", s.experimentId()).configJson()).contains("\"learningRate\":0.05");
    }

    @Test
    void theTeachersRaceWalkedAndSubmittedUnchangedIsAccepted() {
        Assignment a = teacherAssignment(new Goal("loss", true, -1.0), List.of("learningRate"));
        login("minji", "STUDENT");
        view = navigate("descent", opening(a));
        stepTo(4);
        Submission s = submitThroughTheBar();
        assertThat(s).isNotNull();
        assertThat(s.goalMet()).isFalse(); // checked: the bowl's f never goes below 0
        assertThat(s.metricValue()).isNotNegative();
        assertThat(experiments.get("minji", s.experimentId()).configJson()).isEqualTo(
                experiments.get("kim", experiments.list("kim", null).get(0).id()).configJson());
    }

    @Test
    void anUnlockedStartMayBeClickedOnTheMap() {
        Assignment a = teacherAssignment(null, List.of("start"));
        login("minji", "STUDENT");
        view = navigate("descent", opening(a));
        assertThat(view.startX.isEnabled()).isTrue();
        assertThat(view.surface.isEnabled()).isFalse();
        view.setStart(1.0, 1.5);
        assertThat(view.startX.getValue()).isEqualTo(1.0);
        stepTo(2);
        Submission s = submitThroughTheBar();
        assertThat(s).isNotNull();
        assertThat(experiments.get("minji", s.experimentId()).configJson()).contains("\"start\":[1.0,1.5]");
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRaceStaysSaved() {
        Assignment a = teacherAssignment(null, List.of("learningRate"));
        login("minji", "STUDENT");
        view = navigate("descent", opening(a));
        // what a crafted request could do: the server still holds the field, so change it there
        view.momentum.setValue(0.5);
        stepTo(2);
        Submission s = submitThroughTheBar();
        assertThat(s).isNull();
        assertThat(view.assignment.result.getText())
                .isEqualTo("The setting \"momentum\" is locked in this assignment: keep the value the teacher chose.");
        assertThat(experiments.list("minji", null)).hasSize(1);
    }

    @Test
    void anAssignmentNeedsALoginAndAMemberOfItsClass() {
        Assignment a = teacherAssignment(null, List.of("learningRate"));
        logout();
        view = navigate("descent", opening(a));
        assertThat(view.assignment.isVisible()).isFalse();
        NotificationsKt.expectNotifications("Log in to open an assignment: it belongs to your class.");

        ClassroomFixtures.account(accounts, "outsider", Role.STUDENT);
        login("outsider", "STUDENT");
        view = navigate("descent", opening(a));
        assertThat(view.assignment.isVisible()).isFalse();
        assertThat(view.momentum.isEnabled()).isTrue();
        assertThat(view.surface.getValue()).isNotEqualTo(SurfaceKind.BOWL);
    }

    @Test
    void theTeacherPreviewsTheAssignmentWithoutASubmitButton() {
        Assignment a = teacherAssignment(null, List.of("learningRate"));
        view = navigate("descent", opening(a));
        assertThat(view.assignment.isVisible()).isTrue();
        assertThat(view.assignment.submit.isVisible()).isFalse();
        assertThat(view.momentum.isEnabled()).isFalse();
    }
}
