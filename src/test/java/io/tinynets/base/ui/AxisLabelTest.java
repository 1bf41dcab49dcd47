package io.tinynets.base.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A log axis says so in its label, in the reader's language; a linear axis shows the quantity alone. */
class AxisLabelTest extends KaribuTest {

    @Test
    void logAxesAreMarkedAndLinearOnesAreNot() {
        LineChart chart = new LineChart("epoch", "training loss");
        assertThat(chart.getYAxisLabel()).isEqualTo("training loss");
        chart.setLogY(true);
        assertThat(chart.getYAxisLabel()).isEqualTo("training loss (log scale)");
        chart.setAxisLabels("epoch", "test loss");
        assertThat(chart.getYAxisLabel()).isEqualTo("test loss (log scale)");
        chart.setLogY(false);
        assertThat(chart.getYAxisLabel()).isEqualTo("test loss");
        LineChart unnamed = new LineChart("epoch", "");
        unnamed.setLogY(true);
        assertThat(unnamed.getYAxisLabel()).isEqualTo("log scale");
    }

    @Test
    void koreanLogAxesAreMarkedInKorean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        LineChart chart = new LineChart("에포크", "학습 손실");
        chart.setLogY(true);
        assertThat(chart.getYAxisLabel()).isEqualTo("학습 손실 (로그 눈금)");
    }

    @Test
    void heatMapsNameTheirColoursAndDirections() {
        HeatMap map = new HeatMap();
        map.setValueLabel("network output");
        map.setAxisLabels("x₁", "x₂");
        assertThat(map.getValueLabel()).isEqualTo("network output");
        assertThat(map.getElement().getAttribute("x-label")).isEqualTo("x₁");
        assertThat(map.getElement().getAttribute("y-label")).isEqualTo("x₂");
    }
}
