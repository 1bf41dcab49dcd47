package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellKind;

/**
 * View choices a running trainer reads without a restart: whether the live panels are shown (when hidden the
 * trainer skips traces and gradient flow, which is how the lab measures what the panels cost), the cell in focus
 * (its next-character sample is computed) and the sampling temperature. Written by the UI thread, read by the
 * training worker: volatile fields, no locking needed.
 */
public final class LiveOptions {

    public static final double MIN_TEMPERATURE = 0.1;
    public static final double MAX_TEMPERATURE = 2.0;

    private volatile boolean panelsVisible = true;
    private volatile CellKind focus = CellKind.LSTM;
    private volatile double temperature = 0.7;

    public boolean panelsVisible() {
        return panelsVisible;
    }

    public void setPanelsVisible(boolean visible) {
        this.panelsVisible = visible;
    }

    public CellKind focus() {
        return focus;
    }

    public void setFocus(CellKind focus) {
        if (focus == null) {
            throw new IllegalArgumentException("focus cell must not be null");
        }
        this.focus = focus;
    }

    public double temperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        if (!(temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature must be in " + MIN_TEMPERATURE + ".." + MAX_TEMPERATURE
                    + ", was " + temperature);
        }
        this.temperature = temperature;
    }
}
