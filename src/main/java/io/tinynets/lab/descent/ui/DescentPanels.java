package io.tinynets.lab.descent.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.tinynets.base.ui.Numbers;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.EpochAxisChoice;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.frame.LabPanels;
import io.tinynets.base.ui.frame.SavedCurve;
import io.tinynets.base.ui.PictureText;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.picture.Picture;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.DescentInternals;
import io.tinynets.lab.descent.DescentPicture;
import io.tinynets.lab.descent.LineFitSurface;
import io.tinynets.lab.descent.Surface;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.lab.descent.SurfaceMap;
import io.tinynets.training.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The surface as a heat map with the racers' paths and arrows, the line fit (on the line-fit surface), the loss gap
 * on a log axis with a reopened race's walks dashed behind, and beside the controls the racers' statuses and update
 * rules. The surface, the racers and the start are read from the form: they are drawn even while another field is
 * invalid.
 */
class DescentPanels extends LabPanels<DescentConfig, DescentInternals> {

    /** Saved per-racer curves of f along the walk are named "f · sgd", "f · adam"… */
    static final String RACER_LOSS = "f · ";
    static final int MAP_PIXELS = 360;
    static final int GRID = SurfaceMap.GRID;
    static final double FLOOR = 1e-16;

    final HeatMap map = new HeatMap(MAP_PIXELS);
    final PathOverlay overlay = new PathOverlay(MAP_PIXELS);
    final HeatMap fitMap = new HeatMap(MAP_PIXELS);
    final PathOverlay fitLines = new PathOverlay(MAP_PIXELS);
    final Div fitBox;
    final LineChart lossChart = new LineChart();
    final EpochAxisChoice epochAxis = new EpochAxisChoice(lossChart);
    final Div statuses = new Div();
    final Div rules = new Div();
    private final DescentForm form;
    private final RaceDrawing race;
    private Surface current;
    private List<OptimizerKind> racing = List.of();
    /** The surface as drawn: what a saved experiment holds as its picture. */
    private Picture surfacePicture;
    /** The opened experiment's per-racer curves, drawn dashed behind the live ones, and the surface they walked. */
    private List<SavedCurve> ghosts = List.of();
    private SurfaceKind ghostSurface;

    /** What the map's colours mean: "darker is lower" on a 2D surface; on a 1D curve, the shaded area below f(x). */
    final Paragraph surfaceCaption = new Paragraph(getTranslation("descent.surface.caption"));

    /** Said under the map when its colours follow a log scale. */
    final Paragraph logNote = new Paragraph(getTranslation("descent.surface.caption.log"));

    DescentPanels(DescentForm form) {
        this.form = form;
        statuses.addClassName("descent-statuses");
        rules.addClassName("descent-rules");
        fitBox = titled("descent.chart.fit", plot(fitMap, fitLines));
        fitBox.add(new Paragraph(getTranslation("descent.fit.caption")));
        Div mapBox = titled("descent.chart.surface", plot(map, overlay));
        mapBox.add(surfaceCaption, logNote);
        HorizontalLayout row = new HorizontalLayout(mapBox, fitBox);
        row.setWidthFull();
        row.addClassName("chart-row");
        row.getStyle().set("flex-wrap", "wrap");
        lossChart.setAxisLabels(getTranslation("descent.loss.axis"), getTranslation("descent.loss.gap"));
        lossChart.setLogY(true);
        lossChart.setEmptyText(getTranslation("descent.loss.empty"));
        Div lossBox = titled("descent.chart.loss", lossChart);
        lossBox.add(epochAxis);
        add(row, lossBox);
        race = new RaceDrawing(this);
    }

    @Override
    public List<Component> besideControls() {
        return List.of(statuses, rules);
    }

    /** Redraws the surface, the racers at the start and their rules; an opened race's walks stay on its surface. */
    @Override
    public void configure(DescentConfig config, long seed) {
        SurfaceKind kind = form.surface.getValue();
        if (ghostSurface != null && ghostSurface != kind) {
            ghosts = List.of();
        }
        ghostSurface = ghosts.isEmpty() ? null : kind;
        current = form.currentSurface();
        racing = form.selected();
        drawSurface();
        lossChart.setSeries(series());
        drawGhosts();
        fitBox.setVisible(current instanceof LineFitSurface);
        if (current instanceof LineFitSurface fit) {
            showScatter(fit);
        }
        showStartPoints();
        race.restart(racing.size());
        showRules();
        statuses.removeAll();
    }

    private void drawSurface() {
        SurfaceMap surfaceMap = SurfaceMap.of(current);
        double[] view = surfaceMap.rect();
        map.setColorMap(HeatMap.ColorMap.valueOf(DescentPicture.colours(current).name()));
        map.setLegendVisible(false); // the caption says darker is lower; values matter less than shape
        surfaceCaption.setText(getTranslation(current.dimensions() == 2 ? "descent.surface.caption"
                : "descent.surface.caption.curve"));
        logNote.setVisible(current.logScale()); // steep surfaces are coloured by log₁₀(1 + f − f_min)
        map.setGrid(GRID, GRID, surfaceMap.grid(), surfaceMap.min(), surfaceMap.max());
        surfacePicture = surfaceMap.picture();
        map.setDomain(view[0], view[1], view[2], view[3]);
        overlay.setDomain(view[0], view[1], view[2], view[3]);
        List<String> colours = new ArrayList<>(racing.stream().map(DescentPanels::colour).toList());
        if (current.dimensions() == 1) {
            colours.add("#555555"); // the curve itself, drawn as the last path
        }
        overlay.setPaths(colours);
        overlay.setMinima(current.dimensions() == 2 ? current.knownMinima()
                : current.knownMinima().stream().map(m -> new double[] {m[0], current.value(m)}).toList());
        drawCurve();
    }

    /** On a 1D surface, the curve f(x) as the last path. */
    void drawCurve() {
        if (current.dimensions() == 1) {
            List<double[][]> curve = new ArrayList<>();
            racing.forEach(k -> curve.add(null));
            curve.add(SurfaceMap.curveSamples(current));
            overlay.appendPaths(curve);
        }
    }

    private List<LineChart.Series> series() {
        List<LineChart.Series> series = new ArrayList<>(racing.stream()
                .map(k -> new LineChart.Series(form.name(k), colour(k))).toList());
        for (SavedCurve g : ghosts) {
            series.add(new LineChart.Series(getTranslation("descent.experiment.ghost",
                    OptimizerKind.fromKey(g.name().substring(RACER_LOSS.length())).map(form::name)
                            .orElse(g.name())), "#999999", true));
        }
        return series;
    }

    /** The start point as each racer's first path point, before any run exists. */
    private void showStartPoints() {
        if (!form.startValid() || racing.isEmpty()) {
            return;
        }
        double[] s = form.startPoint();
        double[] p = current.dimensions() == 2 ? s : new double[] {s[0], current.value(s)};
        List<double[][]> first = new ArrayList<>();
        racing.forEach(k -> first.add(new double[][] {p}));
        overlay.appendPaths(first);
        if (current instanceof LineFitSurface) {
            fitLines.replacePaths(racing.stream().map(k -> fittedLine(s)).toList());
        }
    }

    private void showScatter(LineFitSurface fit) {
        double[] xs = fit.xs();
        double[] ys = fit.ys();
        double[] rect = fitRect(xs, ys);
        fitMap.setColorMap(HeatMap.ColorMap.DIVERGING);
        fitMap.setLegendVisible(false);
        fitMap.setGrid(1, 1, new double[] {0}, -1, 1);
        fitMap.setDomain(rect[0], rect[1], rect[2], rect[3]);
        fitMap.setPoints(xs, ys, new int[xs.length], null);
        fitLines.setDomain(rect[0], rect[1], rect[2], rect[3]);
        fitLines.setPaths(racing.stream().map(DescentPanels::colour).toList());
    }

    @Override
    public boolean accepts(Snapshot<DescentInternals> snapshot) {
        DescentInternals in = snapshot.internals();
        return in != null && in.racers().size() == racing.size();
    }

    @Override
    public void restart() {
        overlay.setPaths(overlay.colours());
        drawCurve();
        lossChart.reset();
        drawGhosts();
        race.restart(racing.size());
    }

    @Override
    public void show(Snapshot<DescentInternals> snapshot) {
        DescentInternals in = snapshot.internals();
        race.show(in, current);
        if (current instanceof LineFitSurface) {
            fitLines.replacePaths(in.racers().stream().map(r -> fittedLine(r.position())).toList());
        }
        race.showStatuses(in, form.lr());
    }

    @Override
    public void setSavedCurves(List<SavedCurve> curves) {
        ghosts = curves.stream().filter(c -> c.name().startsWith(RACER_LOSS)).toList();
        ghostSurface = null; // the next configure is the opened race's own surface
    }

    private void drawGhosts() {
        int first = lossChart.getSeries().size() - ghosts.size();
        double minimum = current.minimumValue();
        for (int i = 0; i < ghosts.size() && first >= 0; i++) {
            double[] y = ghosts.get(i).y().clone();
            for (int k = 0; k < y.length; k++) {
                double gap = y[k] - minimum;
                y[k] = Double.isFinite(gap) ? Math.max(gap, FLOOR) : gap;
            }
            lossChart.setPoints(first + i, ghosts.get(i).x(), y);
        }
    }

    private void showRules() {
        rules.removeAll();
        if (racing.isEmpty()) {
            rules.add(new Paragraph(getTranslation("descent.optimizers.required")));
            return;
        }
        rules.add(new H3(getTranslation("descent.rules")));
        for (OptimizerKind k : racing) {
            Paragraph p = new Paragraph(getTranslation("descent.rule." + k.key()));
            p.getStyle().set("border-left", "4px solid " + colour(k));
            p.addClassName("descent-rule");
            rules.add(p);
        }
    }

    Picture surfacePicture() {
        return surfacePicture;
    }

    List<OptimizerKind> racing() {
        return racing;
    }

    String name(OptimizerKind k) {
        return form.name(k);
    }

    /** The drawn rectangle: the domain, or for a 1D surface x by the range of f(x). */
    double[] viewRect() {
        return SurfaceMap.viewRect(current);
    }

    private double[][] fittedLine(double[] wb) {
        LineFitSurface fit = (LineFitSurface) current;
        double[] rect = fitRect(fit.xs(), fit.ys());
        return new double[][] {{rect[0], wb[0] * rect[0] + wb[1]}, {rect[1], wb[0] * rect[1] + wb[1]}};
    }

    private static double[] fitRect(double[] xs, double[] ys) {
        double lo = Arrays.stream(ys).min().orElse(0);
        double hi = Arrays.stream(ys).max().orElse(1);
        return new double[] {-0.5, 3.5, lo - 2, hi + 2};
    }

    private Div plot(HeatMap heat, PathOverlay paths) {
        Div plot = new Div(heat, paths);
        plot.addClassName("descent-plot");
        return plot;
    }

    private Div titled(String key, Component content) {
        PictureText.nameAll(getTranslation(key), content);
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        return box;
    }

    static String colour(OptimizerKind k) {
        return Palette.colour(k.ordinal());
    }

    static String format(double v) {
        return Numbers.compact(v);
    }
}
