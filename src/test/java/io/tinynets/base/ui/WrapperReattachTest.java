package io.tinynets.base.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Navigating away detaches a page's components and drops what was queued for the browser; coming back attaches them
 * to a fresh client element. Each wrapper must then send its whole state again, or its picture comes back empty.
 */
class WrapperReattachTest {

    private UI ui;

    @BeforeEach
    void mockUi() {
        MockVaadin.setup();
        ui = UI.getCurrent();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void aHeatMapSendsItsGridDomainLabelsAndPointsAgainWhenAttachedAgain() {
        HeatMap map = new HeatMap(100);
        ui.add(map);
        map.setDomain(-2, 2, -1, 1);
        map.setLabels(List.of("a", "b"), List.of("x"));
        map.setGrid(2, 1, new double[] {-1, Double.NaN}, -1, 1);
        map.setPoints(new double[] {0.5}, new double[] {0.25}, new int[] {1}, new boolean[] {true});
        List<SentCalls.Call> first = SentCalls.drain(ui, map);
        assertThat(SentCalls.functions(first)).containsExactly("setDomain", "setLabels", "setGrid", "setPoints");

        ui.remove(map);
        assertThat(SentCalls.drain(ui, map)).isEmpty();
        ui.add(map);
        List<SentCalls.Call> again = SentCalls.drain(ui, map);

        assertThat(SentCalls.functions(again)).containsExactlyInAnyOrder("setDomain", "setLabels", "setGrid",
                "setPoints");
        assertThat(call(again, "setGrid").args()).hasToString(call(first, "setGrid").args().toString());
        assertThat(call(again, "setGrid").args().get(2)).isEqualTo(Base64.getEncoder().encodeToString(
                new byte[] {0, (byte) 128}));
        assertThat(call(again, "setPoints").args()).hasToString(call(first, "setPoints").args().toString());
        assertThat(call(again, "setDomain").args()).containsExactly(-2.0, 2.0, -1.0, 1.0);
    }

    @Test
    void aHeatMapNeverAttachedAgainSendsNothingMoreAndAnEmptyOneSendsNoGrid() {
        HeatMap map = new HeatMap(100);
        ui.add(map);
        SentCalls.drain(ui);
        ui.remove(map);
        ui.add(map);
        assertThat(SentCalls.drain(ui, map)).isEmpty();
    }

    @Test
    void aPictureIsDrawnWithItsOwnBytesAndAgainAfterReattach() {
        Picture p = Picture.quantize(3, 1, new double[] {0, 0.5, Double.POSITIVE_INFINITY}, 0, 1);
        HeatMap map = new HeatMap(100);
        ui.add(map);
        map.setPicture(p);
        assertThat(map.getQuantized()).containsExactly(p.values());
        SentCalls.drain(ui);
        ui.remove(map);
        ui.add(map);
        SentCalls.Call grid = call(SentCalls.drain(ui, map), "setGrid");
        assertThat(grid.args().get(2)).isEqualTo(Base64.getEncoder().encodeToString(p.values()));
    }

    @Test
    void aHeatMapQuantizesExactlyAsAPictureDoes() {
        double[] values = {Double.NaN, Double.NEGATIVE_INFINITY, -0.5, 0, 0.25, 2, Double.POSITIVE_INFINITY, 1};
        HeatMap map = new HeatMap(100);
        map.setGrid(4, 2, values, -1, 1);
        assertThat(map.getQuantized()).containsExactly(Picture.quantize(4, 2, values, -1, 1).values());
        assertThat(map.valueAt(0, 0)).isEqualTo(Picture.quantize(4, 2, values, -1, 1).valueAt(0, 0));
    }

    @Test
    void aLineChartSendsItsSeriesPointsAndMarkerAgainWhenAttachedAgain() {
        LineChart chart = new LineChart();
        ui.add(chart);
        chart.setSeries(List.of(new LineChart.Series("loss", "#000")));
        chart.appendPoints(0, new double[] {1, 2}, new double[] {0.5, 0.25});
        chart.setMarker(1.5);
        SentCalls.drain(ui);

        ui.remove(chart);
        ui.add(chart);
        List<SentCalls.Call> again = SentCalls.drain(ui, chart);

        assertThat(SentCalls.functions(again)).containsExactly("setSeries", "setPoints", "setMarker");
        assertThat(call(again, "setPoints").args().toString()).contains("[1,2]").contains("[0.5,0.25]");
        assertThat(call(again, "setMarker").args()).containsExactly(1.5);
    }

    static SentCalls.Call call(List<SentCalls.Call> calls, String function) {
        return calls.stream().filter(c -> c.function().equals(function)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + function + " among " + SentCalls.functions(calls)));
    }
}
