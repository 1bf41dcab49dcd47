package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.tinynets.base.ui.EpochAxisChoice;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.frame.LabPanels;
import io.tinynets.base.ui.frame.SavedCurve;
import io.tinynets.base.ui.frame.SnapshotThrottle;
import io.tinynets.base.ui.PictureText;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.model.AutoencoderSpec;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.RunState;
import io.tinynets.training.Snapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The hourglass, the loss next to PCA's line at the same k (a reopened experiment's curve until the new run draws its
 * own), inputs / noisy inputs / reconstructions, the latent space coloured by class and the decoder explorer.
 *
 * <p>Bandwidth: 8×8 sample grids fit every snapshot; 16×16 ones are paced by a {@link SnapshotThrottle} so the grid
 * stays within {@link #GRID_BYTES_PER_SECOND}, and the latent plane is sent at most every
 * {@link #LATENT_INTERVAL_MILLIS}. A paused, finished or restarted run always gets its current pictures.
 */
class AutoencoderPanels extends LabPanels<AutoencoderConfig, AutoencoderInternals> {

    /** Image bytes (base64) per second the sample grid may use while training; the latent plane gets the rest. */
    static final double GRID_BYTES_PER_SECOND = 20_000;
    static final long LATENT_INTERVAL_MILLIS = 200;

    final Div hourglass = new Div();
    final Span compression = new Span();
    final LineChart lossChart = new LineChart();
    final EpochAxisChoice epochAxis = new EpochAxisChoice(lossChart);
    final Span errorReadout = new Span();
    final ImageGrid samplesGrid = new ImageGrid(34);
    final Paragraph samplesEmpty = new Paragraph();
    final DecoderExplorer explorer;
    private final SnapshotThrottle gridThrottle = new SnapshotThrottle(GRID_BYTES_PER_SECOND, 0);
    private final SnapshotThrottle latentThrottle = new SnapshotThrottle(Double.MAX_VALUE, LATENT_INTERVAL_MILLIS);
    /** A reopened experiment's loss curve, drawn by the next {@link #configure}. */
    private SavedCurve savedCurve;
    /** True while the loss chart shows a reopened experiment's saved curve, until the new run draws its own. */
    private boolean showingSaved;

    AutoencoderPanels() {
        explorer = new DecoderExplorer(this);
        HorizontalLayout top = new HorizontalLayout(architectureBox(), lossBox());
        top.setWidthFull();
        top.addClassName("chart-row");
        HorizontalLayout bottom = new HorizontalLayout(explorer.latentBox(), explorer.explorerBox());
        bottom.setWidthFull();
        bottom.addClassName("chart-row");
        samplesGrid.setRowLabels(List.of(getTranslation("autoencoder.row.input"),
                getTranslation("autoencoder.row.noisy"), getTranslation("autoencoder.row.reconstruction")));
        samplesEmpty.setText(getTranslation("autoencoder.samples.empty"));
        add(top, titled("autoencoder.chart.samples", samplesGrid, samplesEmpty), bottom);
    }

    private Div architectureBox() {
        hourglass.addClassName("ae-hourglass");
        compression.addClassName("ae-compression");
        Div box = titled("autoencoder.chart.architecture", hourglass);
        box.add(new Paragraph(compression));
        return box;
    }

    private Div lossBox() {
        lossChart.setAxisLabels(getTranslation("autoencoder.axis.epoch"), getTranslation("autoencoder.axis.loss"));
        lossChart.setLogY(true);
        lossChart.setEmptyText(getTranslation("autoencoder.loss.empty"));
        lossChart.setSeries(List.of(new LineChart.Series(getTranslation("autoencoder.series.train"),
                Palette.colour(0)), new LineChart.Series(getTranslation("autoencoder.series.pca"),
                Palette.colour(4), true)));
        errorReadout.addClassName("ae-error-readout");
        Div box = titled("autoencoder.chart.loss", lossChart);
        box.add(new Paragraph(errorReadout), epochAxis);
        return box;
    }

    /** A structural change: the charts start empty (or with the reopened curve) and the hourglass is redrawn. */
    @Override
    public void configure(AutoencoderConfig config, long seed) {
        lossChart.reset();
        showingSaved = savedCurve != null;
        if (savedCurve != null) {
            lossChart.setPoints(0, savedCurve.x(), savedCurve.y());
            savedCurve = null;
        }
        errorReadout.setText(getTranslation("autoencoder.loss.empty"));
        explorer.clear();
        drawArchitecture(config);
    }

    @Override
    public void setSavedCurves(List<SavedCurve> curves) {
        savedCurve = curves.stream().filter(c -> c.name().equals("loss")).findFirst().orElse(null);
    }

    private void drawArchitecture(AutoencoderConfig config) {
        hourglass.removeAll();
        if (config == null) {
            hourglass.add(new Span(getTranslation("autoencoder.architecture.invalid")));
            compression.setText("");
            return;
        }
        int inputs = config.data().isImage() ? (config.data() == ImageSetKind.DIGITS_8 ? 64 : 256) : 3;
        AutoencoderSpec spec = config.spec(inputs);
        int[] sizes = spec.layerSizes();
        int max = IntStream.of(sizes).max().orElse(1);
        int middle = sizes.length / 2;
        for (int i = 0; i < sizes.length; i++) {
            Div bar = new Div();
            bar.addClassName("ae-layer-bar");
            bar.addClassName(i < middle ? "encoder" : i == middle ? "code" : "decoder");
            bar.setHeight((int) Math.round(14 + 110 * Math.sqrt((double) sizes[i] / max)) + "px");
            Div layer = new Div(bar, new Span(Integer.toString(sizes[i])));
            layer.addClassName("ae-layer");
            hourglass.add(layer);
        }
        compression.setText(getTranslation("autoencoder.compression", inputs, spec.bottleneck(),
                format(spec.compressionRatio())));
    }

    /** Every snapshot draws: the loss points come without internals too. */
    @Override
    public boolean accepts(Snapshot<AutoencoderInternals> snapshot) {
        return true;
    }

    @Override
    public void restart() {
        // the loss chart is reset in show: a reopened curve stays until the new run has points of its own
    }

    @Override
    public void show(Snapshot<AutoencoderInternals> snapshot) {
        if (showingSaved && snapshot.epoch() > 0) {
            showingSaved = false;
            lossChart.reset();
        } else if (snapshot.fromStart() && !showingSaved) {
            lossChart.reset();
        }
        AutoencoderInternals in = snapshot.internals();
        appendLoss(snapshot.newPoints(), in);
        if (in != null) {
            if (snapshot.state() != RunState.RUNNING || snapshot.fromStart()) {
                gridThrottle.force();
                latentThrottle.force();
            }
            showInternals(in);
        }
    }

    private void appendLoss(List<MetricPoint> points, AutoencoderInternals in) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).epoch();
            y[i] = points.get(i).trainLoss();
        }
        lossChart.appendPoints(0, x, y);
        if (in != null) {
            double[] pca = new double[x.length];
            Arrays.fill(pca, Math.max(in.pcaError(), 1e-12));
            lossChart.appendPoints(1, x, pca);
        }
    }

    private void showInternals(AutoencoderInternals in) {
        explorer.setInternals(in);
        errorReadout.setText(getTranslation("autoencoder.error", format(in.reconstructionError()), in.bottleneck(),
                format(in.pcaError())));
        // base64 of the grid's bytes
        if (in.image() && gridThrottle.trySend(in.grid().length * 4L / 3)) {
            samplesGrid.setImages(in.width(), in.height(), 3 * in.shown(), in.shown(), in.grid());
        }
        samplesGrid.setVisible(in.image());
        samplesEmpty.setVisible(!in.image());
        if (!in.image()) {
            samplesEmpty.setText(getTranslation("autoencoder.samples.points"));
        }
        if (latentThrottle.trySend(0)) {
            explorer.showLatent(in);
        }
    }

    Div titled(String key, Component... content) {
        PictureText.nameAll(getTranslation(key), content);
        Div box = new Div(new H3(getTranslation(key)));
        box.add(content);
        box.addClassName("chart-box");
        return box;
    }

    String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 0.01 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2e", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
