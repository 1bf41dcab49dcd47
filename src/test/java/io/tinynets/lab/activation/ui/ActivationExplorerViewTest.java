package io.tinynets.lab.activation.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.engine.Activation;
import io.tinynets.lab.activation.ActivationFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivationExplorerViewTest extends KaribuTest {

    private ActivationExplorerView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("activation");
        view = _get(ActivationExplorerView.class);
    }

    @Test
    void showsSigmoidTanhAndReluByDefault() {
        assertThat(view.selected()).containsExactly(Activation.SIGMOID, Activation.TANH, Activation.RELU);
        assertThat(view.valueChart.getSeries()).extracting(s -> s.label()).containsExactly("Sigmoid", "Tanh", "ReLU");
        assertThat(view.valueChart.pointCount(0)).isEqualTo(ActivationExplorerView.CURVE_POINTS);
    }

    @Test
    void factsTableShowsMeasuredValues() {
        assertThat(_size(view.factsGrid)).isEqualTo(3);
        // row 0 = sigmoid: peak 0.25 at 0, f'(0) = 0.25, range (0, 1), not zero-centred
        assertThat(_getFormattedRow(view.factsGrid, 0)).containsSequence("Sigmoid", "0.25 (x = 0)", "0.25", "(0, 1)",
                "no");
        assertThat(_getFormattedRow(view.factsGrid, 1)).containsSequence("Tanh", "1 (x = 0)", "1", "(−1, 1)", "yes");
        assertThat(_getFormattedRow(view.factsGrid, 2)).containsSequence("ReLU", "1 (x > 0)", "0", "[0, ∞)", "no");
    }

    @Test
    void derivativeCurveIsTheEnginesDerivative() {
        double[] x = view.derivativeChart.xValues(0);
        double[] d = view.derivativeChart.yValues(0);
        int middle = x.length / 2;
        assertThat(x[middle]).isCloseTo(0.0, within(1e-12));
        assertThat(d[middle]).isEqualTo(0.25);
        assertThat(d[0]).isCloseTo(Activation.SIGMOID.derivative(-6), within(1e-15));
    }

    @Test
    void depthChartShowsQuarterToTheTenthForSigmoid() {
        double[] factor = view.depthChart.yValues(0);
        assertThat(factor).hasSize(ActivationExplorerView.MAX_DEPTH);
        assertThat(factor[9]).isCloseTo(Math.pow(0.25, 10), within(1e-15));
        assertThat(view.depthChart.yValues(2)[9]).isEqualTo(1.0); // ReLU
    }

    @Test
    void sliderProbesEveryFunction() {
        view.xSlider.setValue(2.0);
        assertThat(view.xValue.getText()).isEqualTo("2");
        assertThat(_getFormattedRow(view.readout, 0)).containsExactly("Sigmoid", "0.8808", "0.105");
        assertThat(_getFormattedRow(view.readout, 2)).containsExactly("ReLU", "2", "1");
    }

    @Test
    void selectingFunctionsRedrawsCharts() {
        view.functions.setValue(Set.of(Activation.GELU, Activation.LINEAR));
        assertThat(view.valueChart.getSeries()).extracting(s -> s.label()).containsExactly("GELU", "Linear");
        assertThat(_size(view.factsGrid)).isEqualTo(2);
        assertThat(view.facts.get(Activation.LINEAR).peakShape()).isEqualTo(ActivationFacts.PeakShape.EVERYWHERE);
        view.functions.setValue(Set.of());
        assertThat(view.valueChart.getSeries()).isEmpty();
        assertThat(_size(view.readout)).isZero();
    }
}
