package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.Json;
import elemental.json.JsonArray;
import io.tinynets.base.ui.PictureText;

/**
 * Java side of {@code <tn-cell-diagram>}: the standard cell diagram annotated with one step's values of one unit.
 * Values travel as one short number array (2 decimals are all the diagram shows). The last step is kept and sent again
 * when the diagram is attached again (navigating away and back).
 */
@Tag("tn-cell-diagram")
@JsModule("./components/cell-diagram.ts")
class CellDiagram extends Component implements HasSize, PictureText.Described {

    private final PictureText text = new PictureText(this, "picture.kind.cellDiagram");

    @Override
    public PictureText pictureText() {
        return text;
    }

    /** The words the diagram draws, translated: message keys sequence.diagram.<word>. */
    static final java.util.List<String> WORDS = java.util.List.of("forget", "input", "candidate", "output", "reset",
            "update", "kept", "written", "replaced", "noGates", "diagram");

    private String kind = "lstm";

    CellDiagram() {
        var words = Json.createObject();
        for (String word : WORDS) {
            words.put(word, getTranslation("sequence.diagram." + word));
        }
        getElement().setPropertyJson("words", words);
    }
    private String caption = "";
    private double[] values = new double[0];
    private JsonArray sent;

    /** {@code values} in the component's order: lstm f i g o cPrev c hPrev h; gru r z n hPrev h; rnn hPrev h. */
    void setStep(String kind, String caption, double[] values) {
        this.kind = kind;
        this.caption = caption;
        this.values = values.clone();
        JsonArray arr = Json.createArray();
        for (int i = 0; i < values.length; i++) {
            arr.set(i, Double.isFinite(values[i]) ? Math.round(values[i] * 1000) / 1000.0 : 0);
        }
        sent = arr;
        getElement().callJsFunction("setStep", kind, caption, arr);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // a re-attached element lost its client state (pending calls are dropped on detach): send it again
        if (!attachEvent.isInitialAttach() && sent != null) {
            getElement().callJsFunction("setStep", kind, caption, sent);
        }
    }

    String kind() {
        return kind;
    }

    String caption() {
        return caption;
    }

    double[] values() {
        return values.clone();
    }

    /** Approximate bytes of the last update, for the view's bandwidth meter. */
    int payloadBytes() {
        return 40 + caption.length() * 2 + values.length * 7;
    }
}
