package io.tinynets.lab.depth.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.SentCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gradient-norm bars come back drawn after navigating away and back: the chart sends its bars again. */
class BarChartReattachTest {

    @BeforeEach
    void mockUi() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theBarChartSendsItsLastBarsAgainWhenAttachedAgain() {
        UI ui = UI.getCurrent();
        BarChart chart = new BarChart();
        ui.add(chart);
        chart.setBars(List.of("layer 1", "layer 2"), new double[] {1e-3, Double.NaN}, "#123456", true);
        List<SentCalls.Call> first = SentCalls.drain(ui, chart);

        ui.remove(chart);
        assertThat(SentCalls.drain(ui, chart)).isEmpty();
        ui.add(chart);
        List<SentCalls.Call> again = SentCalls.drain(ui, chart);

        assertThat(SentCalls.functions(again)).containsExactly("setBars");
        assertThat(again.get(0).args()).containsExactlyElementsOf(first.get(0).args());
        assertThat(again.get(0).args()).containsExactly("[\"layer 1\",\"layer 2\"]", "[0.001,null]", "#123456", true);
    }

    @Test
    void anEmptyBarChartSendsNothingWhenAttachedAgain() {
        UI ui = UI.getCurrent();
        BarChart chart = new BarChart();
        ui.add(chart);
        ui.remove(chart);
        SentCalls.drain(ui);
        ui.add(chart);
        assertThat(SentCalls.drain(ui, chart)).isEmpty();
    }
}
