package io.tinynets.lab.activation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.engine.Activation;
import io.tinynets.lab.activation.ActivationSuggestions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The explorer's "Try it" buttons set exactly the functions and the probe their suggestions name. */
class ActivationTryThisTest extends KaribuTest {

    private ActivationExplorerView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("activation");
        view = _get(ActivationExplorerView.class);
    }

    @Test
    void eachSuggestionHasAButtonNamingIt() {
        assertThat(view.tryThis.buttons().keySet()).containsExactly("activation.try.1", "activation.try.2",
                "activation.try.3");
        Button first = view.tryThis.button("activation.try.1").orElseThrow();
        assertThat(first.getText()).isEqualTo("Try it");
        assertThat(first.getElement().getAttribute("aria-label"))
                .isEqualTo("Try it: " + view.getTranslation("activation.try.1"));
    }

    @Test
    void theButtonsSetTheFunctionsAndTheProbeTheTextNames() {
        view.xSlider.setValue(2.0);
        click("activation.try.1");
        assertThat(view.selected()).containsExactly(Activation.SIGMOID, Activation.TANH);
        assertThat(view.xSlider.getValue()).isZero();
        // the readout shows what the text promises: f′(0) = 0.25 against 1
        assertThat(_getFormattedRow(view.readout, 0)).containsExactly("Sigmoid", "0.5", "0.25");
        assertThat(_getFormattedRow(view.readout, 1)).containsExactly("Tanh", "0", "1");

        click("activation.try.2");
        assertThat(view.selected()).as("the functions are not named: kept").containsExactly(Activation.SIGMOID,
                Activation.TANH);
        assertThat(view.xSlider.getValue()).isEqualTo(5.0);

        click("activation.try.3");
        assertThat(view.selected()).containsExactly(Activation.SIGMOID, Activation.RELU);
        assertThat(view.xSlider.getValue()).as("x is not named: kept").isEqualTo(5.0);
        assertThat(view.probe()).isEqualTo(new ActivationSuggestions.Probe(Set.of(Activation.SIGMOID,
                Activation.RELU), 5.0));
    }

    private void click(String key) {
        view.tryThis.button(key).orElseThrow().click();
    }
}
