package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.tinynets.base.ui.EpochAxisChoice;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.frame.SavedCurve;
import io.tinynets.base.ui.PictureText;
import io.tinynets.training.MetricPoint;

import java.util.ArrayList;
import java.util.List;

/** Train and test loss with the previous run's train loss as a dashed ghost, accuracy, and the latest figures. */
final class PlaygroundCurves extends HorizontalLayout {

    final LineChart lossChart = new LineChart();
    final LineChart accuracyChart = new LineChart();
    final Span readout = new Span();
    final EpochAxisChoice epochAxis;
    private double[] ghostX = new double[0];
    private double[] ghostY = new double[0];

    PlaygroundCurves() {
        lossChart.setAxisLabels(getTranslation("playground.axis.epoch"), getTranslation("playground.axis.loss"));
        lossChart.setEmptyText(getTranslation("playground.empty"));
        lossChart.setSeries(List.of(new LineChart.Series(getTranslation("playground.series.train"),
                        Palette.colour(0)), new LineChart.Series(getTranslation("playground.series.test"),
                        Palette.colour(1)),
                new LineChart.Series(getTranslation("playground.series.ghost"), "#999999", true)));
        accuracyChart.setAxisLabels(getTranslation("playground.axis.epoch"),
                getTranslation("playground.axis.accuracy"));
        accuracyChart.setEmptyText(getTranslation("playground.empty"));
        accuracyChart.setYRange(0, 1);
        accuracyChart.setSeries(List.of(new LineChart.Series(getTranslation("playground.series.accuracy"),
                Palette.colour(2))));
        readout.addClassName("playground-readout");
        Div lossBox = box("playground.chart.loss", lossChart);
        epochAxis = new EpochAxisChoice(lossChart, accuracyChart);
        lossBox.add(readout, epochAxis);
        add(lossBox, box("playground.chart.accuracy", accuracyChart));
        setWidthFull();
        addClassName("chart-row");
    }

    private Div box(String key, LineChart chart) {
        PictureText.nameAll(getTranslation(key), chart);
        Div box = new Div(new H3(getTranslation(key)), chart);
        box.addClassName("chart-box");
        box.setMinWidth("18rem");
        return box;
    }

    /** The run drawn so far becomes the ghost (when it drew anything). */
    void keepGhost() {
        if (lossChart.pointCount(0) > 0) {
            ghostX = lossChart.xValues(0);
            ghostY = lossChart.yValues(0);
        }
    }

    void setGhost(SavedCurve curve) {
        ghostX = curve.x();
        ghostY = curve.y();
    }

    /** Empty charts with the ghost. */
    void reset() {
        lossChart.reset();
        accuracyChart.reset();
        if (ghostX.length > 0) {
            lossChart.setPoints(2, ghostX, ghostY);
        }
    }

    void append(List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        int n = points.size();
        double[] x = new double[n];
        double[] train = new double[n];
        List<double[]> test = new ArrayList<>();
        List<double[]> acc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MetricPoint p = points.get(i);
            x[i] = p.epoch();
            train[i] = p.trainLoss();
            p.testLoss().ifPresent(v -> test.add(new double[] {p.epoch(), v}));
            p.accuracy().ifPresent(v -> acc.add(new double[] {p.epoch(), v}));
        }
        lossChart.appendPoints(0, x, train);
        lossChart.appendPoints(1, column(test, 0), column(test, 1));
        accuracyChart.appendPoints(0, column(acc, 0), column(acc, 1));
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
