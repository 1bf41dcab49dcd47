package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.LabExperiments;
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
        super("depth", DepthView.class, view -> view.part(AssignmentBar.class).orElseThrow(), view -> view.training);
    }

    /** Trains until the run's internals reach epoch {@code upTo} (counted from the run's start). */
    private void trainTo(int upTo) {
        assertThat(view.ensureRun()).isTrue();
        int done = view.lastInternals() == null ? 0 : (int) view.lastInternals().epoch();
        view.training.step(upTo - done);
        awaitUi(Duration.ofSeconds(30), "epoch " + upTo + " delivered", () -> view.lastInternals() != null
                && view.lastInternals().epoch() == upTo && !view.training.isRunning());
    }

    /**
     * The teacher trains and saves a distinctive comparison (tanh vs ReLU, depth 3 × width 6, He init, η 0.3, seed
     * 5) and makes it an assignment unlocking the learning rate and the depth.
     */
    @Override
    protected Assignment teacherAssignment(Goal goal) {
        login("kim", "TEACHER");
        view = openLab();
        view.form.dataset.setValue(DatasetKind.CIRCLE);
        view.form.depth.setValue(3);
        view.form.width.setValue(6);
        view.form.activation.setValue(Activation.TANH);
        view.form.other.setValue(Activation.RELU);
        view.form.initializer.setValue(Initializer.HE);
        view.form.learningRate.setValue(Math.log10(0.3));
        view.form.seed.setValue(5);
        trainTo(3);
        long source = experiments.save("kim", LabExperiments.draft(view));
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Deep tanh vs ReLU", "Change the rate or the depth.",
                List.of("learningRate", "depth"), goal);
    }

    @Override
    protected HasEnabled aLockedControl(DepthView view) {
        return view.form.width;
    }

    @Override
    protected void assertNotTheTeachersSettings(DepthView view) {
        assertThat(view.form.width.getValue()).isNotEqualTo(6);
    }

    private void assertLocked() {
        assertThat(view.form.dataset.isEnabled()).isFalse();
        assertThat(view.form.width.isEnabled()).isFalse();
        assertThat(view.form.activation.isEnabled()).isFalse();
        assertThat(view.form.compare.isEnabled()).isFalse();
        assertThat(view.form.other.isEnabled()).isFalse();
        assertThat(view.form.initializer.isEnabled()).isFalse();
        assertThat(view.form.seed.isEnabled()).isFalse();
    }

    @Test
    void studentGetsTheTeachersComparisonWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("loss", true, 10.0));
        view = openAsTheStudent(a);

        assertThat(view.part(AssignmentBar.class).orElseThrow().isVisible()).isTrue();
        assertThat(view.part(AssignmentBar.class).orElseThrow().title.getText()).isEqualTo("Assignment: Deep tanh vs ReLU");
        assertThat(view.part(AssignmentBar.class).orElseThrow().goal.getText()).isEqualTo("training loss at most 10");
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        // the teacher's settings and seed...
        assertThat(view.form.dataset.getValue()).isEqualTo(DatasetKind.CIRCLE);
        assertThat(view.form.depth.getValue()).isEqualTo(3);
        assertThat(view.form.width.getValue()).isEqualTo(6);
        assertThat(view.form.activation.getValue()).isEqualTo(Activation.TANH);
        assertThat(view.form.compare.getValue()).isTrue();
        assertThat(view.form.other.getValue()).isEqualTo(Activation.RELU);
        assertThat(view.form.initializer.getValue()).isEqualTo(Initializer.HE);
        assertThat(view.form.lr()).isEqualTo(0.3);
        assertThat(view.form.seed.getValue()).isEqualTo(5);
        // ...locked, except the rate and the depth
        assertLocked();
        assertThat(view.form.width.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.form.other.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.form.learningRate.isEnabled()).isTrue();
        assertThat(view.form.depth.isEnabled()).isTrue();

        // a changed depth rebuilds the networks (and enables the second activation again): still locked
        view.form.depth.setValue(4);
        assertLocked();

        assertThat(view.part(AssignmentBar.class).orElseThrow().submit.isEnabled()).isFalse(); // nothing trained yet
        trainTo(2);
        // the rate changed live while the run goes on: the submission carries the rate in effect
        view.form.learningRate.setValue(Math.log10(0.1));
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
        assertThat(view.part(AssignmentBar.class).orElseThrow().result.getText()).isEqualTo("Submitted, but the goal is not met yet: you can train more and submit again.");
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = teacherAssignment(null);
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.form.compare.setValue(false);
        trainTo(2);
        submitExpectingTheLockedSettingRefused("activations");
    }
}
