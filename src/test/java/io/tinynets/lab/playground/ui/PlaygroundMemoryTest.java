package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.base.ui.LineChart;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunState;
import io.tinynets.training.TrainingRefusedException;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a session holds does not grow with the length of its run (issue 18: a session with a lab open and training
 * within a few megabytes): the charts keep a bounded display copy of each curve while the run keeps every epoch for
 * a save, and a view that is gone leaves no run or subscription behind holding its panels. Measured in points held,
 * not in bytes or time, so it fails the same way on any machine.
 */
class PlaygroundMemoryTest extends KaribuTest {

    private static final int EPOCHS = 2_500;

    @Autowired
    TrainingService service;

    @Test
    void aLongRunKeepsBoundedChartsAndACompleteHistoryAndADetachedViewLetsGoOfIt() {
        UI.getCurrent().navigate("playground");
        PlaygroundView view = _get(PlaygroundView.class);
        assertThat(view.ensureRun()).isTrue();
        view.training.step(EPOCHS);
        TrainingRun<PlaygroundInternals> run = view.training.run().orElseThrow();
        awaitUi(Duration.ofMinutes(3), EPOCHS + " epochs drawn", () -> run.state() == RunState.PAUSED
                && view.panels.curves.lossChart.xValues(0).length > 0
                && last(view.panels.curves.lossChart.xValues(0)) == EPOCHS);

        PlaygroundCurves curves = view.panels.curves;
        for (LineChart chart : List.of(curves.lossChart, curves.accuracyChart)) {
            assertThat(chart.pointCount(0)).as("train loss / accuracy points held")
                    .isLessThanOrEqualTo(LineChart.MAX_KEPT_POINTS).isGreaterThan(500);
            assertThat(last(chart.xValues(0))).isEqualTo(EPOCHS);
        }
        assertThat(curves.lossChart.pointCount(1)).as("test loss points held")
                .isLessThanOrEqualTo(LineChart.MAX_KEPT_POINTS);
        // the run itself keeps every epoch, exactly: a save is made from it
        List<MetricPoint> history = run.history();
        assertThat(history).hasSize(EPOCHS);
        assertThat(history.get(EPOCHS - 1).trainLoss()).isEqualTo(last(curves.lossChart.yValues(0)));

        // the student leaves: the run is cancelled, unsubscribed and forgotten by the service
        String owner = run.ownerId();
        UI.getCurrent().navigate("");
        awaitUi(Duration.ofSeconds(30), "the run let go", () -> run.state() == RunState.CANCELLED
                && run.subscriberCount() == 0);
        assertThat(view.training.run()).isEmpty();
        assertThatThrownBy(() -> service.run(owner, run.id())).isInstanceOf(TrainingRefusedException.class);
        assertThat(service.runsOf(owner)).doesNotContain(run);
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }
}
