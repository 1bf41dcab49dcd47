package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import io.tinynets.training.picture.Quantizer;
import io.tinynets.base.ui.PictureText;

import java.util.Base64;
import java.util.List;

/**
 * Java side of {@code tn-latent-plane}: the latent scatter coloured by class, with click/drag picks reported as
 * plane coordinates. Points travel quantized to bytes over the domain (x, y, class per point). What was last sent is
 * kept, so a plane detached and attached again (navigating away and back) is drawn again.
 */
@Tag("tn-latent-plane")
@JsModule("./components/latent-plane.ts")
class LatentPlane extends Component implements PictureText.Described {

    private final PictureText text = new PictureText(this, "picture.kind.latentPlane");

    @Override
    public PictureText pictureText() {
        return text;
    }

    private double[] domain = {-1, 1, -1, 1};
    private int pointCount;
    private JsonArray classNames;
    private JsonArray classColours;
    private String pointBytes;
    private Double pickX;
    private Double pickY;
    private JsonArray path;

    LatentPlane(int sizePixels) {
        getElement().setProperty("size", sizePixels);
    }

    void setClasses(List<String> names, List<String> colours) {
        classNames = strings(names);
        classColours = strings(colours);
        sendClasses();
    }

    /** Points and the domain they are drawn in (xMin &lt; xMax, yMin &lt; yMax); points outside are clamped. */
    void setPoints(double xMin, double xMax, double yMin, double yMax, double[] x, double[] y, int[] classes) {
        domain = new double[]{xMin, xMax, yMin, yMax};
        pointCount = x.length;
        byte[] bytes = new byte[3 * x.length];
        for (int i = 0; i < x.length; i++) {
            bytes[3 * i] = Quantizer.quantize(x[i], xMin, xMax);
            bytes[3 * i + 1] = Quantizer.quantize(y[i], yMin, yMax);
            bytes[3 * i + 2] = (byte) classes[i];
        }
        pointBytes = Base64.getEncoder().encodeToString(bytes);
        sendPoints();
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
        pickX = x;
        pickY = y;
        getElement().callJsFunction("setPick", x, y);
    }

    /** A dashed path through plane points x0, y0, x1, y1, …; empty to clear. */
    void setPath(double[] xy) {
        JsonArray arr = Json.createArray();
        for (int i = 0; i < xy.length; i++) {
            arr.set(i, xy[i]);
        }
        path = arr;
        getElement().callJsFunction("setPath", arr);
    }

    double[] domain() {
        return domain.clone();
    }

    int pointCount() {
        return pointCount;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // a re-attached element lost its client state (pending calls are dropped on detach): send it again
        if (!attachEvent.isInitialAttach()) {
            if (classNames != null) {
                sendClasses();
            }
            if (pointBytes != null) {
                sendPoints();
            }
            if (pickX != null || pickY != null) {
                getElement().callJsFunction("setPick", pickX, pickY);
            }
            if (path != null) {
                getElement().callJsFunction("setPath", path);
            }
        }
    }

    private void sendClasses() {
        getElement().callJsFunction("setClasses", classNames, classColours);
    }

    private void sendPoints() {
        getElement().callJsFunction("setPoints", domain[0], domain[1], domain[2], domain[3], pointBytes);
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
