package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.base.ui.LineChart;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.SequenceInternals;
import io.tinynets.training.RunState;
import io.tinynets.training.TrainingRefusedException;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sequence lab's session does not grow with its run either (issue 18): its curves keep a bounded display copy,
 * the run keeps every epoch, and leaving the lab lets go of the run. Counted in points, not bytes or time.
 */
class SequenceLabMemoryTest extends KaribuTest {

    private static final int EPOCHS = 1_500;

    @Autowired
    TrainingService service;

    @Test
    void aLongRunKeepsBoundedCurvesAndACompleteHistoryAndLeavingLetsGoOfIt() {
        UI.getCurrent().navigate("sequence");
        SequenceLabView view = _get(SequenceLabView.class);
        view.form.delay.setValue(2);
        view.form.hidden.setValue(4);
        view.form.race.setValue(false);
        view.form.cell.setValue(CellKind.LSTM);
        assertThat(view.ensureRun()).isTrue();
        view.training.step(EPOCHS);
        TrainingRun<SequenceInternals> run = view.training.run().orElseThrow();
        awaitUi(Duration.ofMinutes(3), EPOCHS + " epochs shown", () -> run.state() == RunState.PAUSED
                && view.panels.latest() != null && view.panels.latest().epoch() == EPOCHS);

        int lstm = CellKind.LSTM.ordinal();
        for (LineChart chart : new LineChart[] {view.panels.lossChart, view.panels.metricChart}) {
            assertThat(chart.pointCount(lstm)).as("points held").isLessThanOrEqualTo(LineChart.MAX_KEPT_POINTS)
                    .isGreaterThan(500);
            double[] x = chart.xValues(lstm);
            assertThat(x[x.length - 1]).isEqualTo(EPOCHS);
        }
        assertThat(run.history()).hasSize(EPOCHS);

        String owner = run.ownerId();
        UI.getCurrent().navigate("");
        awaitUi(Duration.ofSeconds(30), "the run let go", () -> run.state() == RunState.CANCELLED
                && run.subscriberCount() == 0);
        assertThat(view.training.run()).isEmpty();
        assertThatThrownBy(() -> service.run(owner, run.id())).isInstanceOf(TrainingRefusedException.class);
    }
}
