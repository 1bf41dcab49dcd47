package io.tinynets.lab.autoencoder.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.lab.autoencoder.AutoencoderPicture;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunState;
import io.tinynets.training.TrainingRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Save an autoencoder run as an experiment, reopen it, replay it from its seed or continue from its weights. */
class AutoencoderExperimentTest extends KaribuTest {

    private static final int EPOCHS = 12;

    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;

    private AutoencoderView view;

    @BeforeEach
    void open() {
        login("student.lab", "STUDENT");
        jdbc.update("DELETE FROM experiment WHERE owner = ?", CurrentUser.experimentOwner());
        UI.getCurrent().navigate("autoencoder");
        view = _get(AutoencoderView.class);
    }

    @AfterEach
    void stop() {
        _get(AutoencoderView.class).training.discard();
    }

    /** What "Open in lab" does: {@code autoencoder?experiment=<id>}. */
    private static AutoencoderView reopen(long id) {
        UI.getCurrent().navigate("autoencoder", QueryParameters.of("experiment", Long.toString(id)));
        return _get(AutoencoderView.class);
    }

    private void train(int epochs) {
        view.form.learningRate.setValue(0.05);
        view.form.seed.setValue(9);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).as("nothing to save before training").isFalse();
        assertThat(view.ensureRun()).isTrue();
        view.training.step(epochs);
        awaitEpochs(view, epochs);
    }

    private static void awaitEpochs(AutoencoderView v, int epochs) {
        awaitUi(Duration.ofSeconds(30), epochs + " epochs trained and shown",
                () -> v.training.run().map(r -> r.state() == RunState.PAUSED && r.epoch() == epochs).orElse(false)
                        && v.panels.lossChart.pointCount(0) == epochs && v.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled());
    }

    private long saveThroughDialog(String name) {
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().save);
        SaveExperimentDialog dialog = _get(SaveExperimentDialog.class);
        _get(dialog, TextField.class, spec -> spec.withLabel("Name")).setValue(name);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        return experiments.list(CurrentUser.experimentOwner(), null).stream().filter(s -> s.name().equals(name))
                .findFirst().map(ExperimentSummary::id).orElseThrow();
    }

    private static double[] losses(TrainingRun<?> run) {
        return run.history().stream().mapToDouble(MetricPoint::trainLoss).toArray();
    }

    @Test
    void seedFieldIsValidatedAndStartsTheRunWithIt() {
        view.form.seed.setValue(-1);
        assertThat(view.form.seed.isInvalid()).isTrue();
        assertThat(view.form.seed.getErrorMessage()).isEqualTo("Enter a seed between 0 and 2147483647");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        view.form.seed.setValue(5);
        assertThat(view.ensureRun()).isTrue();
        assertThat(view.training.run().orElseThrow().seed()).isEqualTo(5);
        assertThat(view.runConfig().seed()).isEqualTo(5);
    }

    @Test
    void savedRunIsListedWithItsLabMetricsWeightsAndReconstructions() {
        train(EPOCHS);
        double finalLoss = view.training.run().orElseThrow().history().get(EPOCHS - 1).trainLoss();
        long id = saveThroughDialog("digits k2");

        ExperimentSummary s = experiments.list(CurrentUser.experimentOwner(), null).get(0);
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.lab()).isEqualTo("autoencoder");
        assertThat(s.finalMetrics().get("loss")).isEqualTo(finalLoss);
        Experiment e = experiments.get(CurrentUser.experimentOwner(), id);
        assertThat(e.seed()).isEqualTo(9);
        assertThat(AutoencoderConfigJson.read(e.configJson(), e.configVersion()).seed()).isEqualTo(9);
        assertThat(e.curves()).extracting(Curve::name).containsExactly("loss");
        assertThat(e.curves().get(0).size()).isEqualTo(EPOCHS);
        assertThat(e.weightsJson()).contains("encoder.0.weight").contains("decoder.1.bias");
        // ten 8×8 reconstructions side by side
        assertThat(e.picture().cols()).isEqualTo(80);
        assertThat(e.picture().rows()).isEqualTo(8);
        // byte for byte what a teacher's projection of the same moment shows
        assertThat(e.picture()).isEqualTo(new AutoencoderPicture().of(view.lastInternals()).orElseThrow());
    }

    @Test
    void reopeningRestoresTheFormAndCurveAndReplaysTheSameLosses() {
        train(EPOCHS);
        long id = saveThroughDialog("replay me");
        double[] original = experiments.get(CurrentUser.experimentOwner(), id).curves().get(0).y();
        view.training.discard();

        AutoencoderView reopened = reopen(id);
        assertThat(reopened.form.seed.getValue()).isEqualTo(9);
        assertThat(reopened.form.learningRate.getValue()).isEqualTo(0.05);
        assertThat(reopened.form.hidden.getValue()).isEqualTo("32, 16");
        assertThat(reopened.form.bottleneck.getValue()).isEqualTo(2);
        assertThat(reopened.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isTrue();
        assertThat(reopened.training.run().orElseThrow().state()).isEqualTo(RunState.READY);
        awaitUi(Duration.ofSeconds(30), "the READY run's first snapshot", () -> reopened.lastInternals() != null);
        assertThat(reopened.panels.lossChart.pointCount(0)).as("the saved curve stays drawn").isEqualTo(EPOCHS);

        _click(reopened.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.replay);
        reopened.training.step(4);
        awaitUi(Duration.ofSeconds(30), "4 replayed epochs",
                () -> reopened.training.run().map(r -> r.state() == RunState.PAUSED && r.epoch() == 4).orElse(false)
                        && reopened.panels.lossChart.pointCount(0) == 4);
        assertThat(losses(reopened.training.run().orElseThrow())).containsExactly(Arrays.copyOf(original, 4));
    }

    @Test
    void continuingStartsFromTheSavedWeights() {
        train(EPOCHS);
        long id = saveThroughDialog("continue me");
        double[] original = experiments.get(CurrentUser.experimentOwner(), id).curves().get(0).y();
        double initial = original[0];
        double saved = original[EPOCHS - 1];
        // the uninterrupted run's next epoch
        view.training.step(1);
        awaitEpochs(view, EPOCHS + 1);
        double uninterruptedNext = losses(view.training.run().orElseThrow())[EPOCHS];
        view.training.discard();

        AutoencoderView reopened = reopen(id);
        _click(reopened.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining);
        reopened.training.step(1);
        awaitUi(Duration.ofSeconds(30), "one continued epoch",
                () -> reopened.training.run().map(r -> r.state() == RunState.PAUSED && r.epoch() == 1).orElse(false));
        double first = losses(reopened.training.run().orElseThrow())[0];
        assertThat(Math.abs(first - saved)).isLessThan(Math.abs(first - initial) / 3);
        // exactly: the optimizer's state, the batch order and the noise resume where the saved run stood
        assertThat(first).isEqualTo(uninterruptedNext);
    }

    @Test
    void foreignOrUnknownExperimentIsRefusedAndTheLabStaysDefault() {
        long foreign = experiments.save(existingAccount("someone-else"), new ExperimentDraft("autoencoder", "theirs", "", List.of(),
                AutoencoderConfigJson.write(AutoencoderConfig.defaults().withSeed(3)), 1, 3, List.of(), Map.of(),
                null, null));
        NotificationsKt.clearNotifications();
        AutoencoderView v = reopen(foreign);
        NotificationsKt.expectNotifications("Experiment " + foreign + " cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(v.training.hasRun()).isFalse();
        assertThat(v.form.seed.getValue()).isEqualTo(42);

        v = reopen(987654321L);
        NotificationsKt.expectNotifications("Experiment 987654321 cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(v.training.hasRun()).isFalse();
    }

    @Test
    void barNamesTheExperimentAndSaysWhetherTheRunReplaysContinuesOrHasOtherSettings() {
        train(2);
        long id = saveThroughDialog("bar check");
        view.training.discard();

        AutoencoderView v = reopen(id);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.title.getText()).isEqualTo("Experiment \"bar check\"");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).isEqualTo("Ready: replay from the seed");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining.isEnabled()).isTrue();

        v.form.bottleneck.setValue(3);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).startsWith("Settings changed");
        assertThat(v.training.hasRun()).as("the changed settings start their own run on Play").isFalse();

        _click(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).isEqualTo("Ready: continue from the saved weights");
        assertThat(v.form.bottleneck.getValue()).as("the experiment's settings are back").isEqualTo(2);
        assertThat(v.training.run().orElseThrow().state()).isEqualTo(RunState.READY);
        assertThat(v.panels.lossChart.pointCount(0)).as("the saved curve").isEqualTo(2);
    }

    @Test
    void anotherLabsExperimentIsRefusedWithAMessage() {
        long other = experiments.save(CurrentUser.experimentOwner(), new ExperimentDraft("sequence", "elsewhere", "",
                List.of(), AutoencoderConfigJson.write(AutoencoderConfig.defaults()), 1, 3, List.of(), Map.of(),
                null, null));
        NotificationsKt.clearNotifications();
        AutoencoderView v = reopen(other);
        NotificationsKt.expectNotifications("Experiment " + other
                + " was made in another lab (sequence); open it from the experiments page.");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(v.training.hasRun()).isFalse();
    }
}
