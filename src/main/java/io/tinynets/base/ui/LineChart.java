package io.tinynets.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.Json;
import elemental.json.JsonArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Java side of {@code <tn-line-chart>}: a live line chart over uPlot with an append-only API. Each call sends only
 * the new points; the server keeps a bounded display copy of each series ({@link DisplayCurve}: the latest points as
 * sent, older ones thinned), so a re-attached chart (or a test) sees the whole curve while a long run costs the
 * session no more memory than a short one.
 */
@Tag("tn-line-chart")
@JsModule("./components/line-chart.ts")
@NpmPackage(value = "uplot", version = "1.6.32")
public class LineChart extends Component implements HasSize, PictureText.Described {

    /** A named series; {@code dashed} draws it as a dashed line (e.g. the test curve, or a ghost of a past run). */
    public record Series(String label, String color, boolean dashed) {
        public Series(String label, String color) {
            this(label, color, false);
        }
    }

    /**
     * How the x axis spans a long run: all of it ({@link #LINEAR}), all of it on a log scale ({@link #LOG}: the first
     * epochs, where most happens, get as much room as the last thousands) or only the last epochs
     * ({@link #WINDOW}: a moving window). Only the drawing changes: the chart keeps and receives every point.
     */
    public enum XScale {
        LINEAR, LOG, WINDOW;

        String attribute() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The moving window's width unless a chart is told otherwise. */
    public static final int DEFAULT_WINDOW = 500;

    /** The most points the server keeps per series (see {@link DisplayCurve}). */
    public static final int MAX_KEPT_POINTS = DisplayCurve.MAX_POINTS;

    private final List<Series> series = new ArrayList<>();
    private final List<DisplayCurve> curves = new ArrayList<>();
    private Double marker;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private XScale xScale = XScale.LINEAR;
    private int xWindow = DEFAULT_WINDOW;
    private final PictureText text = new PictureText(this, "picture.kind.lineChart");

    public LineChart() {
        setWidthFull();
    }

    @Override
    public PictureText pictureText() {
        return text;
    }

    /** The latest point of every series, in words, for the chart's text alternative. */
    private void updateReading() {
        StringBuilder values = new StringBuilder();
        double lastX = Double.NaN;
        for (int i = 0; i < series.size(); i++) {
            DisplayCurve curve = curves.get(i);
            if (curve.size() > 0) {
                lastX = Double.isNaN(lastX) ? curve.lastX() : Math.max(lastX, curve.lastX());
                values.append(values.isEmpty() ? "" : ", ").append(series.get(i).label()).append(' ')
                        .append(Numbers.compact(curve.lastY()));
            }
        }
        // the quantity, not the axis as drawn: "epoch 1,234", never "epoch (last 500) 1,234"
        text.reading(values.isEmpty() ? "" : getTranslation("picture.reading.at", xLabel,
                Numbers.compact(lastX), values).strip());
    }

    public LineChart(String xLabel, String yLabel) {
        this();
        setAxisLabels(xLabel, yLabel);
    }

    public void setAxisLabels(String xLabel, String yLabel) {
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        showXLabel();
        showYLabel();
    }

    /**
     * How the x axis spans the run, said so in its label; {@code window} is the number of last x values (epochs) the
     * {@link XScale#WINDOW} scale shows.
     */
    public void setXScale(XScale scale, int window) {
        if (scale == null || window < 2) {
            throw new IllegalArgumentException("an x scale and a window of at least 2 are needed, got " + scale
                    + " and " + window);
        }
        xScale = scale;
        xWindow = window;
        getElement().setAttribute("x-scale", scale.attribute());
        getElement().setAttribute("x-window", String.valueOf(window));
        showXLabel();
    }

    public XScale getXScale() {
        return xScale;
    }

    public int getXWindow() {
        return xWindow;
    }

    /** The quantity on the x axis ("Epoch"), whatever the scale: what a table column of x values is called. */
    public String getXQuantity() {
        return xLabel;
    }

    /** The x axis label as drawn: the quantity, with "(log scale)" or "(last 500)" when the scale is not linear. */
    public String getXAxisLabel() {
        return getElement().getAttribute("x-label");
    }

    private void showXLabel() {
        String shown = switch (xScale) {
            case LINEAR -> xLabel;
            case LOG -> xLabel.isEmpty() ? getTranslation("chart.axis.logScale") : getTranslation("chart.axis.log", xLabel);
            case WINDOW -> getTranslation("chart.axis.window", xLabel, xWindow);
        };
        getElement().setAttribute("x-label", shown);
    }

    /** A logarithmic y axis, said so in the axis label; non-positive values are not drawn. */
    public void setLogY(boolean logY) {
        getElement().setAttribute("log-y", logY);
        this.logY = logY;
        showYLabel();
    }

    /** The y axis label as drawn: the quantity, and "(log scale)" on a log axis. */
    public String getYAxisLabel() {
        return getElement().getAttribute("y-label");
    }

    private void showYLabel() {
        String shown = !logY ? yLabel : yLabel.isEmpty() ? getTranslation("chart.axis.logScale")
                : getTranslation("chart.axis.log", yLabel);
        getElement().setAttribute("y-label", shown);
    }

    /** A fixed y range instead of automatic scaling. */
    public void setYRange(double min, double max) {
        getElement().setAttribute("y-range", min + "," + max);
    }

    public void setPlotHeight(int pixels) {
        getElement().setProperty("plotHeight", pixels);
    }

    /** Text shown while no series has points, e.g. "Press Play to start training". */
    public void setEmptyText(String text) {
        getElement().setAttribute("empty-text", text);
    }

    /** Defines the series and clears all data. */
    public void setSeries(List<Series> newSeries) {
        series.clear();
        series.addAll(newSeries);
        curves.clear();
        for (int i = 0; i < newSeries.size(); i++) {
            curves.add(new DisplayCurve());
        }
        getElement().callJsFunction("setSeries", seriesJson());
    }

    public List<Series> getSeries() {
        return List.copyOf(series);
    }

    /** Appends points to one series; only these points travel to the browser. */
    public void appendPoints(int seriesIndex, double[] x, double[] y) {
        checkSeries(seriesIndex, x, y);
        if (x.length == 0) {
            return;
        }
        curves.get(seriesIndex).addAll(x, y);
        getElement().callJsFunction("appendPoints", seriesIndex, array(x), array(y));
        updateReading();
    }

    public void appendPoint(int seriesIndex, double x, double y) {
        appendPoints(seriesIndex, new double[] {x}, new double[] {y});
    }

    /** Replaces one series' points (for static curves such as f(x)). */
    public void setPoints(int seriesIndex, double[] x, double[] y) {
        checkSeries(seriesIndex, x, y);
        curves.get(seriesIndex).clear();
        curves.get(seriesIndex).addAll(x, y);
        getElement().callJsFunction("setPoints", seriesIndex, array(x), array(y));
        updateReading();
    }

    /** Clears all points and keeps the series. */
    public void reset() {
        curves.forEach(DisplayCurve::clear);
        getElement().callJsFunction("reset");
        updateReading();
    }

    /** A dashed vertical marker at x (e.g. the explorer's x slider); null removes it. */
    public void setMarker(Double x) {
        marker = x;
        getElement().callJsFunction("setMarker", x);
    }

    /** Points the server keeps of the series: all up to 998, then a thinned copy of at most {@link #MAX_KEPT_POINTS}. */
    public int pointCount(int seriesIndex) {
        return curves.get(seriesIndex).size();
    }

    public double[] xValues(int seriesIndex) {
        return curves.get(seriesIndex).xValues();
    }

    public double[] yValues(int seriesIndex) {
        return curves.get(seriesIndex).yValues();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // A re-attached element lost its client state (pending calls are dropped on detach): send it again.
        if (!attachEvent.isInitialAttach()) {
            getElement().callJsFunction("setSeries", seriesJson());
            for (int i = 0; i < series.size(); i++) {
                getElement().callJsFunction("setPoints", i, array(xValues(i)), array(yValues(i)));
            }
            getElement().callJsFunction("setMarker", marker);
        }
    }

    private void checkSeries(int seriesIndex, double[] x, double[] y) {
        if (seriesIndex < 0 || seriesIndex >= series.size()) {
            throw new IllegalArgumentException("series " + seriesIndex + " is not defined; the chart has "
                    + series.size());
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
    }

    private String seriesJson() {
        JsonArray arr = Json.createArray();
        for (Series s : series) {
            var o = Json.createObject();
            o.put("label", s.label());
            o.put("color", s.color());
            if (s.dashed()) {
                JsonArray dash = Json.createArray();
                dash.set(0, 6);
                dash.set(1, 4);
                o.put("dash", dash);
            }
            arr.set(arr.length(), o);
        }
        return arr.toJson();
    }

    /** Non-finite values travel as null, which the chart leaves as a gap. */
    static JsonArray array(double[] values) {
        JsonArray arr = Json.createArray();
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                arr.set(i, values[i]);
            } else {
                arr.set(i, Json.createNull());
            }
        }
        return arr;
    }
}
