package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.Json;
import elemental.json.JsonArray;
import io.tinynets.base.ui.Numbers;
import io.tinynets.base.ui.PictureText;

import java.util.List;

/**
 * Java side of {@code <tn-bar-chart>}: one bar per label, optionally on a log axis. Keeps what it last sent, for tests
 * and to draw the bars again when the chart is attached again (navigating away and back).
 */
@Tag("tn-bar-chart")
@JsModule("./components/bar-chart.ts")
class BarChart extends Component implements HasSize, PictureText.Described {

    private double[] values = new double[0];
    private JsonArray sentLabels;
    private JsonArray sentValues;
    private String colour;
    private boolean log;
    private final PictureText text = new PictureText(this, "picture.kind.barChart");

    BarChart() {
        setWidthFull();
    }

    @Override
    public PictureText pictureText() {
        return text;
    }

    void setEmptyText(String text) {
        getElement().setAttribute("empty-text", text);
    }

    void setBars(List<String> labels, double[] newValues, String colour, boolean log) {
        values = newValues.clone();
        JsonArray l = Json.createArray();
        labels.forEach(s -> l.set(l.length(), s));
        JsonArray v = Json.createArray();
        for (double d : newValues) {
            if (Double.isFinite(d)) {
                v.set(v.length(), Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", d)));
            } else {
                v.set(v.length(), Json.createNull());
            }
        }
        this.sentLabels = l;
        this.sentValues = v;
        this.colour = colour;
        this.log = log;
        sendBars();
        StringBuilder reading = new StringBuilder();
        for (int i = 0; i < labels.size() && i < newValues.length; i++) {
            reading.append(reading.isEmpty() ? "" : ", ").append(labels.get(i)).append(' ')
                    .append(Numbers.compact(newValues[i]));
        }
        text.reading(reading.toString());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // a re-attached element lost its client state (pending calls are dropped on detach): send it again
        if (!attachEvent.isInitialAttach() && sentLabels != null) {
            sendBars();
        }
    }

    private void sendBars() {
        getElement().callJsFunction("setBars", sentLabels, sentValues, colour, log);
    }

    double[] values() {
        return values.clone();
    }
}
