package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.tinynets.base.ui.EpochAxisChoice;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.frame.LabPanels;
import io.tinynets.base.ui.frame.SavedCurve;
import io.tinynets.engine.Activation;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthInternals;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.depth.NetworkInternals;
import io.tinynets.training.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The compared networks side by side (gradient norms, histograms, dead units, boundary) and their loss curves on a
 * log axis, with a reopened experiment's per-network curves dashed behind.
 */
class DepthPanels extends LabPanels<DepthConfig, DepthInternals> {

    /** Saved per-network loss curves are named "loss 1 · sigmoid", "loss 2 · relu". */
    static final String NETWORK_LOSS = "loss ";

    final LineChart lossChart = new LineChart();
    final EpochAxisChoice epochAxis = new EpochAxisChoice(lossChart);
    final List<NetworkColumn> columns = List.of(new NetworkColumn(0), new NetworkColumn(1));
    /** The opened experiment's per-network loss curves, drawn dashed behind the live ones. */
    private List<SavedCurve> ghosts = List.of();
    private DepthConfig shown;
    private long lastEpoch = -1;

    DepthPanels() {
        HorizontalLayout pair = new HorizontalLayout(columns.get(0), columns.get(1));
        pair.setWidthFull();
        pair.addClassName("depth-pair");
        lossChart.setAxisLabels(getTranslation("depth.loss.axis"), getTranslation("depth.loss"));
        lossChart.setLogY(true);
        lossChart.setEmptyText(getTranslation("depth.empty"));
        Div lossBox = new Div(new H3(getTranslation("depth.chart.loss")), lossChart, epochAxis);
        lossChart.pictureText().name(getTranslation("depth.chart.loss"));
        lossBox.addClassName("chart-box");
        add(pair, lossBox);
    }

    /** Shows the new networks at initialization (built here; it is cheap). */
    @Override
    public void configure(DepthConfig config, long seed) {
        shown = config;
        lastEpoch = -1;
        if (config == null) {
            return;
        }
        DepthTrainer preview = new DepthTrainer(config, seed);
        double[][] points = preview.trainingPoints();
        columns.forEach(c -> c.setPoints(points));
        columns.get(1).setVisible(config.activations().size() == 2);
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < config.activations().size(); i++) {
            series.add(new LineChart.Series(name(config.activations().get(i)), Palette.colour(i)));
        }
        for (SavedCurve ghost : ghosts) {
            series.add(new LineChart.Series(getTranslation("depth.experiment.ghost",
                    ghost.name().substring(NETWORK_LOSS.length())), "#999999", true));
        }
        lossChart.setSeries(series);
        drawGhosts();
        show(preview.captureInternals());
    }

    @Override
    public boolean accepts(Snapshot<DepthInternals> snapshot) {
        DepthInternals in = snapshot.internals();
        return in != null && shown != null && in.networks().size() == shown.activations().size();
    }

    @Override
    public void restart() {
        lossChart.reset();
        drawGhosts();
        lastEpoch = -1;
    }

    @Override
    public void show(Snapshot<DepthInternals> snapshot) {
        show(snapshot.internals());
    }

    @Override
    public void setSavedCurves(List<SavedCurve> curves) {
        ghosts = curves.stream().filter(c -> c.name().startsWith(NETWORK_LOSS)).toList();
    }

    private void show(DepthInternals in) {
        for (int i = 0; i < in.networks().size(); i++) {
            NetworkInternals n = in.networks().get(i);
            columns.get(i).show(n, name(n.activation()), shown.width());
            if (in.epoch() > lastEpoch && in.epoch() > 0 && Double.isFinite(n.loss())) {
                lossChart.appendPoint(i, in.epoch(), Math.max(n.loss(), 1e-12));
            }
        }
        lastEpoch = Math.max(lastEpoch, in.epoch());
    }

    private void drawGhosts() {
        int first = lossChart.getSeries().size() - ghosts.size();
        for (int i = 0; i < ghosts.size() && first >= 0; i++) {
            lossChart.setPoints(first + i, ghosts.get(i).x(), positive(ghosts.get(i).y()));
        }
    }

    private static double[] positive(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = Math.max(y[i], 1e-12); // the axis is logarithmic
        }
        return out;
    }

    String name(Activation a) {
        return getTranslation("activation.name." + a.key());
    }
}
