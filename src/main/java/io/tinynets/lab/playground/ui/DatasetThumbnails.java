package io.tinynets.lab.playground.ui;

import io.tinynets.data.DatasetKind;
import io.tinynets.data.Point2D;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** A tiny inline SVG of each generated data set (60 points), drawn once and reused by every view. */
final class DatasetThumbnails {

    private static final String[] COLOURS = {"#2166ac", "#e08214", "#1b7837"};
    private static final Map<DatasetKind, String> SVG = new EnumMap<>(DatasetKind.class);

    static {
        for (DatasetKind kind : DatasetKind.values()) {
            SVG.put(kind, render(kind));
        }
    }

    private DatasetThumbnails() {
    }

    static String svg(DatasetKind kind) {
        return SVG.get(kind);
    }

    private static String render(DatasetKind kind) {
        List<Point2D> points = kind.generate(90, 0.0, new SplittableRandom(7));
        StringBuilder s = new StringBuilder("<svg class=\"dataset-thumb\" width=\"36\" height=\"36\" viewBox=\"-6 -6 12 12\">"
                + "<rect x=\"-6\" y=\"-6\" width=\"12\" height=\"12\" fill=\"#f7f7f7\"/>");
        for (Point2D p : points) {
            String colour = kind.isRegression() ? (p.label() >= 0 ? COLOURS[1] : COLOURS[0])
                    : COLOURS[(int) p.label() % COLOURS.length];
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"0.45\" fill=\"%s\"/>",
                    p.x1(), -p.x2(), colour));
        }
        return s.append("</svg>").toString();
    }
}
