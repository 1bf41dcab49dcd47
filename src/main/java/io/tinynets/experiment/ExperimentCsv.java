package io.tinynets.experiment;

import java.util.List;
import java.util.Locale;

/**
 * Curves as CSV for spreadsheets: one row per point, {@code experiment_id,experiment,lab,series,x,y}. Text cells are
 * quoted, and a cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
 */
final class ExperimentCsv {

    private ExperimentCsv() {
    }

    static String curves(List<Experiment> experiments) {
        StringBuilder out = new StringBuilder("experiment_id,experiment,lab,series,x,y\n");
        for (Experiment e : experiments) {
            for (Curve c : e.curves()) {
                String prefix = e.id() + "," + cell(e.name()) + "," + cell(e.lab()) + "," + cell(c.name()) + ",";
                for (int i = 0; i < c.size(); i++) {
                    out.append(prefix).append(number(c.x()[i])).append(',').append(number(c.y()[i])).append('\n');
                }
            }
        }
        return out.toString();
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v)
                .toLowerCase(Locale.ROOT);
    }
}
