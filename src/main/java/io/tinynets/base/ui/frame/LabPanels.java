package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tinynets.training.Snapshot;

import java.util.List;

/**
 * A lab's pictures and charts: drawn at initialization for a new configuration, then from every snapshot the frame
 * delivers, with the curves of a reopened run drawn dashed behind the live ones.
 *
 * @param <C> the lab's configuration
 * @param <I> the internals its trainer captures
 */
public abstract class LabPanels<C, I> extends VerticalLayout {

    protected LabPanels() {
        setPadding(false);
    }

    /**
     * A new configuration: forget the run's pictures and show the network at initialization.
     *
     * @param config null while the form is invalid (keep nothing of the old configuration that would mislead)
     */
    public abstract void configure(C config, long seed);

    /**
     * False for a snapshot the panels cannot draw (without internals, or internals of another configuration): it is
     * skipped. By default a snapshot needs internals.
     */
    public boolean accepts(Snapshot<I> snapshot) {
        return snapshot.internals() != null;
    }

    /** A new run was created (READY, no snapshot yet). */
    public void runCreated() {
    }

    /** A run (re)started from epoch 0: clear what was drawn of the previous one, keep the reopened curves. */
    public abstract void restart();

    /** Draws one accepted snapshot. */
    public abstract void show(Snapshot<I> snapshot);

    /** The curves of a reopened run, drawn dashed from the next {@link #configure} on (empty: none). */
    public void setSavedCurves(List<SavedCurve> curves) {
    }

    /**
     * The pictures the frame offers as PNG (and, for line charts, as CSV): by default every box shown whose first child
     * is its {@code H3} title and which holds one of our drawing components (see {@link PanelPictures}).
     */
    public List<PanelPictures.Picture> pictures() {
        return PanelPictures.in(this);
    }

    /** Read-outs that sit in the controls column, below the training controls (none by default). */
    public List<Component> besideControls() {
        return List.of();
    }
}
