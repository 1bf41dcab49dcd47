package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student opens an assignment in the Vanishing gradient lab: the teacher's comparison is in the form (seed
 * included), the locked controls are greyed out, the unlocked ones are theirs, and "Submit to assignment" saves and
 * hands in the run with the goal check.
 */
class DepthAssignmentTest extends LabAssignmentTestBase<DepthView> {

    DepthAssignmentTest() {
        super("depth", DepthView.class, view -> view.assignment, view -> view.training);
    }

    /** Trains until the run's internals reach epoch {@code upTo} (counted from the run's start). */
    private void trainTo(int upTo) {
        assertThat(view.ensureRun()).isTrue();
        int done = view.lastInternals == null ? 0 : (int) view.lastInternals.epoch();
        view.training.step(upTo - done);
        awaitUi(Duration.ofSeconds(10), "epoch " + upTo + " delivered", () -> view.lastInternals != null
                && view.lastInternals.epoch() == upTo && !view.training.isRunning());
    }

    /**
     * The teacher trains and saves a distinctive comparison (tanh vs ReLU, depth 3 × width 6, He init, η 0.3, seed
     * 5) and makes it an assignment unlocking the learning rate and the depth.
     */
    @Override
    protected Assignment teacherAssignment(Goal goal) {
        login("kim", "TEACHER");
        view = openLab();
        view.dataset.setValue(DatasetKind.CIRCLE);
        view.depth.setValue(3);
        view.width.setValue(6);
        view.activation.setValue(Activation.TANH);
        view.other.setValue(Activation.RELU);
        view.initializer.setValue(Initializer.HE);
        view.learningRate.setValue(Math.log10(0.3));
        view.seed.setValue(5);
        trainTo(3);
        long source = experiments.save("kim", view.draft());
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Deep tanh vs ReLU", "Change the rate or the depth.",
                List.of("learningRate", "depth"), goal);
    }

    @Override
    protected HasEnabled aLockedControl(DepthView view) {
        return view.width;
    }

    @Override
    protected void assertNotTheTeachersSettings(DepthView view) {
        assertThat(view.width.getValue()).isNotEqualTo(6);
    }

    private void assertLocked() {
        assertThat(view.dataset.isEnabled()).isFalse();
        assertThat(view.width.isEnabled()).isFalse();
        assertThat(view.activation.isEnabled()).isFalse();
        assertThat(view.compare.isEnabled()).isFalse();
        assertThat(view.other.isEnabled()).isFalse();
        assertThat(view.initializer.isEnabled()).isFalse();
        assertThat(view.seed.isEnabled()).isFalse();
    }

    @Test
    void studentGetsTheTeachersComparisonWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("loss", true, 10.0));
        view = openAsTheStudent(a);

        assertThat(view.assignment.isVisible()).isTrue();
        assertThat(view.assignment.title.getText()).isEqualTo("Assignment: Deep tanh vs ReLU");
        assertThat(view.assignment.goal.getText()).isEqualTo("training loss at most 10");
        assertThat(view.reopened.isVisible()).isFalse();
        // the teacher's settings and seed...
        assertThat(view.dataset.getValue()).isEqualTo(DatasetKind.CIRCLE);
        assertThat(view.depth.getValue()).isEqualTo(3);
        assertThat(view.width.getValue()).isEqualTo(6);
        assertThat(view.activation.getValue()).isEqualTo(Activation.TANH);
        assertThat(view.compare.getValue()).isTrue();
        assertThat(view.other.getValue()).isEqualTo(Activation.RELU);
        assertThat(view.initializer.getValue()).isEqualTo(Initializer.HE);
        assertThat(view.lr()).isEqualTo(0.3);
        assertThat(view.seed.getValue()).isEqualTo(5);
        // ...locked, except the rate and the depth
        assertLocked();
        assertThat(view.width.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.other.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.learningRate.isEnabled()).isTrue();
        assertThat(view.depth.isEnabled()).isTrue();

        // a changed depth rebuilds the networks (and enables the second activation again): still locked
        view.depth.setValue(4);
        assertLocked();

        assertThat(view.assignment.submit.isEnabled()).isFalse(); // nothing trained yet
        trainTo(2);
        // the rate changed live while the run goes on: the submission carries the rate in effect
        view.learningRate.setValue(Math.log10(0.1));
        trainTo(4);
        Submission s = submitExpectingTheGoalMet(10.0);
        String config = experiments.get("minji", s.experimentId()).configJson();
        assertThat(config).contains("\"learningRate\":0.1").contains("\"depth\":4");
        assertThat(experiments.get("minji", s.experimentId()).seed()).isEqualTo(5);
    }

    @Test
    void theTeachersRunTrainedAndSubmittedUnchangedIsAccepted() {
        Assignment a = teacherAssignment(new Goal("loss", true, 0.0));
        view = openAsTheStudent(a);
        trainTo(2);
        Submission s = submitThroughTheBar();
        assertThat(s).isNotNull();
        assertThat(s.goalMet()).isFalse(); // checked: no loss is at most 0
        assertThat(s.metricValue()).isPositive();
        assertThat(view.assignment.result.getText()).isEqualTo("Submitted, but the goal is not met yet: you can train more and submit again.");
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = teacherAssignment(null);
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.compare.setValue(false);
        trainTo(2);
        submitExpectingTheLockedSettingRefused("activations");
    }
}
