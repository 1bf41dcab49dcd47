package io.tinynets.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import io.tinynets.training.picture.Picture;
import io.tinynets.training.picture.Quantizer;

import java.util.Base64;
import java.util.List;

/**
 * Java side of {@code <tn-heat-map>}: a grid of values drawn on a canvas with a colour-blind-safe colour map, optional
 * overlaid points and a legend. Values are quantized to one byte each by the {@link Quantizer} and sent
 * base64-encoded, so a 100×100 decision boundary costs about 13 KB instead of a verbose JSON array. Everything sent
 * (grid, domain, points, labels) is kept and sent again when the map is attached again (navigating away and back).
 */
@Tag("tn-heat-map")
@JsModule("./components/heat-map.ts")
public class HeatMap extends Component implements PictureText.Described {

    /**
     * Colour maps: diverging for signed values (decision boundary, tanh), sequential for 0..1 (sigmoid gates), classes
     * for predicted class indices (each cell in its class's point colour, so a region and its points agree).
     */
    public enum ColorMap { DIVERGING, SEQUENTIAL, CLASSES }

    private int cols;
    private int rows;
    private byte[] quantized = new byte[0];
    private double min = -1;
    private double max = 1;
    private double[] domain;
    private JsonArray[] points;
    private JsonArray columnLabels;
    private JsonArray rowLabels;
    private List<LegendMark> pointLegend = List.of();
    private JsonArray pointLegendJson;
    private final PictureText text = new PictureText(this, "picture.kind.heatMap");

    public HeatMap() {
        this(240);
    }

    public HeatMap(int sizePixels) {
        setSize(sizePixels);
    }

    @Override
    public PictureText pictureText() {
        return text;
    }

    /** Says in the text alternative which values the colours span now. */
    private void updateReading(double lowest, double highest) {
        String quantity = getValueLabel() == null || getValueLabel().isEmpty()
                ? getTranslation("picture.reading.values") : getValueLabel();
        text.reading(Double.isFinite(lowest) && Double.isFinite(highest)
                ? getTranslation("picture.reading.range", quantity, Numbers.compact(lowest), Numbers.compact(highest))
                : "");
    }

    public void setSize(int pixels) {
        getElement().setProperty("size", pixels);
    }

    /** A display height different from the width (e.g. time steps × units grids). */
    public void setDisplayHeight(int pixels) {
        getElement().setProperty("displayHeight", pixels);
    }

    public void setColorMap(ColorMap map) {
        getElement().setAttribute("color-map", map.name().toLowerCase());
    }

    public void setLegendVisible(boolean visible) {
        getElement().setProperty("showLegend", visible);
    }

    /** What the colours measure, written along the colour bar ("network output"); empty for none. */
    public void setValueLabel(String label) {
        getElement().setAttribute("value-label", label == null ? "" : label);
    }

    public String getValueLabel() {
        return getElement().getAttribute("value-label");
    }

    /** Names the map's horizontal and vertical directions (e.g. x₁, x₂), drawn beside the map with an arrow. */
    public void setAxisLabels(String x, String y) {
        getElement().setAttribute("x-label", x == null ? "" : x);
        getElement().setAttribute("y-label", y == null ? "" : y);
    }

    /** How a mark of the legend under the map is drawn. */
    public enum MarkShape { CIRCLE, SQUARE, SWATCH }

    /**
     * One entry of the legend under the map.
     *
     * @param label    what the mark means, translated
     * @param shape    circle (a training point), square (a test point) or swatch (a class colour alone)
     * @param colour   the class whose colour fills the mark, or −1 for a neutral grey
     */
    public record LegendMark(String label, MarkShape shape, int colour) {
    }

    /** Says under the map what the point marks mean; an empty list removes the legend. */
    public void setPointLegend(List<LegendMark> marks) {
        pointLegend = List.copyOf(marks);
        JsonArray arr = Json.createArray();
        for (LegendMark m : pointLegend) {
            elemental.json.JsonObject o = Json.createObject();
            o.put("label", m.label());
            o.put("shape", m.shape().name().toLowerCase());
            o.put("cls", m.colour());
            arr.set(arr.length(), o);
        }
        pointLegendJson = arr;
        getElement().callJsFunction("setPointLegend", arr);
    }

    public List<LegendMark> getPointLegend() {
        return pointLegend;
    }

    /**
     * Sets the grid of {@code cols × rows} values, row-major with row 0 at the top. Values outside [min, max] are
     * clamped; NaN is drawn at the middle of the scale ({@link Quantizer}).
     */
    public void setGrid(int cols, int rows, double[] values, double min, double max) {
        if (cols <= 0 || rows <= 0 || values.length != cols * rows) {
            throw new IllegalArgumentException("a " + cols + "×" + rows + " grid needs " + (cols * rows)
                    + " values, got " + values.length);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("the colour scale needs max > min, got [" + min + ", " + max + "]");
        }
        this.cols = cols;
        this.rows = rows;
        this.min = min;
        this.max = max;
        this.quantized = Quantizer.quantize(values, min, max);
        sendGrid();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lowest = Math.min(lowest, v);
                highest = Math.max(highest, v);
            }
        }
        updateReading(lowest, highest);
    }

    /**
     * Draws a picture as it is (a saved experiment's, a projected run's): its bytes travel unchanged, so the browser
     * shows exactly what was quantized once. A constant picture (min = max) is drawn at the bottom of the scale.
     */
    public void setPicture(Picture picture) {
        this.cols = picture.cols();
        this.rows = picture.rows();
        this.min = picture.min();
        this.max = picture.max() > picture.min() ? picture.max() : picture.min() + 1;
        this.quantized = picture.values().clone();
        sendGrid();
        updateReading(picture.min(), picture.max());
    }

    /** The data rectangle the grid covers (x to the right, y upward), used for points and clicks. */
    public void setDomain(double xMin, double xMax, double yMin, double yMax) {
        domain = new double[] {xMin, xMax, yMin, yMax};
        sendDomain();
    }

    /**
     * Points drawn over the grid, each filled with its class colour (0 blue, 1 orange, 2… extra) in a contrasting
     * ring; hollow points (test data) are squares, the others circles. Points pale the map so both read.
     */
    public void setPoints(double[] x, double[] y, int[] classes, boolean[] hollow) {
        JsonArray xs = LineChart.array(x);
        JsonArray ysArr = LineChart.array(y);
        JsonArray cs = Json.createArray();
        JsonArray hs = Json.createArray();
        for (int i = 0; i < classes.length; i++) {
            cs.set(i, classes[i]);
            hs.set(i, hollow != null && hollow[i]);
        }
        points = new JsonArray[] {xs, ysArr, cs, hs};
        sendPoints();
    }

    /** Labels under the columns (e.g. input symbols on a time axis) and per row (shown on hover). */
    public void setLabels(List<String> columnLabels, List<String> rowLabels) {
        JsonArray c = Json.createArray();
        columnLabels.forEach(l -> c.set(c.length(), l));
        JsonArray r = Json.createArray();
        rowLabels.forEach(l -> r.set(r.length(), l));
        this.columnLabels = c;
        this.rowLabels = r;
        getElement().callJsFunction("setLabels", c, r);
    }

    /** The bytes last sent (what the browser draws), row-major. */
    public byte[] getQuantized() {
        return quantized.clone();
    }

    public int getCols() {
        return cols;
    }

    public int getRows() {
        return rows;
    }

    public double getMin() {
        return min;
    }

    public double getMax() {
        return max;
    }

    /** The value at a cell as the browser sees it (after quantization). */
    public double valueAt(int col, int row) {
        return Quantizer.value(quantized[row * cols + col], min, max);
    }

    public Registration addGridClickListener(ComponentEventListener<GridClickEvent> listener) {
        return addListener(GridClickEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // a re-attached element lost its client state (pending calls are dropped on detach): send it again
        if (attachEvent.isInitialAttach()) {
            return;
        }
        if (domain != null) {
            sendDomain();
        }
        if (columnLabels != null) {
            getElement().callJsFunction("setLabels", columnLabels, rowLabels);
        }
        if (cols > 0) {
            sendGrid();
        }
        if (points != null) {
            sendPoints();
        }
        if (pointLegendJson != null) {
            getElement().callJsFunction("setPointLegend", pointLegendJson);
        }
    }

    private void sendPoints() {
        getElement().callJsFunction("setPoints", points[0], points[1], points[2], points[3]);
    }

    private void sendDomain() {
        getElement().callJsFunction("setDomain", domain[0], domain[1], domain[2], domain[3]);
    }

    private void sendGrid() {
        getElement().callJsFunction("setGrid", cols, rows, Base64.getEncoder().encodeToString(quantized), min, max);
    }

    /** A click on the grid, in data coordinates and as a cell. */
    @DomEvent("heat-map-click")
    public static class GridClickEvent extends ComponentEvent<HeatMap> {
        private final double x;
        private final double y;
        private final int col;
        private final int row;
        private final boolean shift;

        public GridClickEvent(HeatMap source, boolean fromClient,
                              @EventData("event.detail.x") double x, @EventData("event.detail.y") double y,
                              @EventData("event.detail.col") int col, @EventData("event.detail.row") int row,
                              @EventData("event.detail.shift") boolean shift) {
            super(source, fromClient);
            this.x = x;
            this.y = y;
            this.col = col;
            this.row = row;
            this.shift = shift;
        }

        public double getX() {
            return x;
        }

        public double getY() {
            return y;
        }

        public int getCol() {
            return col;
        }

        public int getRow() {
            return row;
        }

        public boolean isShift() {
            return shift;
        }
    }
}
