package io.tinynets.lab.descent.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ui.ExperimentAddOn;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import io.tinynets.lab.descent.DescentPicture;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.training.MetricPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Save a race as an experiment, reopen it, replay it from the start and continue it from the saved positions. */
class DescentExperimentTest extends KaribuTest {

    private static final int STEPS = 20;

    @Autowired
    ExperimentService service;
    @Autowired
    JdbcTemplate jdbc;

    private DescentView view;

    @BeforeEach
    void open() {
        login("student.lab", "STUDENT");
        jdbc.update("DELETE FROM experiment WHERE owner IN (?, ?)", CurrentUser.experimentOwner(), "someone-else");
        UI.getCurrent().navigate("descent");
        view = _get(DescentView.class);
    }

    @AfterEach
    void stopRun() {
        view.training.discard();
    }

    private static DescentView reopen(long id) {
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("descent", QueryParameters.of("experiment", Long.toString(id)));
        return _get(DescentView.class);
    }

    private static double[] bestLosses(DescentView view) {
        return view.training.run().orElseThrow().history().stream().mapToDouble(MetricPoint::trainLoss).toArray();
    }

    private void stepAndWait(int steps) {
        view.training.step(steps);
        awaitUi(Duration.ofSeconds(30), steps + " steps with their internals", () -> view.lastInternals() != null
                && view.lastInternals().steps() == steps && !view.training.isRunning());
    }

    private long raceAndSave() {
        view.form.surface.setValue(SurfaceKind.BOWL);
        view.form.optimizers.setValue(Set.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM));
        view.form.learningRate.setValue(Math.log10(0.02));
        view.form.momentum.setValue(0.8);
        view.setStart(3.0, -2.0);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).isFalse();
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.getTooltip().getText()).startsWith("Take at least one step first: then the "
                + "race (settings, curves, the racers' positions");
        assertThat(view.ensureRun()).isTrue();
        stepAndWait(STEPS);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().save.isEnabled()).isTrue();
        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().save);
        _get(SaveExperimentDialog.class);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        return service.list(CurrentUser.experimentOwner(), null).get(0).id();
    }

    @Test
    void savedRaceIsListedReopenedReplayedAndContinued() {
        long id = raceAndSave();
        double[] original = bestLosses(view);
        assertThat(original).hasSize(STEPS);

        ExperimentSummary summary = service.list(CurrentUser.experimentOwner(), null).get(0);
        assertThat(summary.lab()).isEqualTo("descent");
        assertThat(summary.finalMetrics().get("loss")).isEqualTo(original[STEPS - 1]);
        assertThat(summary.finalMetrics()).containsKeys("f · sgd", "f · momentum");
        Experiment saved = service.get(CurrentUser.experimentOwner(), id);
        assertThat(saved.curves()).extracting(Curve::name).containsExactly("train loss", "f · sgd", "f · momentum");
        assertThat(saved.curves().get(1).size()).isEqualTo(STEPS + 1); // the start and every step
        assertThat(saved.weightsJson()).contains("\"racers\"");
        assertThat(saved.picture().cols()).isEqualTo(DescentPanels.GRID);
        // byte for byte the surface a teacher's projection of this race shows
        assertThat(saved.picture()).isEqualTo(new DescentPicture().of(view.lastInternals()).orElseThrow());

        view.training.discard();
        view = reopen(id);
        assertThat(view.form.surface.getValue()).isEqualTo(SurfaceKind.BOWL);
        assertThat(view.form.optimizers.getValue()).containsExactlyInAnyOrder(OptimizerKind.SGD, OptimizerKind.MOMENTUM);
        assertThat(view.form.lr()).isEqualTo(0.02);
        assertThat(view.form.momentum.getValue()).isEqualTo(0.8);
        assertThat(view.form.startX.getValue()).isEqualTo(3.0);
        assertThat(view.form.startY.getValue()).isEqualTo(-2.0);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isTrue();
        assertThat(view.panels.lossChart.getSeries()).hasSize(4);
        assertThat(view.panels.lossChart.pointCount(2)).isEqualTo(STEPS + 1);
        assertThat(view.training.hasRun()).isTrue();

        stepAndWait(5);
        assertThat(bestLosses(view)).containsExactly(Arrays.copyOf(original, 5));

        _click(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.continueTraining);
        stepAndWait(1);
        double first = bestLosses(view)[0];
        double savedFinal = original[STEPS - 1];
        assertThat(first).isCloseTo(savedFinal, within(0.25 * savedFinal));
        assertThat(original[0] - first).isGreaterThan(2 * Math.abs(first - savedFinal));
    }

    @Test
    void someoneElsesRaceIsRefusedAndTheLabKeepsItsDefaults() {
        long id = raceAndSave();
        long foreign = service.save(existingAccount("someone-else"), service.get(CurrentUser.experimentOwner(), id).toDraft());
        view.training.discard();
        NotificationsKt.clearNotifications();
        view = reopen(foreign);
        NotificationsKt.expectNotifications("Experiment " + foreign + " cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(view.form.surface.getValue()).isEqualTo(SurfaceKind.RAVINE);
        assertThat(view.part(ExperimentAddOn.Bars.class).orElseThrow().reopened.isVisible()).isFalse();
        assertThat(view.training.hasRun()).isFalse();
    }
}
