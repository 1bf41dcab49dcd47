package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.HeatMap.LegendMark;
import io.tinynets.base.ui.HeatMap.MarkShape;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.data.DatasetKind;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The decision map says what its colours measure and what its marks mean, in both languages. */
class DecisionMapLegendTest extends KaribuTest {

    @Test
    void theDefaultMapNamesTheOutputAndShowsBothClassesAndBothShapes() {
        UI.getCurrent().navigate("playground");
        PlaygroundView view = _get(PlaygroundView.class);
        assertThat(view.panels.boundary.getValueLabel()).isEqualTo("network output");
        assertThat(view.panels.boundary.getPointLegend()).containsExactly(
                new LegendMark("class 1 (blue)", MarkShape.SWATCH, 0),
                new LegendMark("class 2 (orange)", MarkShape.SWATCH, 1),
                new LegendMark("training point", MarkShape.CIRCLE, -1),
                new LegendMark("test point", MarkShape.SQUARE, -1));
    }

    @Test
    void threeClassesNameThePredictedClassAndEveryColour() {
        UI.getCurrent().navigate("playground");
        PlaygroundView view = _get(PlaygroundView.class);
        view.form.dataset.setValue(DatasetKind.SPIRAL_3);
        assertThat(view.panels.boundary.getValueLabel()).isEqualTo("predicted class");
        assertThat(view.panels.boundary.getPointLegend()).extracting(LegendMark::label).startsWith("class 1 (blue)",
                "class 2 (orange)", "class 3 (green)");
    }

    @Test
    void koreanLegendIsTranslated() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().getSession().setLocale(Locale.KOREAN);
        UI.getCurrent().navigate("playground");
        PlaygroundView view = _get(PlaygroundView.class);
        assertThat(view.panels.boundary.getValueLabel()).isEqualTo("신경망 출력");
        assertThat(view.panels.boundary.getPointLegend()).extracting(LegendMark::label)
                .containsExactly("클래스 1 (파랑)", "클래스 2 (주황)", "학습용 점", "테스트용 점");
    }
}
