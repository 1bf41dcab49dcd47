package io.tinynets.lab.playground.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.data.Feature;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.Provenance;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.LabExperiments;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.playground.WeightEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Save a playground run as an experiment, reopen it, replay it from the seed and continue it from its weights. */
class PlaygroundExperimentTest extends KaribuTest {

    private static final int EPOCHS = 15;

    @Autowired
    ExperimentService service;
    @Autowired
    JdbcTemplate jdbc;

    private PlaygroundView view;

    @BeforeEach
    void open() {
        login("student.lab", "STUDENT");
        jdbc.update("DELETE FROM experiment WHERE owner IN (?, ?)", CurrentUser.experimentOwner(), "someone-else");
        view = navigate("playground");
    }

    @AfterEach
    void stopRun() {
        view.training.discard();
    }

    private static PlaygroundView navigate(String location) {
        UI.getCurrent().navigate(location);
        return _get(PlaygroundView.class);
    }

    /** {@code playground?experiment=<id>}, the way "Open in lab" goes there. */
    private static PlaygroundView reopen(long id) {
        UI.getCurrent().navigate(""); // arriving from elsewhere builds a fresh view, as "Open in lab" does
        UI.getCurrent().navigate("playground", QueryParameters.of("experiment", Long.toString(id)));
        return _get(PlaygroundView.class);
    }

    /** A distinctive config trained for a fixed number of epochs, then saved through the dialog. */
    private long trainAndSave() {
        view.form.features.setValue(Set.of(Feature.X1_SQUARED, Feature.X2_SQUARED));
        view.form.learningRate.setValue(0.1);
        view.form.batchSize.setValue(20);
        view.form.optimizer.setValue(OptimizerKind.MOMENTUM);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).isFalse();
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.getTooltip().getText()).startsWith("Train at least one epoch first");
        assertThat(view.ensureRun()).isTrue();
        view.training.step(EPOCHS);
        awaitUi(Duration.ofSeconds(30), EPOCHS + " epochs delivered with their internals",
                () -> view.panels.curves.lossChart.pointCount(0) == EPOCHS && view.lastEpoch() == EPOCHS
                        && !view.training.isRunning());
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).isTrue();
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().save);
        _get(SaveExperimentDialog.class);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        return service.list(CurrentUser.experimentOwner(), null).get(0).id();
    }

    @Test
    void savedRunIsListedReopenedReplayedAndContinued() {
        long id = trainAndSave();
        double[] original = view.panels.curves.lossChart.yValues(0);

        List<ExperimentSummary> list = service.list(CurrentUser.experimentOwner(), null);
        assertThat(list).hasSize(1);
        ExperimentSummary summary = list.get(0);
        assertThat(summary.lab()).isEqualTo("playground");
        assertThat(summary.finalMetrics().get("loss")).isEqualTo(original[EPOCHS - 1]);
        assertThat(summary.finalMetrics()).containsKeys("accuracy", "test loss");
        Experiment saved = service.get(CurrentUser.experimentOwner(), id);
        assertThat(saved.seed()).isEqualTo(1);
        assertThat(saved.curves()).extracting(Curve::name).containsExactly("train loss", "test loss", "accuracy");
        assertThat(saved.picture().cols()).isEqualTo(50);
        assertThat(saved.weightsJson()).contains("\"layer0.weight\"");
        double savedFinal = original[EPOCHS - 1];
        double savedFirst = original[0];

        // reopen: a new view with the saved form, the saved curve as the ghost and a READY replay run
        view.training.discard();
        view = reopen(id);
        assertThat(view.form.learningRate.getValue()).isEqualTo(0.1);
        assertThat(view.form.batchSize.getValue()).isEqualTo(20);
        assertThat(view.form.optimizer.getValue()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(view.form.features.getValue()).containsExactlyInAnyOrder(Feature.X1_SQUARED, Feature.X2_SQUARED);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isTrue();
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.title.getText()).contains(saved.name());
        assertThat(view.panels.curves.lossChart.yValues(2)).containsExactly(original);
        assertThat(view.training.hasRun()).isTrue();
        // the replay run is built on the training pool; the controls say so until it is ready
        awaitUi(Duration.ofSeconds(30), "the replay run ready",
                () -> view.controls.stateLabel().getText().equals("Ready"));

        // replay: the same seed and config give the same first epochs, bit for bit
        view.training.step(5);
        awaitUi(Duration.ofSeconds(30), "5 replayed epochs", () -> view.panels.curves.lossChart.pointCount(0) == 5
                && !view.training.isRunning());
        assertThat(view.panels.curves.lossChart.yValues(0)).containsExactly(Arrays.copyOf(original, 5));

        // a changed setting makes the next run the student's; the replay button brings the experiment back
        view.form.batchSize.setValue(30);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).startsWith("Settings changed");
        assertThat(view.training.hasRun()).isFalse();
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.replay);
        assertThat(view.form.batchSize.getValue()).isEqualTo(20);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).isEqualTo("Ready: replay from the seed");
        assertThat(view.training.hasRun()).isTrue();

        // the uninterrupted run's next epoch: replay one epoch further than the experiment trained
        view.training.step(EPOCHS + 1);
        awaitUi(Duration.ofSeconds(30), (EPOCHS + 1) + " replayed epochs",
                () -> view.panels.curves.lossChart.pointCount(0) == EPOCHS + 1 && !view.training.isRunning());
        assertThat(Arrays.copyOf(view.panels.curves.lossChart.yValues(0), EPOCHS)).containsExactly(original);
        double uninterruptedNext = view.panels.curves.lossChart.yValues(0)[EPOCHS];

        // continue: the first loss starts near where the experiment stopped, not where it began
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.mode.getText()).isEqualTo("Ready: continue from the saved weights");
        view.training.step(1);
        awaitUi(Duration.ofSeconds(30), "1 continued epoch", () -> view.panels.curves.lossChart.pointCount(0) == 1
                && !view.training.isRunning());
        double first = view.panels.curves.lossChart.yValues(0)[0];
        assertThat(first).isCloseTo(savedFinal, within(0.25 * savedFinal));
        assertThat(savedFirst - first).isGreaterThan(2 * Math.abs(first - savedFinal));
        // and exactly where the uninterrupted run would have gone: momentum and the batch order resume
        assertThat(first).isEqualTo(uninterruptedNext);
    }

    @Test
    void someoneElsesOrAMissingExperimentIsRefusedAndTheLabStaysAsItWas() {
        long id = trainAndSave();
        Experiment mine = service.get(CurrentUser.experimentOwner(), id);
        long foreign = service.save(existingAccount("someone-else"), mine.toDraft());
        view.training.discard();

        NotificationsKt.clearNotifications();
        view = reopen(foreign);
        NotificationsKt.expectNotifications("Experiment " + foreign + " cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(view.form.learningRate.getValue()).isEqualTo(0.03);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(view.training.hasRun()).isFalse();

        NotificationsKt.clearNotifications();
        view = reopen(987654321L);
        NotificationsKt.expectNotifications("Experiment 987654321 cannot be opened: it does not exist, was deleted or is not yours.");

        long descent = service.save(CurrentUser.experimentOwner(), new io.tinynets.experiment.ExperimentDraft(
                "descent", "a descent run", "", List.of(), "{\"version\":1}", 1, 3, List.of(), null, null, null));
        NotificationsKt.clearNotifications();
        view = reopen(descent);
        NotificationsKt.expectNotifications("Experiment " + descent
                + " was made in another lab (descent); open it from the experiments page.");
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(LabExperimentSupport.TRAIN_LOSS).isEqualTo("train loss");
    }

    private void trainMore(int epochs) {
        long before = view.lastEpoch();
        view.training.step(epochs);
        awaitUi(Duration.ofSeconds(30), epochs + " more epochs delivered",
                () -> view.lastEpoch() == before + epochs && !view.training.isRunning());
    }

    /**
     * A run's figures count as measured here only when this server trained it from the settings and seed, or from
     * the weights of a run it measured: a replay of an imported experiment is measured, continuing its weights or
     * editing weights by hand is not.
     */
    @Test
    void theRunsProvenanceFollowsWhereItsWeightsCameFrom() {
        long measured = trainAndSave();
        String owner = CurrentUser.experimentOwner();
        assertThat(service.get(owner, measured).provenance()).isEqualTo(Provenance.MEASURED);
        long imported = service.importFile(owner, service.exportJson(owner, List.of(measured))).savedIds().get(0);
        assertThat(service.get(owner, imported).provenance()).isEqualTo(Provenance.IMPORTED);
        view.training.discard();

        view = reopen(imported); // a replay from the seed: trained here
        trainMore(2);
        assertThat(LabExperiments.draft(view).provenance()).isEqualTo(Provenance.MEASURED);

        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining); // the file's weights: not trained here
        trainMore(2);
        assertThat(LabExperiments.draft(view).provenance()).isEqualTo(Provenance.EDITED);

        view.training.discard();
        view = reopen(measured);
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining); // the weights of a run this server measured
        trainMore(2);
        assertThat(LabExperiments.draft(view).provenance()).isEqualTo(Provenance.MEASURED);

        view.applyEdit(new WeightEdit(0, 0, 0, 1.5)); // a weight set by hand
        trainMore(1);
        assertThat(LabExperiments.draft(view).provenance()).isEqualTo(Provenance.EDITED);
        long edited = service.save(owner, LabExperiments.draft(view));
        assertThat(service.get(owner, edited).provenance()).isEqualTo(Provenance.EDITED);
    }
}
