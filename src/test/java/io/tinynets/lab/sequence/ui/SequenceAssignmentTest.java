package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.SequenceTaskKind;
import io.tinynets.training.RunState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student opens an assignment in the sequence lab: the teacher's task, text and cell are in the form, the locked
 * controls are greyed out, the learning rate is theirs, and "Submit to assignment" hands in the run.
 */
class SequenceAssignmentTest extends LabAssignmentTestBase<SequenceLabView> {

    private static final String TEXT = "the cat sat on the mat. the cat sat on the mat. the rat sat on the cat.";

    SequenceAssignmentTest() {
        super("sequence", SequenceLabView.class, view -> view.assignment, view -> view.training);
    }

    /** Trains until the run has {@code epochs} epochs in all, then pauses. */
    private void trainTo(int epochs) {
        assertThat(view.ensureRun()).isTrue();
        long done = view.latest() == null ? 0 : view.latest().epoch();
        view.training.step((int) (epochs - done));
        awaitUi(Duration.ofSeconds(15), epochs + " epochs trained and shown",
                () -> view.latest() != null && view.latest().epoch() == epochs
                        && view.training.run().map(r -> r.state() == RunState.PAUSED).orElse(false));
    }

    /** The teacher trains and saves a single-GRU run on their own text and unlocks only the learning rate. */
    @Override
    protected Assignment teacherAssignment(Goal goal) {
        login("kim", "TEACHER");
        view = openLab();
        view.task.setValue(SequenceTaskKind.CUSTOM_TEXT);
        view.length.setValue(8);
        view.customText.setValue(TEXT);
        view.race.setValue(false);
        view.cell.setValue(CellKind.GRU);
        view.hidden.setValue(6);
        view.optimizer.setValue(OptimizerKind.MOMENTUM);
        view.learningRate.setValue(0.05);
        view.clipping.setValue(0.5);
        view.carryGate.setValue(false);
        view.seed.setValue(7);
        trainTo(2);
        long source = experiments.save("kim", view.draft());
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Next letters", "Change only the learning rate.",
                List.of("learningRate"), goal);
    }

    @Override
    protected HasEnabled aLockedControl(SequenceLabView view) {
        return view.hidden;
    }

    @Override
    protected void assertNotTheTeachersSettings(SequenceLabView view) {
        assertThat(view.task.getValue()).isEqualTo(SequenceTaskKind.DELAYED_RECALL);
    }

    @Test
    void studentGetsTheTeachersSettingsWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("loss", true, 100.0));
        view = openAsTheStudent(a);

        assertThat(view.assignment.isVisible()).isTrue();
        assertThat(view.assignment.title.getText()).isEqualTo("Assignment: Next letters");
        assertThat(view.assignment.goal.getText()).isEqualTo("training loss at most 100");
        assertThat(view.reopened.isVisible()).as("no Replay / Continue of a saved experiment").isFalse();
        // the teacher's settings...
        assertThat(view.task.getValue()).isEqualTo(SequenceTaskKind.CUSTOM_TEXT);
        assertThat(view.customText.getValue()).isEqualTo(TEXT);
        assertThat(view.length.getValue()).isEqualTo(8);
        assertThat(view.race.getValue()).isFalse();
        assertThat(view.cell.getValue()).isEqualTo(CellKind.GRU);
        assertThat(view.hidden.getValue()).isEqualTo(6);
        assertThat(view.optimizer.getValue()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(view.clipping.getValue()).isEqualTo(0.5);
        assertThat(view.carryGate.getValue()).isFalse();
        assertThat(view.seed.getValue()).isEqualTo(7);
        // ...locked, except the learning rate
        List<HasEnabled> locked = List.of(view.task, view.delay, view.delaySlider, view.length, view.customText,
                view.race, view.cell, view.hidden, view.optimizer, view.clipping, view.carryGate, view.seed);
        assertThat(locked).allSatisfy(f -> assertThat(f.isEnabled()).isFalse());
        assertThat(view.customText.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.learningRate.isEnabled()).isTrue();
        assertThat(view.panels.isEnabled()).as("a view choice, not a setting").isTrue();

        assertThat(view.assignment.submit.isEnabled()).isFalse(); // nothing trained yet
        trainTo(2);
        // the learning rate changes live: the saved run records the rate in effect
        view.learningRate.setValue(0.02);
        trainTo(3);
        Submission s = submitExpectingTheGoalMet(100.0);
        assertThat(experiments.get("minji", s.experimentId()).configJson()).contains("\"learningRate\":0.02");
        assertThat(experiments.get("minji", s.experimentId()).seed()).isEqualTo(7);
    }

    @Test
    void theTeachersRunUnchangedIsAccepted() {
        Assignment a = teacherAssignment(null);
        view = openAsTheStudent(a);
        trainTo(2);
        Submission s = submitThroughTheBar();
        assertThat(s).as(view.assignment.result.getText()).isNotNull();
        assertThat(s.goalMet()).isNull();
        assertThat(experiments.get("minji", s.experimentId()).configJson()).isEqualTo(a.configJson());
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = teacherAssignment(null);
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.customText.setValue(TEXT + " the end.");
        trainTo(1);
        submitExpectingTheLockedSettingRefused("customText");
    }
}
