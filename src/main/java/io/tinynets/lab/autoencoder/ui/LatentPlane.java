package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.Json;
import elemental.json.JsonArray;
import com.vaadin.flow.shared.Registration;

import java.util.Base64;
import java.util.List;

/**
 * Java side of {@code tn-latent-plane}: the latent scatter coloured by class, with click/drag picks reported as
 * plane coordinates. Points travel quantized to bytes over the domain (x, y, class per point).
 */
@Tag("tn-latent-plane")
@JsModule("./components/latent-plane.ts")
class LatentPlane extends Component {

    private double[] domain = {-1, 1, -1, 1};
    private int pointCount;

    LatentPlane(int sizePixels) {
        getElement().setProperty("size", sizePixels);
    }

    void setClasses(List<String> names, List<String> colours) {
        getElement().callJsFunction("setClasses", strings(names), strings(colours));
    }

    /** Points and the domain they are drawn in (xMin &lt; xMax, yMin &lt; yMax); points outside are clamped. */
    void setPoints(double xMin, double xMax, double yMin, double yMax, double[] x, double[] y, int[] classes) {
        domain = new double[]{xMin, xMax, yMin, yMax};
        pointCount = x.length;
        byte[] bytes = new byte[3 * x.length];
        for (int i = 0; i < x.length; i++) {
            bytes[3 * i] = quantize((x[i] - xMin) / (xMax - xMin));
            bytes[3 * i + 1] = quantize((y[i] - yMin) / (yMax - yMin));
            bytes[3 * i + 2] = (byte) classes[i];
        }
        getElement().callJsFunction("setPoints", xMin, xMax, yMin, yMax, Base64.getEncoder().encodeToString(bytes));
    }

    /** Names the plane's directions, drawn under and beside it with an arrow. */
    void setAxisLabels(String x, String y) {
        getElement().setAttribute("x-label", x);
        getElement().setAttribute("y-label", y);
    }

    String xAxisLabel() {
        return getElement().getAttribute("x-label");
    }

    void setPick(Double x, Double y) {
        getElement().callJsFunction("setPick", x, y);
    }

    /** A dashed path through plane points x0, y0, x1, y1, …; empty to clear. */
    void setPath(double[] xy) {
        JsonArray arr = Json.createArray();
        for (int i = 0; i < xy.length; i++) {
            arr.set(i, xy[i]);
        }
        getElement().callJsFunction("setPath", arr);
    }

    double[] domain() {
        return domain.clone();
    }

    int pointCount() {
        return pointCount;
    }

    Registration addPickListener(ComponentEventListener<PickEvent> listener) {
        return addListener(PickEvent.class, listener);
    }

    static JsonArray strings(List<String> values) {
        JsonArray arr = Json.createArray();
        for (int i = 0; i < values.size(); i++) {
            arr.set(i, values.get(i));
        }
        return arr;
    }

    private static byte quantize(double f) {
        return (byte) Math.round(Math.max(0, Math.min(1, f)) * 255);
    }

    /** The student clicked or dragged to plane point (x, y). */
    @DomEvent("latent-pick")
    public static class PickEvent extends ComponentEvent<LatentPlane> {
        private final double x;
        private final double y;

        public PickEvent(LatentPlane source, boolean fromClient, @EventData("event.detail.x") double x,
                  @EventData("event.detail.y") double y) {
            super(source, fromClient);
            this.x = x;
            this.y = y;
        }

        double getX() {
            return x;
        }

        double getY() {
            return y;
        }
    }
}
