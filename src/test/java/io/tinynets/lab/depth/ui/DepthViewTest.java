package io.tinynets.lab.depth.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class DepthViewTest extends KaribuTest {

    private DepthView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("depth");
        view = _get(DepthView.class);
    }

    @AfterEach
    void stop() {
        view.training.discard();
    }

    @Test
    void showsSigmoidAgainstReluAtInitialization() {
        assertThat(view.panels.columns.get(0).title.getText()).isEqualTo("Sigmoid");
        assertThat(view.panels.columns.get(1).title.getText()).isEqualTo("ReLU");
        double[] sigmoid = view.panels.columns.get(0).gradients.values();
        assertThat(sigmoid).hasSize(11);
        assertThat(sigmoid[0] / sigmoid[10]).isLessThan(1e-3);
        assertThat(view.panels.columns.get(0).histograms.getRows()).isEqualTo(10);
        assertThat(view.panels.columns.get(0).deadUnits.getCols()).isEqualTo(8);
        assertThat(view.panels.columns.get(0).gradientRatio.getText()).startsWith("First layer ");
        assertThat(view.panels.columns.get(0).collapse.isVisible()).isFalse();
        // the picture's text alternative: which network, what it shows, and its bars' values
        String label = view.panels.columns.get(0).gradients.getElement().getAttribute("aria-label");
        assertThat(view.panels.columns.get(0).gradients.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(label).startsWith("Sigmoid: Gradient norm per layer (log). 1 ").contains(", out ");
    }

    @Test
    void invalidDepthIsRefusedAndDisablesPlay() {
        view.form.depth.setValue(31);
        assertThat(view.form.depth.isInvalid()).isTrue();
        assertThat(view.form.depth.getErrorMessage()).isEqualTo("Enter a depth from 1 to 30.");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        assertThat(view.ensureRun()).isFalse();
        view.form.depth.setValue(12);
        assertThat(view.controls.playButton().isEnabled()).isTrue();
        assertThat(view.panels.columns.get(0).gradients.values()).hasSize(13);
    }

    @Test
    void linearActivationShowsTheSingleMatrix() {
        view.form.compare.setValue(false);
        view.form.activation.setValue(Activation.LINEAR);
        assertThat(view.panels.columns.get(1).isVisible()).isFalse();
        assertThat(view.panels.columns.get(0).collapse.isVisible()).isTrue();
        assertThat(view.panels.columns.get(0).collapse.getText()).contains("one matrix: z = ", "straight line");
    }

    @Test
    void trainingUpdatesChartsLive() {
        view.form.initializer.setValue(Initializer.HE);
        view.controls.playButton().click();
        KaribuTest.awaitUi(Duration.ofSeconds(30), "loss points of both networks", () ->
                view.panels.lossChart.pointCount(0) > 2 && view.panels.lossChart.pointCount(1) > 2);
        view.training.pause();
        assertThat(view.panels.columns.get(1).summary.getText()).startsWith("Loss ");
        assertThat(view.panels.columns.get(1).deadCount.getText()).endsWith("of 80 hidden units are dead.");
    }
}
