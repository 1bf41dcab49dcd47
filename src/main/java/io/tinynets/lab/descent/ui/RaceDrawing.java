package io.tinynets.lab.descent.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.tinynets.lab.descent.DescentInternals;
import io.tinynets.lab.descent.RacerSnapshot;
import io.tinynets.lab.descent.RacerStatus;
import io.tinynets.lab.descent.Surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live part of the race: each racer's new path points and loss-gap points since the last update (thinned, so a
 * long fast walk stays a light update), its arrows (−∇f and −v) and its status in plain words.
 */
final class RaceDrawing {

    /** At most this many new path points per racer per update. */
    static final int MAX_NEW_PATH_POINTS = 40;
    static final int MAX_NEW_LOSS_POINTS = 120;

    private final DescentPanels panels;
    private int[] pathSent = new int[0];
    private int[] lossSent = new int[0];

    RaceDrawing(DescentPanels panels) {
        this.panels = panels;
    }

    /** A new race: nothing of it sent yet. */
    void restart(int racers) {
        pathSent = new int[racers];
        lossSent = new int[racers];
    }

    void show(DescentInternals in, Surface surface) {
        List<double[][]> newPoints = new ArrayList<>();
        List<double[]> arrows = new ArrayList<>();
        double[] rect = panels.viewRect();
        double arrowScale = (rect[1] - rect[0]) / 10;
        for (int i = 0; i < in.racers().size(); i++) {
            RacerSnapshot r = in.racers().get(i);
            newPoints.add(pathTail(r, i));
            appendLoss(r, i);
            arrows.add(arrow(r, arrowScale, surface.dimensions()));
        }
        panels.overlay.appendPaths(newPoints);
        panels.overlay.setArrows(arrows);
    }

    /** New path points since the last update, thinned evenly to at most MAX_NEW_PATH_POINTS (the last one kept). */
    private double[][] pathTail(RacerSnapshot r, int i) {
        int n = r.xs().length();
        int from = pathSent[i];
        pathSent[i] = n;
        int count = n - from;
        if (count <= 0) {
            return null;
        }
        int take = Math.min(count, MAX_NEW_PATH_POINTS);
        double[][] out = new double[take][];
        for (int k = 0; k < take; k++) {
            int idx = from + (int) Math.round((k + 1) * (double) count / take) - 1;
            out[k] = new double[] {r.xs().get(idx), r.ys().get(idx)};
        }
        return out;
    }

    private void appendLoss(RacerSnapshot r, int i) {
        int n = r.losses().length();
        int from = lossSent[i];
        lossSent[i] = n;
        int count = n - from;
        if (count <= 0) {
            return;
        }
        int take = Math.min(count, MAX_NEW_LOSS_POINTS);
        double[] x = new double[take];
        double[] y = new double[take];
        for (int k = 0; k < take; k++) {
            int idx = from + (int) Math.round((k + 1) * (double) count / take) - 1;
            x[k] = idx;
            double gap = r.losses().get(idx) - r.minimum();
            y[k] = Double.isFinite(gap) ? Math.max(gap, DescentPanels.FLOOR) : gap;
        }
        panels.lossChart.appendPoints(i, x, y);
    }

    /** −∇f (and −v) at the current point; on a 1D surface the arrow lies along x, on the curve. */
    private static double[] arrow(RacerSnapshot r, double scale, int dimensions) {
        if (r.status() == RacerStatus.DIVERGED) {
            return null;
        }
        double[] p = r.position();
        double[] g = r.gradient();
        double[] v = r.velocity() == null ? new double[g.length] : r.velocity();
        if (dimensions == 1) {
            return new double[] {p[0], r.loss(), -Math.signum(g[0]) * scale, 0, -Math.signum(v[0]) * scale, 0};
        }
        double gn = Math.hypot(g[0], g[1]);
        double vn = Math.hypot(v[0], v[1]);
        return new double[] {p[0], p[1], gn > 0 ? -g[0] / gn * scale : 0, gn > 0 ? -g[1] / gn * scale : 0,
                vn > 0 ? -v[0] / vn * scale : 0, vn > 0 ? -v[1] / vn * scale : 0};
    }

    /** Each racer's status, with a rate to try when it is too large or too small. */
    void showStatuses(DescentInternals in, double lr) {
        panels.statuses.removeAll();
        String lrText = DescentPanels.format(lr);
        for (RacerSnapshot r : in.racers()) {
            String suggestion = switch (r.status()) {
                case DIVERGED, OVERSHOOTING, OSCILLATING -> DescentPanels.format(lr / 10);
                case CRAWLING -> DescentPanels.format(Math.min(lr * 10, Math.pow(10, DescentForm.LOG_LR_MAX)));
                default -> lrText;
            };
            Span dot = new Span("●");
            dot.getStyle().set("color", DescentPanels.colour(r.kind()));
            Paragraph line = new Paragraph(dot, new Span(" " + panels.getTranslation(r.status().messageKey(),
                    panels.name(r.kind()), lrText, suggestion, DescentPanels.format(r.loss()))));
            line.addClassName("descent-status");
            line.getElement().setAttribute("data-status", r.status().name().toLowerCase(Locale.ROOT));
            panels.statuses.add(line);
        }
    }
}
