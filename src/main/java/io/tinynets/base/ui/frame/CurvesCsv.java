package io.tinynets.base.ui.frame;

import io.tinynets.base.ui.LineChart;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A line chart's curves as CSV, one row per x (the epoch, or the chart's own x axis) and one column per series, named
 * as the legend names them: {@code epoch,train,test}. A series without a value at an x leaves its cell empty, as does a
 * value that is not finite. Numbers in {@link Locale#ROOT} (a point, never a comma); text cells are quoted, and one
 * that a spreadsheet would run as a formula is defused with a leading apostrophe. The points are the chart's: a run
 * longer than the chart keeps ({@link LineChart#MAX_KEPT_POINTS}) has its last epochs exactly and, before them, each
 * stretch's lowest and highest value, as drawn; a saved experiment keeps more.
 */
public final class CurvesCsv {

    private CurvesCsv() {
    }

    public static String of(LineChart chart) {
        List<LineChart.Series> series = chart.getSeries();
        String xLabel = chart.getXQuantity();
        StringBuilder out = new StringBuilder(cell(xLabel.isBlank() ? "x" : xLabel));
        series.forEach(s -> out.append(',').append(cell(s.label())));
        out.append('\n');
        TreeMap<Double, String[]> rows = new TreeMap<>();
        for (int i = 0; i < series.size(); i++) {
            double[] x = chart.xValues(i);
            double[] y = chart.yValues(i);
            for (int k = 0; k < x.length; k++) {
                if (!Double.isFinite(x[k])) {
                    continue;
                }
                rows.computeIfAbsent(x[k], key -> new String[series.size()])[i] = number(y[k]);
            }
        }
        rows.forEach((x, cells) -> {
            out.append(number(x));
            for (String c : cells) {
                out.append(',').append(c == null ? "" : c);
            }
            out.append('\n');
        });
        return out.toString();
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
