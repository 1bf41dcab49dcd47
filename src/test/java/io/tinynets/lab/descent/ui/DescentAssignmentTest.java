package io.tinynets.lab.descent.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.LabExperiments;
import io.tinynets.lab.descent.SurfaceKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student opens an assignment in the Gradient descent lab: the teacher's race is in the form, the locked controls
 * are greyed out (and a click on the map cannot move a locked start), the unlocked ones are theirs, and "Submit to
 * assignment" saves and hands in the race with the goal check.
 */
class DescentAssignmentTest extends LabAssignmentTestBase<DescentView> {

    DescentAssignmentTest() {
        super("descent", DescentView.class, view -> view.part(AssignmentBar.class).orElseThrow(), view -> view.training);
    }

    /** Walks until the race's internals reach step {@code upTo} (counted from the race's start). */
    private void stepTo(int upTo) {
        assertThat(view.ensureRun()).isTrue();
        long done = view.lastInternals() == null ? 0 : view.lastInternals().steps();
        view.training.step(upTo - done);
        awaitUi(Duration.ofSeconds(30), "step " + upTo + " delivered", () -> view.lastInternals() != null
                && view.lastInternals().steps() == upTo && !view.training.isRunning());
    }

    /** The teacher races SGD and momentum on the bowl from (3, −2) with η 0.02, μ 0.8, and makes it an assignment. */
    private Assignment teacherAssignment(Goal goal, List<String> unlocked) {
        login("kim", "TEACHER");
        view = openLab();
        view.form.surface.setValue(SurfaceKind.BOWL);
        view.form.optimizers.setValue(Set.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM));
        view.form.learningRate.setValue(Math.log10(0.02));
        view.form.momentum.setValue(0.8);
        view.setStart(3.0, -2.0);
        stepTo(5);
        long source = experiments.save("kim", LabExperiments.draft(view));
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Momentum on the bowl", "Find a better rate.", unlocked,
                goal);
    }

    /** The race with only the rate unlocked. */
    @Override
    protected Assignment teacherAssignment(Goal goal) {
        return teacherAssignment(goal, List.of("learningRate"));
    }

    @Override
    protected HasEnabled aLockedControl(DescentView view) {
        return view.form.momentum;
    }

    @Override
    protected void assertNotTheTeachersSettings(DescentView view) {
        assertThat(view.form.surface.getValue()).isNotEqualTo(SurfaceKind.BOWL);
    }

    @Test
    void studentGetsTheTeachersRaceWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("loss", true, 1000.0), List.of("learningRate", "surface"));
        view = openAsTheStudent(a);

        assertThat(view.part(AssignmentBar.class).orElseThrow().isVisible()).isTrue();
        assertThat(view.part(AssignmentBar.class).orElseThrow().title.getText()).isEqualTo("Assignment: Momentum on the bowl");
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        // the teacher's race...
        assertThat(view.form.surface.getValue()).isEqualTo(SurfaceKind.BOWL);
        assertThat(view.form.optimizers.getValue()).containsExactlyInAnyOrder(OptimizerKind.SGD, OptimizerKind.MOMENTUM);
        assertThat(view.form.lr()).isEqualTo(0.02);
        assertThat(view.form.momentum.getValue()).isEqualTo(0.8);
        assertThat(view.form.startX.getValue()).isEqualTo(3.0);
        assertThat(view.form.startY.getValue()).isEqualTo(-2.0);
        // ...locked, except the rate; the surface too, since another surface would move the locked start
        assertThat(view.form.optimizers.isEnabled()).isFalse();
        assertThat(view.form.momentum.isEnabled()).isFalse();
        assertThat(view.form.beta1.isEnabled()).isFalse();
        assertThat(view.form.beta2.isEnabled()).isFalse();
        assertThat(view.form.rho.isEnabled()).isFalse();
        assertThat(view.form.startX.isEnabled()).isFalse();
        assertThat(view.form.startY.isEnabled()).isFalse();
        assertThat(view.form.surface.isEnabled()).isFalse();
        assertThat(view.form.momentum.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.form.learningRate.isEnabled()).isTrue();
        // nor can a click on the map move the start
        NotificationsKt.clearNotifications();
        view.setStart(0.5, 0.5);
        assertThat(view.form.startX.getValue()).isEqualTo(3.0);
        assertThat(view.form.startY.getValue()).isEqualTo(-2.0);
        NotificationsKt.expectNotifications("Locked by the assignment: your teacher chose this setting.");

        assertThat(view.part(AssignmentBar.class).orElseThrow().submit.isEnabled()).isFalse(); // nothing walked yet
        stepTo(3);
        // the rate changed live while the racers walk: the submission carries the rate in effect
        view.form.learningRate.setValue(Math.log10(0.05));
        stepTo(6);
        Submission s = submitExpectingTheGoalMet(1000.0);
        assertThat(experiments.get("minji", s.experimentId()).configJson()).contains("\"learningRate\":0.05");
    }

    @Test
    void theTeachersRaceWalkedAndSubmittedUnchangedIsAccepted() {
        Assignment a = teacherAssignment(new Goal("loss", true, -1.0), List.of("learningRate"));
        view = openAsTheStudent(a);
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
        view = openAsTheStudent(a);
        assertThat(view.form.startX.isEnabled()).isTrue();
        assertThat(view.form.surface.isEnabled()).isFalse();
        view.setStart(1.0, 1.5);
        assertThat(view.form.startX.getValue()).isEqualTo(1.0);
        stepTo(2);
        Submission s = submitThroughTheBar();
        assertThat(s).isNotNull();
        assertThat(experiments.get("minji", s.experimentId()).configJson()).contains("\"start\":[1.0,1.5]");
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRaceStaysSaved() {
        Assignment a = teacherAssignment(null, List.of("learningRate"));
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.form.momentum.setValue(0.5);
        stepTo(2);
        submitExpectingTheLockedSettingRefused("momentum");
    }
}
