package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.LabExperiments;
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
        super("sequence", SequenceLabView.class, view -> view.part(AssignmentBar.class).orElseThrow(), view -> view.training);
    }

    /** Trains until the run has {@code epochs} epochs in all, then pauses. */
    private void trainTo(int epochs) {
        assertThat(view.ensureRun()).isTrue();
        long done = view.panels.latest() == null ? 0 : view.panels.latest().epoch();
        view.training.step((int) (epochs - done));
        awaitUi(Duration.ofSeconds(30), epochs + " epochs trained and shown",
                () -> view.panels.latest() != null && view.panels.latest().epoch() == epochs
                        && view.training.run().map(r -> r.state() == RunState.PAUSED).orElse(false));
    }

    /** The teacher trains and saves a single-GRU run on their own text and unlocks only the learning rate. */
    @Override
    protected Assignment teacherAssignment(Goal goal) {
        login("kim", "TEACHER");
        view = openLab();
        view.form.task.setValue(SequenceTaskKind.CUSTOM_TEXT);
        view.form.length.setValue(8);
        view.form.customText.setValue(TEXT);
        view.form.race.setValue(false);
        view.form.cell.setValue(CellKind.GRU);
        view.form.hidden.setValue(6);
        view.form.optimizer.setValue(OptimizerKind.MOMENTUM);
        view.form.learningRate.setValue(0.05);
        view.form.clipping.setValue(0.5);
        view.form.carryGate.setValue(false);
        view.form.seed.setValue(7);
        trainTo(2);
        long source = experiments.save("kim", LabExperiments.draft(view));
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Next letters", "Change only the learning rate.",
                List.of("learningRate"), goal);
    }

    @Override
    protected HasEnabled aLockedControl(SequenceLabView view) {
        return view.form.hidden;
    }

    @Override
    protected void assertNotTheTeachersSettings(SequenceLabView view) {
        assertThat(view.form.task.getValue()).isEqualTo(SequenceTaskKind.DELAYED_RECALL);
    }

    @Test
    void studentGetsTheTeachersSettingsWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("loss", true, 100.0));
        view = openAsTheStudent(a);

        assertThat(view.part(AssignmentBar.class).orElseThrow().isVisible()).isTrue();
        assertThat(view.part(AssignmentBar.class).orElseThrow().title.getText()).isEqualTo("Assignment: Next letters");
        assertThat(view.part(AssignmentBar.class).orElseThrow().goal.getText()).isEqualTo("training loss at most 100");
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).as("no Replay / Continue of a saved experiment").isFalse();
        // the teacher's settings...
        assertThat(view.form.task.getValue()).isEqualTo(SequenceTaskKind.CUSTOM_TEXT);
        assertThat(view.form.customText.getValue()).isEqualTo(TEXT);
        assertThat(view.form.length.getValue()).isEqualTo(8);
        assertThat(view.form.race.getValue()).isFalse();
        assertThat(view.form.cell.getValue()).isEqualTo(CellKind.GRU);
        assertThat(view.form.hidden.getValue()).isEqualTo(6);
        assertThat(view.form.optimizer.getValue()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(view.form.clipping.getValue()).isEqualTo(0.5);
        assertThat(view.form.carryGate.getValue()).isFalse();
        assertThat(view.form.seed.getValue()).isEqualTo(7);
        // ...locked, except the learning rate
        List<HasEnabled> locked = List.of(view.form.task, view.form.delay, view.form.delaySlider, view.form.length, view.form.customText,
                view.form.race, view.form.cell, view.form.hidden, view.form.optimizer, view.form.clipping, view.form.carryGate, view.form.seed);
        assertThat(locked).allSatisfy(f -> assertThat(f.isEnabled()).isFalse());
        assertThat(view.form.customText.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.form.learningRate.isEnabled()).isTrue();
        assertThat(view.panels.showPanels.isEnabled()).as("a view choice, not a setting").isTrue();

        assertThat(view.part(AssignmentBar.class).orElseThrow().submit.isEnabled()).isFalse(); // nothing trained yet
        trainTo(2);
        // the learning rate changes live: the saved run records the rate in effect
        view.form.learningRate.setValue(0.02);
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
        assertThat(s).as(view.part(AssignmentBar.class).orElseThrow().result.getText()).isNotNull();
        assertThat(s.goalMet()).isNull();
        assertThat(experiments.get("minji", s.experimentId()).configJson()).isEqualTo(a.configJson());
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = teacherAssignment(null);
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.form.customText.setValue(TEXT + " the end.");
        trainTo(1);
        submitExpectingTheLockedSettingRefused("customText");
    }
}
