package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.AssignmentBar;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.LabExperiments;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.training.RunState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student opens an assignment in the autoencoder lab: the teacher's network, noise and seed are in the form, the
 * locked controls are greyed out, the learning rate and noise level are theirs, and "Submit to assignment" hands in
 * the run with the goal check.
 */
class AutoencoderAssignmentTest extends LabAssignmentTestBase<AutoencoderView> {

    AutoencoderAssignmentTest() {
        super("autoencoder", AutoencoderView.class, view -> view.part(AssignmentBar.class).orElseThrow(), view -> view.training);
    }

    /** Trains until the run has {@code epochs} epochs in all, then pauses. */
    private void trainTo(int epochs) {
        assertThat(view.ensureRun()).isTrue();
        long done = view.training.run().orElseThrow().epoch();
        view.training.step((int) (epochs - done));
        awaitUi(Duration.ofSeconds(30), epochs + " epochs trained and shown",
                () -> view.training.run().map(r -> r.state() == RunState.PAUSED && r.epoch() == epochs).orElse(false)
                        && view.panels.lossChart.pointCount(0) == epochs && view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled());
    }

    /** The teacher's distinctive run: a denoising, tied, 3-code network from seed 9. */
    private ExperimentDraft teacherRun() {
        login("kim", "TEACHER");
        view = openLab();
        view.form.hidden.setValue("12");
        view.form.bottleneck.setValue(3);
        view.form.activation.setValue(Activation.RELU);
        view.form.tied.setValue(true);
        view.form.noiseKind.setValue(AutoencoderNoise.Kind.GAUSSIAN);
        view.form.noiseLevel.setValue(0.2);
        view.form.optimizer.setValue(OptimizerKind.MOMENTUM);
        view.form.learningRate.setValue(0.05);
        view.form.seed.setValue(9);
        trainTo(2);
        ExperimentDraft draft = LabExperiments.draft(view);
        view.training.discard();
        return draft;
    }

    @Override
    protected Assignment teacherAssignment(Goal goal) {
        return assignment(teacherRun(), goal);
    }

    @Override
    protected HasEnabled aLockedControl(AutoencoderView view) {
        return view.form.bottleneck;
    }

    @Override
    protected void assertNotTheTeachersSettings(AutoencoderView view) {
        assertThat(view.form.bottleneck.getValue()).isEqualTo(2);
    }

    /** An assignment of the teacher's run that unlocks only the learning rate and the noise level. */
    private Assignment assignment(ExperimentDraft run, Goal goal) {
        long source = experiments.save("kim", run);
        return assignments.create("kim", c.id(), source, "Denoise the digits", "Tune the rate and the noise.",
                List.of("learningRate", "noiseLevel"), goal);
    }

    @Test
    void studentGetsTheTeachersSettingsWithLockedControlsAndSubmitsFromTheLab() {
        Assignment a = assignment(teacherRun(), new Goal("loss", true, 100.0));
        view = openAsTheStudent(a);

        assertThat(view.part(AssignmentBar.class).orElseThrow().isVisible()).isTrue();
        assertThat(view.part(AssignmentBar.class).orElseThrow().title.getText()).isEqualTo("Assignment: Denoise the digits");
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).as("no Replay / Continue of a saved experiment").isFalse();
        // the teacher's settings...
        assertThat(view.form.hidden.getValue()).isEqualTo("12");
        assertThat(view.form.bottleneck.getValue()).isEqualTo(3);
        assertThat(view.form.activation.getValue()).isEqualTo(Activation.RELU);
        assertThat(view.form.tied.getValue()).isTrue();
        assertThat(view.form.noiseKind.getValue()).isEqualTo(AutoencoderNoise.Kind.GAUSSIAN);
        assertThat(view.form.noiseLevel.getValue()).isEqualTo(0.2);
        assertThat(view.form.optimizer.getValue()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(view.form.seed.getValue()).isEqualTo(9);
        // ...locked, except the learning rate and the noise level; the noise kind would also change the level
        List<HasEnabled> locked = List.of(view.form.dataKind, view.form.hidden, view.form.bottleneck, view.form.activation, view.form.tied,
                view.form.loss, view.form.noiseKind, view.form.optimizer, view.form.seed);
        assertThat(locked).allSatisfy(f -> assertThat(f.isEnabled()).isFalse());
        assertThat(view.form.seed.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.form.learningRate.isEnabled()).isTrue();
        assertThat(view.form.noiseLevel.isEnabled()).isTrue();

        assertThat(view.part(AssignmentBar.class).orElseThrow().submit.isEnabled()).isFalse(); // nothing trained yet
        trainTo(1);
        // both change the running run live: the saved run records the values in effect
        _setValue(view.form.learningRate, 0.02);
        view.form.noiseLevel.setValue(0.4);
        trainTo(2);
        Submission s = submitExpectingTheGoalMet(100.0);
        String saved = experiments.get("minji", s.experimentId()).configJson();
        assertThat(saved).contains("\"learningRate\":0.02").contains("\"noiseLevel\":0.4");
    }

    @Test
    void theTeachersRunUnchangedIsAccepted() {
        Assignment a = assignment(teacherRun(), null);
        view = openAsTheStudent(a);
        trainTo(1);
        Submission s = submitThroughTheBar();
        assertThat(s).as(view.part(AssignmentBar.class).orElseThrow().result.getText()).isNotNull();
        assertThat(experiments.get("minji", s.experimentId()).configJson()).isEqualTo(a.configJson());
    }

    @Test
    void aSampleCountTheFormHasNoControlForIsKeptFromTheAssignment() {
        // a config made elsewhere (an imported experiment) with more samples than the lab draws by default
        ExperimentDraft run = teacherRun();
        String json = AutoencoderConfigJson.write(AutoencoderConfigJson.read(run.configJson(), run.configVersion()))
                .replace("\"samples\":1000", "\"samples\":300");
        assertThat(json).contains("\"samples\":300");
        Assignment a = assignment(new ExperimentDraft(run.lab(), run.name(), "", List.of(), json, run.configVersion(),
                run.seed(), run.curves(), run.finalMetrics(), null, null), null);
        view = openAsTheStudent(a);
        trainTo(1);
        assertThat(view.runConfig().samples()).isEqualTo(300);
        Submission s = submitThroughTheBar();
        assertThat(s).as(view.part(AssignmentBar.class).orElseThrow().result.getText()).isNotNull();
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = assignment(teacherRun(), null);
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.form.bottleneck.setValue(4);
        trainTo(1);
        submitExpectingTheLockedSettingRefused("bottleneck");
    }

    @Test
    void anUnlockedDataSetDoesNotSwitchALockedLoss() {
        login("kim", "TEACHER");
        view = openLab();
        view.form.loss.setValue(AutoencoderLoss.BINARY_CROSS_ENTROPY);
        trainTo(1);
        long source = experiments.save("kim", LabExperiments.draft(view));
        view.training.discard();
        Assignment a = assignments.create("kim", c.id(), source, "Any data", "", List.of("data", "samples"), null);
        view = openAsTheStudent(a);
        assertThat(view.form.dataKind.isEnabled()).isTrue();
        assertThat(view.form.loss.isEnabled()).isFalse();
        view.form.dataKind.setValue(ImageSetKind.SURFACE_3D);
        // the lab would switch to MSE for points; locked, the loss stays and the form says it does not fit
        assertThat(view.form.loss.getValue()).isEqualTo(AutoencoderLoss.BINARY_CROSS_ENTROPY);
        assertThat(view.form.loss.isInvalid()).isTrue();
        assertThat(view.controls.playButton().isEnabled()).isFalse();
    }
}
