package io.tinynets.lab.playground.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.experiment.ImportResult;
import io.tinynets.data.Feature;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.LabExperiments;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student opens an assignment in the playground: the teacher's settings are in the form, the locked controls are
 * greyed out, the unlocked one is theirs, and "Submit to assignment" saves and hands in the run with the goal check.
 */
class PlaygroundAssignmentTest extends LabAssignmentTestBase<PlaygroundView> {

    PlaygroundAssignmentTest() {
        super("playground", PlaygroundView.class, view -> view.part(AssignmentBar.class).orElseThrow(), view -> view.training);
    }

    private void train(int epochs) {
        assertThat(view.ensureRun()).isTrue();
        view.training.step(epochs);
        awaitUi(Duration.ofSeconds(30), epochs + " epochs delivered", () -> view.lastEpoch() == epochs
                && !view.training.isRunning());
    }

    /** The teacher trains and saves a distinctive run, and makes it an assignment unlocking only the learning rate. */
    @Override
    protected Assignment teacherAssignment(Goal goal) {
        login("kim", "TEACHER");
        view = openLab();
        view.form.features.setValue(Set.of(Feature.X1_SQUARED, Feature.X2_SQUARED));
        view.form.learningRate.setValue(0.1);
        view.form.batchSize.setValue(20);
        view.form.optimizer.setValue(OptimizerKind.MOMENTUM);
        view.form.layers.setLayers(List.of(3), io.tinynets.engine.Activation.TANH);
        train(3);
        long source = experiments.save("kim", LabExperiments.draft(view));
        view.training.discard();
        return assignments.create("kim", c.id(), source, "Circle with squares", "Change only the learning rate.",
                List.of("learningRate"), goal);
    }

    @Override
    protected HasEnabled aLockedControl(PlaygroundView view) {
        return view.form.batchSize;
    }

    @Override
    protected void assertNotTheTeachersSettings(PlaygroundView view) {
        assertThat(view.form.batchSize.getValue()).isNotEqualTo(20);
    }

    @Test
    void studentGetsTheTeachersSettingsWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = teacherAssignment(new Goal("test loss", true, 10.0));
        view = openAsTheStudent(a);

        assertThat(view.part(AssignmentBar.class).orElseThrow().isVisible()).isTrue();
        assertThat(view.part(AssignmentBar.class).orElseThrow().title.getText()).isEqualTo("Assignment: Circle with squares");
        assertThat(view.part(AssignmentBar.class).orElseThrow().instructions.getText()).isEqualTo("Change only the learning rate.");
        assertThat(view.part(AssignmentBar.class).orElseThrow().goal.getText()).isEqualTo("test loss at most 10");
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(view.part(AssignmentBar.class).orElseThrow().controls.getText())
                .isEqualTo("You may change: Learning rate. Every other setting is locked.");
        // the teacher's settings...
        assertThat(view.form.features.getValue()).containsExactlyInAnyOrder(Feature.X1_SQUARED, Feature.X2_SQUARED);
        assertThat(view.form.batchSize.getValue()).isEqualTo(20);
        assertThat(view.form.optimizer.getValue()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(view.form.layers.hidden).containsExactly(3);
        // ...locked, except the learning rate
        assertThat(view.form.batchSize.isEnabled()).isFalse();
        assertThat(view.form.optimizer.isEnabled()).isFalse();
        assertThat(view.form.features.isEnabled()).isFalse();
        assertThat(view.form.dataset.isEnabled()).isFalse();
        assertThat(view.form.layers.addLayer.isEnabled()).isFalse();
        assertThat(view.form.data.upload.isEnabled()).isFalse();
        assertThat(view.form.batchSize.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.form.learningRate.isEnabled()).isTrue();
        assertThat(view.form.learningRateSlider.isEnabled()).isTrue();
        // nor can points be drawn into the teacher's data
        int pointsBefore = view.form.data.current().train().size() + view.form.data.current().test().size();
        view.form.data.clickPoint(0.5, 0.5, false);
        assertThat(view.form.data.current().train().size() + view.form.data.current().test().size()).isEqualTo(pointsBefore);
        NotificationsKt.clearNotifications();

        assertThat(view.part(AssignmentBar.class).orElseThrow().submit.isEnabled()).isFalse(); // nothing trained yet
        view.form.learningRate.setValue(0.3);
        train(3);
        Submission s = submitExpectingTheGoalMet(10.0);
        assertThat(experiments.get("minji", s.experimentId()).configJson()).contains("\"learningRate\":0.3");
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = teacherAssignment(null);
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.form.batchSize.setValue(30);
        train(2);
        submitExpectingTheLockedSettingRefused("batchSize");
    }

    /**
     * Issue 15: the assignment's own configuration imported with {@code "loss": 0} is accepted but never meets the
     * goal (the figures are the file's), while a run trained here on the same settings that meets it does.
     */
    @Test
    void aCraftedImportIsNeverGoalMetButALiveRunIs() throws Exception {
        Assignment a = teacherAssignment(new Goal("loss", true, 10.0));
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = json.createObjectNode().put("format", "tinynets-experiments").put("schemaVersion", 1);
        ObjectNode e = file.putArray("experiments").addObject().put("lab", "playground").put("name", "perfect")
                .put("configVersion", a.configVersion()).put("seed", a.seed().orElseThrow());
        e.set("config", json.readTree(a.configJson()));
        e.putObject("finalMetrics").put("loss", 0).put("test loss", 0).put("accuracy", 1);
        ImportResult imported = experiments.importFile("minji", json.writeValueAsBytes(file));
        assertThat(imported.ok()).as(String.valueOf(imported.problem())).isTrue();

        Submission crafted = assignments.submit("minji", a.id(), imported.savedIds().get(0));
        assertThat(crafted.goalMet()).isFalse();
        assertThat(crafted.goalVerified()).isFalse();
        assertThat(crafted.goalUnverified()).isTrue();
        assertThat(crafted.metricValue()).isEqualTo(0.0); // shown as it was claimed, deciding nothing

        view = openAsTheStudent(a);
        train(3);
        Submission live = submitExpectingTheGoalMet(10.0);
        assertThat(live.goalVerified()).isTrue();
        assertThat(assignments.submissions("kim", a.id())).extracting(Submission::goalUnverified)
                .containsExactlyInAnyOrder(true, false);
        // the teacher's list says which goal check counts
        view.training.discard();
        assertThat(teachersSubmissionRows(a)).anySatisfy(row -> assertThat(row).contains("perfect", "not verified"))
                .anySatisfy(row -> assertThat(row).contains("met").doesNotContain("not verified"));
    }
}
