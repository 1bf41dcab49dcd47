package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.HasEnabled;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Submission;
import io.tinynets.classroom.ui.LabAssignmentTestBase;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.ExperimentDraft;
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
        super("autoencoder", AutoencoderView.class, view -> view.assignment, view -> view.live);
    }

    /** Trains until the run has {@code epochs} epochs in all, then pauses. */
    private void trainTo(int epochs) {
        assertThat(view.ensureRun()).isTrue();
        long done = view.live.run().orElseThrow().epoch();
        view.live.step((int) (epochs - done));
        awaitUi(Duration.ofSeconds(15), epochs + " epochs trained and shown",
                () -> view.live.run().map(r -> r.state() == RunState.PAUSED && r.epoch() == epochs).orElse(false)
                        && view.lossChart.pointCount(0) == epochs && view.save.isEnabled());
    }

    /** The teacher's distinctive run: a denoising, tied, 3-code network from seed 9. */
    private ExperimentDraft teacherRun() {
        login("kim", "TEACHER");
        view = openLab();
        view.hidden.setValue("12");
        view.bottleneck.setValue(3);
        view.activation.setValue(Activation.RELU);
        view.tied.setValue(true);
        view.noiseKind.setValue(AutoencoderNoise.Kind.GAUSSIAN);
        view.noiseLevel.setValue(0.2);
        view.optimizer.setValue(OptimizerKind.MOMENTUM);
        view.learningRate.setValue(0.05);
        view.seed.setValue(9);
        trainTo(2);
        ExperimentDraft draft = view.draft();
        view.live.discard();
        return draft;
    }

    @Override
    protected Assignment teacherAssignment(Goal goal) {
        return assignment(teacherRun(), goal);
    }

    @Override
    protected HasEnabled aLockedControl(AutoencoderView view) {
        return view.bottleneck;
    }

    @Override
    protected void assertNotTheTeachersSettings(AutoencoderView view) {
        assertThat(view.bottleneck.getValue()).isEqualTo(2);
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

        assertThat(view.assignment.isVisible()).isTrue();
        assertThat(view.assignment.title.getText()).isEqualTo("Assignment: Denoise the digits");
        assertThat(view.reopened.isVisible()).as("no Replay / Continue of a saved experiment").isFalse();
        // the teacher's settings...
        assertThat(view.hidden.getValue()).isEqualTo("12");
        assertThat(view.bottleneck.getValue()).isEqualTo(3);
        assertThat(view.activation.getValue()).isEqualTo(Activation.RELU);
        assertThat(view.tied.getValue()).isTrue();
        assertThat(view.noiseKind.getValue()).isEqualTo(AutoencoderNoise.Kind.GAUSSIAN);
        assertThat(view.noiseLevel.getValue()).isEqualTo(0.2);
        assertThat(view.optimizer.getValue()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(view.seed.getValue()).isEqualTo(9);
        // ...locked, except the learning rate and the noise level; the noise kind would also change the level
        List<HasEnabled> locked = List.of(view.dataKind, view.hidden, view.bottleneck, view.activation, view.tied,
                view.loss, view.noiseKind, view.optimizer, view.seed);
        assertThat(locked).allSatisfy(f -> assertThat(f.isEnabled()).isFalse());
        assertThat(view.seed.getTooltip().getText()).startsWith("Locked by the assignment");
        assertThat(view.learningRate.isEnabled()).isTrue();
        assertThat(view.noiseLevel.isEnabled()).isTrue();

        assertThat(view.assignment.submit.isEnabled()).isFalse(); // nothing trained yet
        trainTo(1);
        // both change the running run live: the saved run records the values in effect
        _setValue(view.learningRate, 0.02);
        view.noiseLevel.setValue(0.4);
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
        assertThat(s).as(view.assignment.result.getText()).isNotNull();
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
        assertThat(view.runConfig.samples()).isEqualTo(300);
        Submission s = submitThroughTheBar();
        assertThat(s).as(view.assignment.result.getText()).isNotNull();
    }

    @Test
    void aLockedSettingChangedAnywayIsRefusedAndTheRunStaysSaved() {
        Assignment a = assignment(teacherRun(), null);
        view = openAsTheStudent(a);
        // what a crafted request could do: the server still holds the field, so change it there
        view.bottleneck.setValue(4);
        trainTo(1);
        submitExpectingTheLockedSettingRefused("bottleneck");
    }

    @Test
    void anUnlockedDataSetDoesNotSwitchALockedLoss() {
        login("kim", "TEACHER");
        view = openLab();
        view.loss.setValue(AutoencoderLoss.BINARY_CROSS_ENTROPY);
        trainTo(1);
        long source = experiments.save("kim", view.draft());
        view.live.discard();
        Assignment a = assignments.create("kim", c.id(), source, "Any data", "", List.of("data", "samples"), null);
        view = openAsTheStudent(a);
        assertThat(view.dataKind.isEnabled()).isTrue();
        assertThat(view.loss.isEnabled()).isFalse();
        view.dataKind.setValue(ImageSetKind.SURFACE_3D);
        // the lab would switch to MSE for points; locked, the loss stays and the form says it does not fit
        assertThat(view.loss.getValue()).isEqualTo(AutoencoderLoss.BINARY_CROSS_ENTROPY);
        assertThat(view.loss.isInvalid()).isTrue();
        assertThat(view.controls.playButton().isEnabled()).isFalse();
    }
}
