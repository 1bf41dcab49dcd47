package io.tinynets.lab.sequence.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunState;
import io.tinynets.training.TrainingRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Save a sequence-lab run as an experiment, reopen it, replay it from its seed or continue from its weights. */
class SequenceLabExperimentTest extends KaribuTest {

    private static final int EPOCHS = 25;

    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;

    private SequenceLabView view;

    @BeforeEach
    void open() {
        login("student.lab", "STUDENT");
        jdbc.update("DELETE FROM experiment WHERE owner = ?", CurrentUser.experimentOwner());
        view = navigate("sequence");
    }

    @AfterEach
    void stop() {
        _get(SequenceLabView.class).training.discard();
    }

    private static SequenceLabView navigate(String location) {
        UI.getCurrent().navigate(location);
        return _get(SequenceLabView.class);
    }

    /** What "Open in lab" does: {@code sequence?experiment=<id>}. */
    private static SequenceLabView reopen(long id) {
        UI.getCurrent().navigate("sequence", QueryParameters.of("experiment", Long.toString(id)));
        return _get(SequenceLabView.class);
    }

    /** A small single-LSTM run on delayed recall, trained {@code epochs} epochs and paused. */
    private void trainSmallLstm(int epochs) {
        view.form.delay.setValue(5);
        view.form.hidden.setValue(8);
        view.form.race.setValue(false);
        view.form.cell.setValue(CellKind.LSTM);
        view.form.learningRate.setValue(0.05);
        view.form.seed.setValue(7);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).as("nothing to save before training").isFalse();
        assertThat(view.ensureRun()).isTrue();
        view.training.step(epochs);
        awaitEpochs(view, epochs);
    }

    private static void awaitEpochs(SequenceLabView v, int epochs) {
        awaitUi(Duration.ofSeconds(30), epochs + " epochs trained and shown",
                () -> v.panels.latest() != null && v.panels.latest().epoch() == epochs
                        && v.training.run().map(r -> r.state() == RunState.PAUSED).orElse(false));
    }

    private long saveThroughDialog(String name) {
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).isTrue();
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
    void savedRunIsListedWithItsLabMetricsWeightsAndGatePicture() {
        trainSmallLstm(EPOCHS);
        double finalLoss = view.training.run().orElseThrow().history().get(EPOCHS - 1).trainLoss();
        long id = saveThroughDialog("lstm d5");

        ExperimentSummary s = experiments.list(CurrentUser.experimentOwner(), null).get(0);
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.lab()).isEqualTo("sequence");
        assertThat(s.finalMetrics().get("loss")).isEqualTo(finalLoss);
        assertThat(s.finalMetrics().get("accuracy")).isBetween(0.0, 1.0);
        Experiment e = experiments.get(CurrentUser.experimentOwner(), id);
        assertThat(e.seed()).isEqualTo(7);
        assertThat(e.configVersion()).isEqualTo(1);
        assertThat(SequenceConfigJson.read(e.configJson(), 1).hidden()).isEqualTo(8);
        assertThat(e.curves()).extracting(Curve::name)
                .containsExactly("loss", "accuracy", "loss LSTM", "accuracy LSTM");
        assertThat(e.curves().get(0).size()).isEqualTo(EPOCHS);
        assertThat(e.weightsJson()).contains("\"lstm\"").contains("rnn.weight_ih_l0").contains("fc.bias");
        // the forget gate over 6 steps × 8 units
        assertThat(e.picture().cols()).isEqualTo(6);
        assertThat(e.picture().rows()).isEqualTo(8);
    }

    @Test
    void reopeningRestoresTheFormCurvesAndReplaysTheSameLosses() {
        trainSmallLstm(EPOCHS);
        long id = saveThroughDialog("replay me");
        double[] original = experiments.get(CurrentUser.experimentOwner(), id).curves().get(0).y();
        view.training.discard();

        SequenceLabView reopened = reopen(id);
        assertThat(reopened.form.delay.getValue()).isEqualTo(5);
        assertThat(reopened.form.hidden.getValue()).isEqualTo(8);
        assertThat(reopened.form.race.getValue()).isFalse();
        assertThat(reopened.form.cell.getValue()).isEqualTo(CellKind.LSTM);
        assertThat(reopened.form.learningRate.getValue()).isEqualTo(0.05);
        assertThat(reopened.form.seed.getValue()).isEqualTo(7);
        assertThat(reopened.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isTrue();
        assertThat(reopened.panels.lossChart.pointCount(CellKind.LSTM.ordinal())).isEqualTo(EPOCHS);
        assertThat(reopened.training.run().orElseThrow().state()).isEqualTo(RunState.READY);
        // the saved curve stays drawn while the new run has not trained
        awaitUi(Duration.ofSeconds(30), "the READY run's first snapshot", () -> reopened.panels.latest() != null);
        assertThat(reopened.panels.lossChart.pointCount(CellKind.LSTM.ordinal())).isEqualTo(EPOCHS);

        _click(reopened.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.replay);
        reopened.training.step(5);
        awaitEpochs(reopened, 5);
        double[] replayed = losses(reopened.training.run().orElseThrow());
        assertThat(replayed).containsExactly(java.util.Arrays.copyOf(original, 5));
        assertThat(reopened.panels.lossChart.pointCount(CellKind.LSTM.ordinal())).as("the new run's own curve").isEqualTo(5);
    }

    @Test
    void continuingStartsFromTheSavedWeights() {
        trainSmallLstm(EPOCHS);
        long id = saveThroughDialog("continue me");
        double[] original = experiments.get(CurrentUser.experimentOwner(), id).curves().get(0).y();
        double initial = original[0];
        double saved = original[EPOCHS - 1];
        assertThat(initial - saved).as("the run learned something").isGreaterThan(0.3);
        // the uninterrupted run's next epoch
        view.training.step(1);
        awaitEpochs(view, EPOCHS + 1);
        double uninterruptedNext = losses(view.training.run().orElseThrow())[EPOCHS];
        view.training.discard();

        SequenceLabView reopened = reopen(id);
        _click(reopened.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining);
        reopened.training.step(1);
        awaitEpochs(reopened, 1);
        double first = losses(reopened.training.run().orElseThrow())[0];
        assertThat(Math.abs(first - saved)).isLessThan(Math.abs(first - initial) / 3);
        // exactly: Adam's moments and the data stream resume where the saved run stood
        assertThat(first).isEqualTo(uninterruptedNext);
    }

    @Test
    void foreignOrUnknownExperimentIsRefusedAndTheLabStaysDefault() {
        long foreign = experiments.save(existingAccount("someone-else"), new io.tinynets.experiment.ExperimentDraft("sequence",
                "theirs", "", List.of(), SequenceConfigJson.write(SequenceConfig.defaults()), 1, 3, List.of(),
                java.util.Map.of(), null, null));
        NotificationsKt.clearNotifications();
        SequenceLabView v = reopen(foreign);
        NotificationsKt.expectNotifications("Experiment " + foreign + " cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(v.training.hasRun()).isFalse();
        assertThat(v.form.hidden.getValue()).isEqualTo(SequenceConfig.defaults().hidden());

        v = reopen(987654321L);
        NotificationsKt.expectNotifications("Experiment 987654321 cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(v.training.hasRun()).isFalse();
    }

    @Test
    void barNamesTheExperimentAndSaysWhetherTheRunReplaysContinuesOrHasOtherSettings() {
        trainSmallLstm(3);
        long id = saveThroughDialog("bar check");
        view.training.discard();

        SequenceLabView v = reopen(id);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.title.getText()).isEqualTo("Experiment \"bar check\"");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).isEqualTo("Ready: replay from the seed");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining.isEnabled()).isTrue();

        v.form.hidden.setValue(12);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).startsWith("Settings changed");
        assertThat(v.training.hasRun()).as("the changed settings start their own run on Play").isFalse();

        _click(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).isEqualTo("Ready: continue from the saved weights");
        assertThat(v.form.hidden.getValue()).as("the experiment's settings are back").isEqualTo(8);
        assertThat(v.training.run().orElseThrow().state()).isEqualTo(RunState.READY);
        assertThat(v.panels.lossChart.pointCount(CellKind.LSTM.ordinal())).as("the saved curve").isEqualTo(3);

        _click(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.replay);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).isEqualTo("Ready: replay from the seed");
    }

    @Test
    void anotherLabsExperimentOrAMalformedIdIsRefusedWithAMessage() {
        long other = experiments.save(CurrentUser.experimentOwner(), new io.tinynets.experiment.ExperimentDraft(
                "playground", "elsewhere", "", List.of(), SequenceConfigJson.write(SequenceConfig.defaults()), 1, 3,
                List.of(), java.util.Map.of(), null, null));
        NotificationsKt.clearNotifications();
        SequenceLabView v = reopen(other);
        NotificationsKt.expectNotifications("Experiment " + other
                + " was made in another lab (playground); open it from the experiments page.");
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(v.training.hasRun()).isFalse();

        UI.getCurrent().navigate("sequence", QueryParameters.of("experiment", "twelve"));
        NotificationsKt.expectNotifications("Experiment twelve cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(_get(SequenceLabView.class).part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
    }

    @Test
    void experimentWithoutWeightsCanOnlyBeReplayed() {
        long id = experiments.save(CurrentUser.experimentOwner(), new io.tinynets.experiment.ExperimentDraft(
                "sequence", "no weights", "", List.of(), SequenceConfigJson.write(SequenceConfig.defaults()), 1, 3,
                List.of(), java.util.Map.of(), null, null));
        SequenceLabView v = reopen(id);
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isTrue();
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining.isEnabled()).isFalse();
        assertThat(v.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.replay.isEnabled()).isTrue();
        assertThat(v.form.seed.getValue()).isEqualTo(3);
        assertThat(v.training.run().orElseThrow().state()).isEqualTo(RunState.READY);
    }
}
