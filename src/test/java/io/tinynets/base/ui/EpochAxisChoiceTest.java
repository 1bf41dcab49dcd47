package io.tinynets.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.LineChart.XScale;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The epoch axis choice tells its charts how to span a long run, says so in their labels, and is remembered. */
class EpochAxisChoiceTest extends KaribuTest {

    @Test
    void eachChoiceSetsTheScaleAndTheLabelOfEveryChartItGoverns() {
        LineChart loss = new LineChart("Epoch", "Loss");
        LineChart accuracy = new LineChart("Epoch", "Accuracy");
        EpochAxisChoice choice = new EpochAxisChoice(loss, accuracy);
        assertThat(choice.getValue()).isEqualTo(XScale.LINEAR);
        assertThat(loss.getElement().getAttribute("x-scale")).isEqualTo("linear");
        assertThat(loss.getXAxisLabel()).isEqualTo("Epoch");
        assertThat(choice.getListDataView().getItems().map(choice.getItemLabelGenerator()).toList())
                .containsExactly("All epochs", "All epochs, log scale", "Last 500 epochs");

        choice.setValue(XScale.LOG);
        for (LineChart chart : List.of(loss, accuracy)) {
            assertThat(chart.getXScale()).isEqualTo(XScale.LOG);
            assertThat(chart.getElement().getAttribute("x-scale")).isEqualTo("log");
            assertThat(chart.getXAxisLabel()).isEqualTo("Epoch (log scale)");
        }
        assertThat(loss.getYAxisLabel()).isEqualTo("Loss"); // the y axis is not touched

        choice.setValue(XScale.WINDOW);
        assertThat(accuracy.getElement().getAttribute("x-scale")).isEqualTo("window");
        assertThat(accuracy.getElement().getAttribute("x-window")).isEqualTo("500");
        assertThat(accuracy.getXAxisLabel()).isEqualTo("Epoch (last 500)");

        choice.setValue(XScale.LINEAR);
        assertThat(loss.getElement().getAttribute("x-scale")).isEqualTo("linear");
        assertThat(loss.getXAxisLabel()).isEqualTo("Epoch");
    }

    @Test
    void theChoiceHoldsForTheSessionInTheNextLabOpened() {
        UI.getCurrent().navigate("playground");
        EpochAxisChoice first = _get(EpochAxisChoice.class);
        first.setValue(XScale.LOG);

        UI.getCurrent().navigate("descent");
        EpochAxisChoice next = _get(EpochAxisChoice.class);
        assertThat(next).isNotSameAs(first);
        assertThat(next.getValue()).isEqualTo(XScale.LOG);
        List<String> scales = com.github.mvysny.kaributesting.v10.LocatorJ._find(LineChart.class).stream()
                .map(c -> c.getElement().getAttribute("x-scale")).filter(java.util.Objects::nonNull).toList();
        assertThat(scales).containsExactly("log"); // the race's loss chart
    }

    @Test
    void koreanLabelsNameTheWindow() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        LineChart chart = new LineChart("에포크", "손실");
        EpochAxisChoice choice = new EpochAxisChoice(200, chart);
        choice.setValue(XScale.WINDOW);
        assertThat(chart.getXAxisLabel()).isEqualTo("에포크 (최근 200)");
        assertThat(chart.getElement().getAttribute("x-window")).isEqualTo("200");
        assertThat(choice.getItemLabelGenerator().apply(XScale.WINDOW)).isEqualTo("최근 200 에포크");
    }
}
