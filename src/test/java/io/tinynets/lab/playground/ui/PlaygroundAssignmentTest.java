package io.tinynets.lab.playground.ui;

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
import io.tinynets.data.Feature;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ui.SaveExperimentDialog;
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
 * A student opens an assignment in the playground: the teacher's settings are in the form, the locked controls are
 * greyed out, the unlocked one is theirs, and "Submit to assignment" saves and hands in the run with the goal check.
 */
class PlaygroundAssignmentTest extends KaribuTest {

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
    private PlaygroundView view;

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

    private static PlaygroundView navigate(String location, QueryParameters parameters) {
        UI.getCurrent().navigate(""); // arriving from elsewhere builds a fresh view, as "Open in lab" does
        UI.getCurrent().navigate(location, parameters);
        return _get(PlaygroundView.class);
    }

    private void train(int epochs) {
        assertThat(view.ensureRun()).isTrue();
        view.training.step(epochs);
        awaitUi(Duration.ofSeconds(10), epochs + " epochs delivered", () -> view.lastInternalsEpoch == epochs
                && !view.training.isRunning());
    }

    /** The teacher trains and saves a distinctive run, and makes it an assignment unlocking only the learning rate. */
    private Assignment teacherAssignment(Goal goal) {
        login("kim", "TEACHER");
        view = navigate("playground", QueryParameters.empty());
        view.features.setValue(Set.of(Feature.X1_SQUARED, Feature.X2_SQUARED));
        view.learningRate.setValue(0.1);
        view.batchSize.setValue(20);
        view.optimizer.setValue(OptimizerKind.MOMENTUM);
        view.setLayers(List.of(3), io.tinynets.engine.Activation.TANH);
        train(3);
        long source = experiments.save("kim", view.draft());
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Circle with squares", "Change only the learning rate.",
                List.of("learningRate"), goal);
    }

    private Submission submitThroughTheBar() {
        _click(view.assignment.submit);
        _get(SaveExperimentDialog.class);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        return view.assignment.assignment().map(a -> assignments.submissions("minji", a.id()))
                .filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1)).orElse(null);
    }

    @Test
    void studentGetsTheTeachersSettingsWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("test loss", true, 10.0));
        login("minji", "STUDENT");
        view = navigate("playground", QueryParameters.of("assignment", Long.toString(a.id())));

        assertThat(view.assignment.isVisible()).isTrue();
        assertThat(view.assignment.title.getText()).isEqualTo("Assignment: Circle with squares");
        assertThat(view.assignment.instructions.getText()).isEqualTo("Change only the learning rate.");
        assertThat(view.assignment.goal.getText()).isEqualTo("test loss at most 10");
        assertThat(view.reopened.isVisible()).isFalse();
        assertThat(view.assignment.controls.getText())
                .isEqualTo("You may change: Learning rate. Every other setting is locked.");
        // the teacher's settings...
        assertThat(view.features.getValue()).containsExactlyInAnyOrder(Feature.X1_SQUARED, Feature.X2_SQUARED);
        assertThat(view.batchSize.getValue()).isEqualTo(20);
        assertThat(view.optimizer.getValue()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(view.hidden).containsExactly(3);
        // ...locked, except the learning rate
        assertThat(view.batchSize.isEnabled()).isFalse();
        assertThat(view.optimizer.isEnabled()).isFalse();
        assertThat(view.features.isEnabled()).isFalse();
        assertThat(view.dataset.isEnabled()).isFalse();
        assertThat(view.addLayer.isEnabled()).isFalse();
        assertThat(view.upload.isEnabled()).isFalse();
        assertThat(view.batchSize.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.learningRate.isEnabled()).isTrue();
        assertThat(view.learningRateSlider.isEnabled()).isTrue();
        // nor can points be drawn into the teacher's data
        int pointsBefore = view.data.train().size() + view.data.test().size();
        view.clickPoint(0.5, 0.5, false);
        assertThat(view.data.train().size() + view.data.test().size()).isEqualTo(pointsBefore);
        NotificationsKt.clearNotifications();

        assertThat(view.assignment.submit.isEnabled()).isFalse(); // nothing trained yet
        view.learningRate.setValue(0.3);
        train(3);
        assertThat(view.assignment.submit.isEnabled()).isTrue();
        Submission s = submitThroughTheBar();
        assertThat(s).isNotNull();
        assertThat(s.student()).isEqualTo("minji");
        assertThat(s.goalMet()).isTrue();
        assertThat(s.metricValue()).isLessThan(10.0);
        assertThat(view.assignment.result.getText()).isEqualTo("Submitted: the goal is met.");
        assertThat(experiments.get("minji", s.experimentId()).configJson()).contains("\"learningRate\":0.3");
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = teacherAssignment(null);
        login("minji", "STUDENT");
        view = navigate("playground", QueryParameters.of("assignment", Long.toString(a.id())));
        // what a crafted request could do: the server still holds the field, so change it there
        view.batchSize.setValue(30);
        train(2);
        Submission s = submitThroughTheBar();
        assertThat(s).isNull();
        assertThat(view.assignment.result.getText())
                .isEqualTo("The setting \"batchSize\" is locked in this assignment: keep the value the teacher chose.");
        assertThat(experiments.list("minji", null)).hasSize(1);
    }

    @Test
    void anAssignmentNeedsALoginAndAMemberOfItsClass() {
        Assignment a = teacherAssignment(null);
        logout();
        view = navigate("playground", QueryParameters.of("assignment", Long.toString(a.id())));
        assertThat(view.assignment.isVisible()).isFalse();
        NotificationsKt.expectNotifications("Log in to open an assignment: it belongs to your class.");

        ClassroomFixtures.account(accounts, "outsider", Role.STUDENT);
        login("outsider", "STUDENT");
        view = navigate("playground", QueryParameters.of("assignment", Long.toString(a.id())));
        assertThat(view.assignment.isVisible()).isFalse();
        assertThat(view.batchSize.isEnabled()).isTrue();
        assertThat(view.batchSize.getValue()).isNotEqualTo(20);
    }

    @Test
    void theTeacherPreviewsTheAssignmentWithoutASubmitButton() {
        Assignment a = teacherAssignment(null);
        view = navigate("playground", QueryParameters.of("assignment", Long.toString(a.id())));
        assertThat(view.assignment.isVisible()).isTrue();
        assertThat(view.assignment.submit.isVisible()).isFalse();
        assertThat(view.batchSize.isEnabled()).isFalse();
    }
}
