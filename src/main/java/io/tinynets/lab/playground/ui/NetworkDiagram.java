package io.tinynets.lab.playground.ui;

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
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.training.picture.Quantizer;
import io.tinynets.base.ui.PictureText;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * Java side of {@code <tn-network-diagram>}: sends the architecture once and then, per update, the weights and
 * biases as base64 Float32 (4 bytes each) and every unit's thumbnail as base64 bytes, each unit scaled by its own
 * largest |value| (what matters in a thumbnail is the shape, as in TensorFlow Playground).
 */
@Tag("tn-network-diagram")
@JsModule("./components/network-diagram.ts")
class NetworkDiagram extends Component implements PictureText.Described {

    private final PictureText text = new PictureText(this, "picture.kind.networkDiagram");

    @Override
    public PictureText pictureText() {
        return text;
    }

    private int[] sizes = new int[0];
    private List<String> inputLabels = List.of();
    private String weights = "";
    private String biases = "";
    private int gridSize;
    private String grids = "";

    void setNetwork(int[] sizes, List<String> inputLabels) {
        this.sizes = sizes.clone();
        this.inputLabels = List.copyOf(inputLabels);
        this.weights = "";
        this.biases = "";
        this.grids = "";
        sendNetwork();
        text.reading(getTranslation("picture.reading.layers", java.util.Arrays.stream(sizes)
                .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining("–"))));
    }

    /** Sends the internals' weights and thumbnails; returns the characters sent, for the bandwidth budget. */
    int setState(PlaygroundInternals internals) {
        weights = floats(internals.weights());
        biases = floats(internals.biases());
        gridSize = internals.unitGridSize();
        grids = unitBytes(internals.unitGrids(), gridSize);
        sendState();
        return weights.length() + biases.length() + grids.length();
    }

    int[] sizes() {
        return sizes.clone();
    }

    /** The weights last sent, decoded (for tests). */
    float[] sentWeights() {
        return decode(weights);
    }

    /** One weight (from ≥ 0) or bias (from = −1) the student may set, named as the diagram's tooltip names it. */
    record Parameter(int layer, int to, int from, double value, String name) {
    }

    /**
     * Every weight and bias of the network last sent, with its current value: the keyboard's way to what a click on a
     * link or a bias opens (the same layer/to/from as {@link EditEvent}). Empty before a run sent its weights.
     */
    List<Parameter> parameters() {
        float[] w = weights.isEmpty() ? new float[0] : decode(weights);
        float[] b = biases.isEmpty() ? new float[0] : decode(biases);
        java.util.ArrayList<Parameter> out = new java.util.ArrayList<>();
        int wOff = 0;
        int bOff = 0;
        for (int l = 1; l < sizes.length && w.length > 0; l++) {
            int inN = sizes[l - 1];
            for (int to = 0; to < sizes[l]; to++) {
                for (int from = 0; from < inN; from++) {
                    out.add(new Parameter(l - 1, to, from, w[wOff + to * inN + from],
                            "w " + unitName(l - 1, from) + " → " + unitName(l, to)));
                }
                out.add(new Parameter(l - 1, to, -1, bOff + to < b.length ? b[bOff + to] : 0,
                        "b " + unitName(l, to)));
            }
            wOff += inN * sizes[l];
            bOff += sizes[l];
        }
        return out;
    }

    /** The unit names of network-diagram.ts: the input's label, h{layer}.{unit} inside, out at the end. */
    private String unitName(int layer, int i) {
        if (layer == 0) {
            return i < inputLabels.size() ? inputLabels.get(i) : "x" + (i + 1);
        }
        return layer == sizes.length - 1 ? "out" + (sizes[layer] > 1 ? String.valueOf(i + 1) : "")
                : "h" + layer + "." + (i + 1);
    }

    private static float[] decode(String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        float[] out = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    Registration addEditListener(ComponentEventListener<EditEvent> listener) {
        return addListener(EditEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (!attachEvent.isInitialAttach() && sizes.length > 0) {
            sendNetwork();
            if (!weights.isEmpty()) {
                sendState();
            }
        }
    }

    private void sendNetwork() {
        JsonArray s = Json.createArray();
        for (int i = 0; i < sizes.length; i++) {
            s.set(i, sizes[i]);
        }
        JsonArray labels = Json.createArray();
        inputLabels.forEach(l -> labels.set(labels.length(), l));
        getElement().callJsFunction("setNetwork", s, labels);
    }

    private void sendState() {
        getElement().callJsFunction("setState", weights, biases, gridSize, grids);
    }

    static String floats(double[][] perLayer) {
        int n = 0;
        for (double[] a : perLayer) {
            n += a.length;
        }
        // Float32Array reads the platform's order, little-endian on every browser we target
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] a : perLayer) {
            for (double v : a) {
                b.putFloat((float) v);
            }
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static String unitBytes(double[][][] unitGrids, int gridSize) {
        int cells = gridSize * gridSize;
        int units = 0;
        for (double[][] layer : unitGrids) {
            units += layer.length;
        }
        byte[] out = new byte[units * cells];
        int o = 0;
        for (double[][] layer : unitGrids) {
            for (double[] grid : layer) {
                double m = 1e-9;
                for (double v : grid) {
                    if (Double.isFinite(v)) {
                        m = Math.max(m, Math.abs(v));
                    }
                }
                // v on [−m, m] → byte 0..255, NaN at the middle
                System.arraycopy(Quantizer.quantize(grid, -m, m), 0, out, o, cells);
                o += cells;
            }
        }
        return Base64.getEncoder().encodeToString(out);
    }

    /** The student clicked a link (from ≥ 0) or a bias (from = −1) to edit it. */
    @DomEvent("diagram-edit")
    public static class EditEvent extends ComponentEvent<NetworkDiagram> {
        final int layer;
        final int to;
        final int from;
        final double value;

        public EditEvent(NetworkDiagram source, boolean fromClient, @EventData("event.detail.layer") int layer,
                  @EventData("event.detail.to") int to, @EventData("event.detail.from") int from,
                  @EventData("event.detail.value") double value) {
            super(source, fromClient);
            this.layer = layer;
            this.to = to;
            this.from = from;
            this.value = value;
        }
    }
}
