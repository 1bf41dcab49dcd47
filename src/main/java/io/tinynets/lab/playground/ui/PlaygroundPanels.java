package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.base.ui.frame.LabPanels;
import io.tinynets.base.ui.frame.SavedCurve;
import io.tinynets.base.ui.frame.SnapshotThrottle;
import io.tinynets.base.ui.PictureText;
import io.tinynets.data.Dataset2D;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson.Saved;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundPicture;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.training.RunState;
import io.tinynets.training.Snapshot;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The network diagram (weights editable), the decision map with the points, and the loss and accuracy curves with the
 * previous run's loss as a dashed ghost. Before Play the diagram and the map show the network of the current settings
 * at initialization.
 *
 * <p>Bandwidth: the map and the diagram are paced by {@link SnapshotThrottle}s at
 * {@link #BOUNDARY_BYTES_PER_SECOND} and {@link #DIAGRAM_BYTES_PER_SECOND}; a paused or finished run always gets its
 * latest pictures.
 */
class PlaygroundPanels extends LabPanels<Saved, PlaygroundInternals> {

    /** Bytes per second the boundary and the diagram may use while training (charts and points come on top). */
    static final double BOUNDARY_BYTES_PER_SECOND = 12_000;
    static final double DIAGRAM_BYTES_PER_SECOND = 12_000;

    final HeatMap boundary = new HeatMap(360);
    final NetworkDiagram diagram = new NetworkDiagram();
    final Span editStatus = new Span();
    /** Opens the list of every weight and bias: setting one without a pointer. */
    final Button chooseParameter = new Button();
    final PlaygroundCurves curves = new PlaygroundCurves();
    final SnapshotThrottle boundaryThrottle = new SnapshotThrottle(BOUNDARY_BYTES_PER_SECOND, 100);
    final SnapshotThrottle diagramThrottle = new SnapshotThrottle(DIAGRAM_BYTES_PER_SECOND, 250);
    /** The trainer of the current run, for weight edits (the runtime may rebuild it on reset). */
    final AtomicReference<PlaygroundTrainer> currentTrainer = new AtomicReference<>();
    private final PlaygroundForm form;
    private PlaygroundInternals lastBoundary;
    private PlaygroundInternals lastDiagram;
    private Dataset2D drawnData;
    private boolean previewPending;
    /** A reopened run's train loss, the ghost from the next {@link #configure} on. */
    private SavedCurve pendingGhost;
    /** True once a run was built from the current settings: the preview is then not needed. */
    private boolean runSinceConfigure;

    PlaygroundPanels(PlaygroundForm form) {
        this.form = form;
        boundary.setColorMap(HeatMap.ColorMap.DIVERGING);
        boundary.getElement().setAttribute("title", getTranslation("playground.boundary.tooltip"));
        Div boundaryBox = box("playground.chart.boundary", boundary);
        boundaryBox.addClassName("boundary-box");
        boundaryBox.add(new Paragraph(getTranslation("playground.boundary.caption")));
        editStatus.addClassName("edit-status");
        Div diagramBox = box("playground.chart.network", diagram);
        chooseParameter.setText(getTranslation("playground.edit.choose"));
        chooseParameter.addThemeVariants(ButtonVariant.LUMO_SMALL);
        diagramBox.add(new Paragraph(getTranslation("playground.network.caption")), chooseParameter, editStatus);
        HorizontalLayout row = new HorizontalLayout(diagramBox, boundaryBox);
        row.setWidthFull();
        row.addClassName("chart-row");
        row.getStyle().set("flex-wrap", "wrap");
        add(row, curves);
    }

    /** A setting changed: the run's curve stays as the ghost, the points and the preview follow the settings. */
    @Override
    public void configure(Saved setup, long seed) {
        currentTrainer.set(null);
        curves.keepGhost();
        if (pendingGhost != null) {
            curves.setGhost(pendingGhost);
            pendingGhost = null;
        }
        curves.reset();
        editStatus.setText("");
        runSinceConfigure = false;
        Dataset2D data = form.data.current();
        if (data != null && data != drawnData) {
            drawnData = data;
            LivePicture.Overlay points = PlaygroundPicture.points(data);
            boundary.setDomain(points.xMin(), points.xMax(), points.yMin(), points.yMax());
            boundary.setPoints(points.x(), points.y(), points.classes(), points.hollow());
            DecisionMapLegend.apply(boundary, data, this);
        }
        schedulePreview();
    }

    /** A reopened run's train loss becomes the ghost (none: no ghost). */
    @Override
    public void setSavedCurves(List<SavedCurve> saved) {
        pendingGhost = (saved.stream().filter(c -> c.name().equals(LabExperimentSupport.TRAIN_LOSS)).findFirst()
                .orElse(new SavedCurve("", new double[0], new double[0])));
    }

    /**
     * Previews once the round trip's changes are all in: one click may change several controls (new data, then the
     * output choices that fit it).
     */
    private void schedulePreview() {
        if (previewPending) {
            return;
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            previewPending = true;
            ui.beforeClientResponse(this, context -> {
                previewPending = false;
                if (!runSinceConfigure) {
                    previewNetwork();
                }
            });
        }
    }

    /**
     * Before Play, the network of the current settings as Play will build it (same seed, untrained), built here on
     * the UI thread outside the training service: one forward pass over the grids, never trained.
     */
    void previewNetwork() {
        Saved setup = form.getValue();
        Dataset2D data = form.data.current();
        if (setup == null || data == null) {
            return;
        }
        PlaygroundInternals start;
        try {
            start = new PlaygroundTrainer(setup.config(), data, form.getSeed(), null).captureInternals();
        } catch (IllegalArgumentException e) {
            return; // the form or the upload status already says what is wrong
        }
        showNetwork(setup.config(), data);
        diagram.setState(start);
        drawBoundary(start);
        curves.readout.setText("");
        lastBoundary = null;
        lastDiagram = null;
    }

    private void showNetwork(PlaygroundConfig config, Dataset2D data) {
        diagram.setNetwork(layerSizes(config, data), config.features().stream().map(PlaygroundForm::featureLabel)
                .toList());
    }

    private void drawBoundary(PlaygroundInternals in) {
        boundary.setGrid(in.gridSize(), in.gridSize(), in.boundary(), in.boundaryMin(), in.boundaryMax());
        boundary.setColorMap(HeatMap.ColorMap.valueOf(PlaygroundPicture.colours(in).name()));
    }

    static int[] layerSizes(PlaygroundConfig config, Dataset2D data) {
        int[] sizes = new int[config.hidden().size() + 2];
        sizes[0] = config.features().size();
        for (int i = 0; i < config.hidden().size(); i++) {
            sizes[i + 1] = config.hidden().get(i);
        }
        sizes[sizes.length - 1] = config.outputLoss().outputs(data.classes());
        return sizes;
    }

    /** The new run's network in the diagram; the old run's curve becomes the ghost. */
    @Override
    public void runCreated() {
        runSinceConfigure = true;
        curves.keepGhost();
        curves.reset();
        Saved setup = form.getValue();
        if (setup != null && form.data.current() != null) {
            showNetwork(setup.config(), form.data.current());
        }
        lastBoundary = null;
        lastDiagram = null;
    }

    /** Every snapshot: the curves come without internals too. */
    @Override
    public boolean accepts(Snapshot<PlaygroundInternals> snapshot) {
        return true;
    }

    @Override
    public void restart() {
        if (curves.lossChart.pointCount(0) > 0) {
            curves.keepGhost();
        }
        curves.reset();
    }

    @Override
    public void show(Snapshot<PlaygroundInternals> snapshot) {
        curves.append(snapshot.newPoints());
        PlaygroundInternals in = snapshot.internals();
        if (in == null) {
            return;
        }
        boolean settled = snapshot.state() != RunState.RUNNING;
        if (in != lastBoundary && (settled || boundaryThrottle.due())) {
            drawBoundary(in);
            // base64 of one byte per cell
            boundaryThrottle.sent(4L * ((in.boundary().length + 2) / 3));
            lastBoundary = in;
            curves.readout.setText(readoutText(in));
        }
        if (in != lastDiagram && (settled || diagramThrottle.due())) {
            diagramThrottle.sent(diagram.setState(in));
            lastDiagram = in;
        }
    }

    private String readoutText(PlaygroundInternals i) {
        String text = getTranslation("playground.readout.loss", fmt(i.trainLoss()),
                Double.isNaN(i.testLoss()) ? "–" : fmt(i.testLoss()));
        if (!Double.isNaN(i.trainAccuracy())) {
            text += " · " + getTranslation("playground.readout.accuracy", pct(i.trainAccuracy()),
                    Double.isNaN(i.testAccuracy()) ? "–" : pct(i.testAccuracy()));
        }
        return text;
    }

    private Div box(String key, Component content) {
        PictureText.nameAll(getTranslation(key), content);
        Div box = new Div(new H3(getTranslation(key)), content);
        box.addClassName("chart-box");
        box.setMinWidth("18rem");
        return box;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 1e-3 && v != 0 ? "%.2e" : "%.4f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
