package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.Component;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.HeatMap.LegendMark;
import io.tinynets.base.ui.HeatMap.MarkShape;
import io.tinynets.data.Dataset2D;

import java.util.ArrayList;
import java.util.List;

/**
 * What the decision map's colours and marks mean, in the reader's language: the colour bar names the network's output
 * (its predicted class with softmax), the legend shows each class colour and the two point shapes (training circles,
 * test squares), so neither the class nor the split depends on telling colours apart.
 */
final class DecisionMapLegend {

    /** Colour names of the classes in the order the map's points use them (blue, orange, green…). */
    private static final int NAMED_COLOURS = 6;

    private DecisionMapLegend() {
    }

    /** Names the colour bar and fills the legend of {@code map} for {@code data}, translated by {@code words}. */
    static void apply(HeatMap map, Dataset2D data, Component words) {
        map.setValueLabel(valueLabel(data, words));
        map.setAxisLabels("x₁", "x₂"); // the two inputs, named as in the network diagram
        map.setPointLegend(marks(data, words));
    }

    static String valueLabel(Dataset2D data, Component words) {
        return words.getTranslation(data.classes() > 2 ? "playground.boundary.value.class"
                : "playground.boundary.value.output");
    }

    static List<LegendMark> marks(Dataset2D data, Component words) {
        List<LegendMark> marks = new ArrayList<>();
        if (data.isRegression()) {
            marks.add(new LegendMark(words.getTranslation("playground.legend.negative",
                    colourName(0, words)), MarkShape.SWATCH, 0));
            marks.add(new LegendMark(words.getTranslation("playground.legend.positive",
                    colourName(1, words)), MarkShape.SWATCH, 1));
        } else {
            for (int c = 0; c < data.classes(); c++) {
                marks.add(new LegendMark(words.getTranslation("playground.legend.class", c + 1,
                        colourName(c, words)), MarkShape.SWATCH, c));
            }
        }
        marks.add(new LegendMark(words.getTranslation("playground.legend.train"), MarkShape.CIRCLE, -1));
        if (!data.test().isEmpty()) {
            marks.add(new LegendMark(words.getTranslation("playground.legend.test"), MarkShape.SQUARE, -1));
        }
        return marks;
    }

    private static String colourName(int c, Component words) {
        return words.getTranslation("playground.legend.colour." + Math.floorMod(c, NAMED_COLOURS));
    }
}
