package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.PictureText;
import io.tinynets.lab.depth.DepthPicture;
import io.tinynets.lab.depth.LinearCollapse;
import io.tinynets.lab.depth.NetworkInternals;
import io.tinynets.training.picture.LivePicture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One network of the comparison: gradient norms per layer, activation histograms, dead units, decision boundary. */
class NetworkColumn extends Div {

    static final int MAP_PIXELS = 220;

    final H3 title = new H3();
    final BarChart gradients = new BarChart();
    final Paragraph gradientRatio = new Paragraph();
    final HeatMap histograms = new HeatMap(MAP_PIXELS);
    final HeatMap deadUnits = new HeatMap(MAP_PIXELS);
    final Paragraph deadCount = new Paragraph();
    final HeatMap boundary = new HeatMap(MAP_PIXELS);
    final Paragraph summary = new Paragraph();
    final Paragraph collapse = new Paragraph();
    private final int index;

    NetworkColumn(int index) {
        this.index = index;
        addClassName("depth-column");
        gradients.setEmptyText(getTranslation("depth.empty"));
        histograms.setColorMap(HeatMap.ColorMap.SEQUENTIAL);
        histograms.setLegendVisible(false);
        deadUnits.setColorMap(HeatMap.ColorMap.DIVERGING);
        deadUnits.setLegendVisible(false);
        boundary.setColorMap(HeatMap.ColorMap.DIVERGING);
        boundary.setLegendVisible(false);
        boundary.setDomain(-6, 6, -6, 6);
        collapse.addClassName("depth-collapse");
        add(title, section("depth.chart.gradients", gradients), gradientRatio,
                section("depth.chart.histograms", histograms), section("depth.chart.dead", deadUnits), deadCount,
                section("depth.chart.boundary", boundary), summary, collapse);
    }

    private Div section(String key, com.vaadin.flow.component.Component c) {
        PictureText.nameAll(getTranslation(key), c);
        Div d = new Div(new H4(getTranslation(key)), c);
        d.addClassName("depth-section");
        return d;
    }

    void setPoints(double[][] points) {
        LivePicture.Overlay overlay = DepthPicture.points(points);
        boundary.setPoints(overlay.x(), overlay.y(), overlay.classes(), null);
    }

    void show(NetworkInternals in, String activationName, int width) {
        if (!activationName.equals(title.getText())) {
            // the two columns' pictures differ by their network: say which in each picture's name
            PictureText.nameAll(activationName + ": " + getTranslation("depth.chart.gradients"), gradients);
            PictureText.nameAll(activationName + ": " + getTranslation("depth.chart.histograms"), histograms);
            PictureText.nameAll(activationName + ": " + getTranslation("depth.chart.dead"), deadUnits);
            PictureText.nameAll(activationName + ": " + getTranslation("depth.chart.boundary"), boundary);
        }
        title.setText(activationName);
        int layers = in.gradientNorms().length;
        List<String> labels = new ArrayList<>();
        for (int l = 1; l < layers; l++) {
            labels.add(String.valueOf(l));
        }
        labels.add(getTranslation("depth.layer.output"));
        gradients.setBars(labels, in.gradientNorms(), Palette.colour(index), true);
        double first = in.gradientNorms()[0];
        double last = in.gradientNorms()[layers - 1];
        gradientRatio.setText(getTranslation("depth.ratio", format(first), format(last),
                format(last > 0 ? first / last : Double.NaN)));

        int hidden = in.histograms().length;
        double[] hist = new double[hidden * NetworkInternals.BINS];
        for (int l = 0; l < hidden; l++) {
            System.arraycopy(in.histograms()[l], 0, hist, l * NetworkInternals.BINS, NetworkInternals.BINS);
        }
        histograms.setDisplayHeight(Math.max(60, Math.min(MAP_PIXELS, hidden * 14)));
        histograms.setGrid(NetworkInternals.BINS, hidden, hist, 0, 0.5);
        histograms.getElement().setAttribute("title", getTranslation("depth.histograms.range",
                format(in.histMin()), format(in.histMax())));

        double[] dead = new double[hidden * width];
        for (int l = 0; l < hidden; l++) {
            for (int j = 0; j < width; j++) {
                dead[l * width + j] = in.dead()[l][j] ? 1 : -0.3;
            }
        }
        deadUnits.setDisplayHeight(Math.max(40, Math.min(MAP_PIXELS, hidden * 10)));
        deadUnits.setGrid(width, hidden, dead, -1, 1);
        deadCount.setText(getTranslation("depth.dead.count", in.deadCount(), hidden * width));

        boundary.setGrid(NetworkInternals.GRID, NetworkInternals.GRID, in.boundary(), 0, 1);
        summary.setText(getTranslation("depth.summary", format(in.loss()),
                String.format(Locale.ROOT, "%.0f%%", in.accuracy() * 100)));
        LinearCollapse c = in.collapse();
        collapse.setVisible(c != null);
        if (c != null) {
            collapse.setText(getTranslation("depth.collapse", format(c.w1()), format(c.w2()), format(c.b())));
        }
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-2 || a >= 1e4)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
