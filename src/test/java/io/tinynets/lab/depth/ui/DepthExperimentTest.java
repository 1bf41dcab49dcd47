package io.tinynets.lab.depth.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.depth.DepthPicture;
import io.tinynets.training.MetricPoint;
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
import static org.assertj.core.api.Assertions.within;

/** Save a depth comparison as an experiment, reopen it, replay it from the seed and continue it from its weights. */
class DepthExperimentTest extends KaribuTest {

    private static final int EPOCHS = 15;

    @Autowired
    ExperimentService service;
    @Autowired
    JdbcTemplate jdbc;

    private DepthView view;

    @BeforeEach
    void open() {
        login("student.lab", "STUDENT");
        jdbc.update("DELETE FROM experiment WHERE owner IN (?, ?)", CurrentUser.experimentOwner(), "someone-else");
        UI.getCurrent().navigate("depth");
        view = _get(DepthView.class);
    }

    @AfterEach
    void stopRun() {
        view.training.discard();
    }

    private static DepthView reopen(long id) {
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("depth", QueryParameters.of("experiment", Long.toString(id)));
        return _get(DepthView.class);
    }

    private static double[] trainLosses(DepthView view) {
        return view.training.run().orElseThrow().history().stream().mapToDouble(MetricPoint::trainLoss).toArray();
    }

    private void stepAndWait(int epochs) {
        view.training.step(epochs);
        awaitUi(Duration.ofSeconds(30), epochs + " epochs with their internals", () -> view.lastInternals() != null
                && view.lastInternals().epoch() == epochs && !view.training.isRunning());
    }

    private long trainAndSave() {
        view.form.dataset.setValue(DatasetKind.CIRCLE);
        view.form.depth.setValue(3);
        view.form.activation.setValue(Activation.TANH);
        view.form.other.setValue(Activation.RELU);
        view.form.learningRate.setValue(Math.log10(0.3));
        view.form.seed.setValue(5);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).isFalse();
        assertThat(view.ensureRun()).isTrue();
        stepAndWait(EPOCHS);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).isTrue();
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().save);
        _get(SaveExperimentDialog.class);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        return service.list(CurrentUser.experimentOwner(), null).get(0).id();
    }

    @Test
    void savedComparisonIsListedReopenedReplayedAndContinued() {
        long id = trainAndSave();
        double[] original = trainLosses(view);
        assertThat(original).hasSize(EPOCHS);

        ExperimentSummary summary = service.list(CurrentUser.experimentOwner(), null).get(0);
        assertThat(summary.lab()).isEqualTo("depth");
        assertThat(summary.finalMetrics().get("loss")).isEqualTo(original[EPOCHS - 1]);
        assertThat(summary.finalMetrics()).containsKeys("accuracy", "loss 1 · tanh", "loss 2 · relu");
        Experiment saved = service.get(CurrentUser.experimentOwner(), id);
        assertThat(saved.seed()).isEqualTo(5);
        assertThat(saved.curves()).extracting(Curve::name)
                .containsExactly("train loss", "loss 1 · tanh", "loss 2 · relu");
        assertThat(saved.picture().cols()).isEqualTo(40);
        // byte for byte what a teacher's projection of the same moment shows
        assertThat(saved.picture()).isEqualTo(new DepthPicture().of(view.lastInternals()).orElseThrow());

        view.training.discard();
        view = reopen(id);
        assertThat(view.form.dataset.getValue()).isEqualTo(DatasetKind.CIRCLE);
        assertThat(view.form.depth.getValue()).isEqualTo(3);
        assertThat(view.form.activation.getValue()).isEqualTo(Activation.TANH);
        assertThat(view.form.compare.getValue()).isTrue();
        assertThat(view.form.other.getValue()).isEqualTo(Activation.RELU);
        assertThat(view.form.lr()).isEqualTo(0.3);
        assertThat(view.form.seed.getValue()).isEqualTo(5);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isTrue();
        assertThat(view.panels.lossChart.getSeries()).hasSize(4); // two live networks, two dashed saved ones
        assertThat(view.panels.lossChart.yValues(2)).isNotEmpty();
        assertThat(view.training.hasRun()).isTrue();

        // replay: bit for bit the same first epochs
        stepAndWait(5);
        assertThat(trainLosses(view)).containsExactly(java.util.Arrays.copyOf(original, 5));

        // the uninterrupted run's next epoch: replay on to one epoch past the saved ones
        view.training.step(EPOCHS + 1 - 5);
        awaitUi(Duration.ofSeconds(30), (EPOCHS + 1) + " replayed epochs", () -> view.lastInternals() != null
                && view.lastInternals().epoch() == EPOCHS + 1 && !view.training.isRunning());
        assertThat(java.util.Arrays.copyOf(trainLosses(view), EPOCHS)).containsExactly(original);
        double uninterruptedNext = trainLosses(view)[EPOCHS];

        // continue: starts near the saved final loss, far from the first one
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining);
        stepAndWait(1);
        double first = trainLosses(view)[0];
        double savedFinal = original[EPOCHS - 1];
        assertThat(first).isCloseTo(savedFinal, within(0.25 * savedFinal));
        assertThat(original[0] - first).isGreaterThan(2 * Math.abs(first - savedFinal));
        // and exactly the uninterrupted run's next epoch: the batch order resumes where the run stood
        assertThat(first).isEqualTo(uninterruptedNext);
    }

    @Test
    void someoneElsesExperimentIsRefusedAndTheLabKeepsItsDefaults() {
        long id = trainAndSave();
        long foreign = service.save(existingAccount("someone-else"), service.get(CurrentUser.experimentOwner(), id).toDraft());
        view.training.discard();
        NotificationsKt.clearNotifications();
        view = reopen(foreign);
        NotificationsKt.expectNotifications("Experiment " + foreign + " cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(view.form.depth.getValue()).isEqualTo(10);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(view.training.hasRun()).isFalse();
    }
}
