package io.tinynets.lab.playground.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.WeightEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlaygroundViewTest extends KaribuTest {

    private PlaygroundView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("playground");
        view = _get(PlaygroundView.class);
    }

    @AfterEach
    void stopRun() {
        view.training.discard();
    }

    private static int epochOf(String label) {
        return Integer.parseInt(label.replaceAll("\\D", ""));
    }

    @Test
    void startTrainsAndTheChartsAndEpochCounterAdvance() {
        view.form.features.setValue(Set.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.X2_SQUARED));
        _click(view.controls.playButton());
        awaitUi(Duration.ofSeconds(30), "loss points, epoch counter and boundary",
                () -> view.panels.curves.lossChart.pointCount(0) >= 5 && epochOf(view.controls.epochLabel().getText()) >= 5
                        && view.panels.boundary.getCols() == 50);
        assertThat(view.panels.curves.lossChart.pointCount(1)).isPositive(); // test loss
        assertThat(view.panels.curves.accuracyChart.pointCount(0)).isPositive();
        assertThat(view.panels.curves.lossChart.yValues(0)[0]).isFinite().isPositive();
        assertThat(view.panels.diagram.sizes()).containsExactly(4, 4, 2, 1);
        assertThat(view.panels.diagram.sentWeights()).hasSize(4 * 4 + 4 * 2 + 2);
        assertThat(view.panels.curves.readout.getText()).startsWith("Train loss ");
    }

    @Test
    void circleWithSquaredFeaturesIsLearnedAndTheBoundaryShowsIt() {
        view.form.features.setValue(Set.of(Feature.X1_SQUARED, Feature.X2_SQUARED));
        view.form.learningRate.setValue(0.1);
        _click(view.controls.fastestButton()); // learned in a few hundred epochs: no need to watch them
        _click(view.controls.playButton());
        awaitUi(Duration.ofSeconds(30), "accuracy above 95%", () -> {
            double[] acc = view.panels.curves.accuracyChart.yValues(0);
            return acc.length > 0 && acc[acc.length - 1] > 0.95;
        });
        view.training.pause();
        awaitUi(Duration.ofSeconds(30), "paused", () -> !view.training.isRunning()
                && view.controls.stateLabel().getText().equals("Paused"));
        // circle: class 1 (orange, output near +1) in the middle, class 0 (blue, near −1) at the corners
        assertThat(view.panels.boundary.valueAt(25, 25)).isGreaterThan(0.3);
        assertThat(view.panels.boundary.valueAt(2, 2)).isLessThan(-0.3);
    }

    @Test
    void beforePlayTheUntrainedNetworkIsShownAndFollowsTheSettings() {
        MockVaadin.clientRoundtrip();
        assertThat(view.training.hasRun()).isFalse();
        assertThat(view.panels.diagram.sizes()).containsExactly(2, 4, 2, 1);
        assertThat(view.panels.diagram.sentWeights()).isNotEmpty();
        assertThat(view.panels.boundary.getCols()).isEqualTo(50);
        double first = view.panels.boundary.valueAt(0, 0);
        double last = view.panels.boundary.valueAt(49, 49);
        assertThat(first).isNotEqualTo(last); // a random start still separates the corners a little

        view.form.layers.setLayers(List.of(3), Activation.RELU);
        view.form.features.setValue(Set.of(Feature.X1, Feature.X2, Feature.SIN_X1));
        MockVaadin.clientRoundtrip();
        assertThat(view.panels.diagram.sizes()).containsExactly(3, 3, 1);
        assertThat(view.training.hasRun()).isFalse(); // a preview, not a run

        // Play builds exactly the previewed network: epoch 0 of the run is the picture shown before
        double[] before = new double[50 * 50];
        for (int i = 0; i < before.length; i++) {
            before[i] = view.panels.boundary.valueAt(i % 50, i / 50);
        }
        assertThat(view.ensureRun()).isTrue();
        io.tinynets.lab.playground.PlaygroundInternals start = new io.tinynets.lab.playground.PlaygroundTrainer(view.form.config(), view.form.data.current(),
                view.form.values.seed, null).captureInternals();
        for (int i = 0; i < before.length; i += 97) {
            assertThat(before[i]).isCloseTo(start.boundary()[i],
                    within((start.boundaryMax() - start.boundaryMin()) / 255.0 + 1e-12));
        }
    }

    @Test
    void invalidValuesShowFieldMessagesAndDisableStart() {
        view.form.batchSize.setValue(0);
        assertThat(view.form.batchSize.isInvalid()).isTrue();
        assertThat(view.form.batchSize.getErrorMessage()).isEqualTo("Enter a whole number from 1 to 100.");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        view.form.batchSize.setValue(10);
        assertThat(view.controls.playButton().isEnabled()).isTrue();

        view.form.features.setValue(Set.of());
        assertThat(view.form.features.isInvalid()).isTrue();
        assertThat(view.form.features.getErrorMessage()).isEqualTo("Select at least one input.");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        assertThat(view.ensureRun()).isFalse();

        view.form.features.setValue(Set.of(Feature.X1));
        view.form.learningRate.setValue(50.0);
        assertThat(view.form.learningRate.getErrorMessage()).isEqualTo("Enter a learning rate from 0.00001 to 10.");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
    }

    @Test
    void divergingLearningRateStopsWithAdvice() {
        view.form.dataset.setValue(DatasetKind.PLANE);
        assertThat(view.form.outputLoss.getValue()).isEqualTo(OutputLoss.LINEAR_SQUARED);
        view.form.features.setValue(EnumSet.allOf(Feature.class));
        view.form.layers.setLayers(List.of(8, 8), Activation.LINEAR);
        view.form.learningRate.setValue(10.0);
        _click(view.controls.playButton());
        awaitUi(Duration.ofSeconds(30), "the run to diverge",
                () -> view.controls.stateLabel().getText().equals("Diverged"));
        assertThat(view.controls.messageLabel().getText()).contains("learning rate 10 is too large").contains("try 1");
        // a divergence stays a warning: the message keeps the theme's warning colour, the badge its error theme
        assertThat(view.controls.messageLabel().getStyle().get("color")).isNull();
        assertThat(view.controls.stateLabel().getElement().getThemeList()).contains("error");
    }

    @Test
    void aClickedWeightIsAppliedAtTheNextEpoch() {
        _click(view.controls.playButton());
        awaitUi(Duration.ofSeconds(30), "a few epochs", () -> epochOf(view.controls.epochLabel().getText()) >= 3);
        view.applyEdit(new WeightEdit(0, 1, 0, 2.5));
        assertThat(view.training.isRunning()).isFalse();
        assertThat(view.panels.editStatus.getText()).contains("next epoch");
        awaitUi(Duration.ofSeconds(30), "paused", () -> view.controls.stateLabel().getText().equals("Paused"));
        int before = epochOf(view.controls.epochLabel().getText());
        view.training.step(1);
        awaitUi(Duration.ofSeconds(30), "one more epoch",
                () -> epochOf(view.controls.epochLabel().getText()) == before + 1
                        && view.controls.stateLabel().getText().equals("Paused"));
        assertThat(view.panels.currentTrainer.get().pendingEdits()).isZero();
        // weights[layer 0] is 4 × 2: unit 1, input 0 is index 2; one epoch of SGD moves it only a little
        assertThat((double) view.panels.diagram.sentWeights()[2]).isCloseTo(2.5, within(0.3));
    }

    @Test
    void withoutAPointerAnyWeightCanBeChosenFromAListAndSet() {
        _click(view.panels.chooseParameter);
        assertThat(view.panels.editStatus.getText()).as("no run yet: no weights to set").contains("Press Play or Step");

        _click(view.controls.playButton());
        awaitUi(Duration.ofSeconds(30), "a few epochs", () -> epochOf(view.controls.epochLabel().getText()) >= 3);
        List<NetworkDiagram.Parameter> all = view.panels.diagram.parameters();
        int weights = 0;
        int biases = 0;
        int[] sizes = view.panels.diagram.sizes();
        for (int l = 1; l < sizes.length; l++) {
            weights += sizes[l - 1] * sizes[l];
            biases += sizes[l];
        }
        assertThat(all).as("every weight and bias of the network").hasSize(weights + biases);
        // weights[layer 0] is 4 x 2 (unit 1, input 0 is index 2), listed unit by unit with each unit's bias last
        NetworkDiagram.Parameter w = all.get(3);
        assertThat(w.layer()).isZero();
        assertThat(w.to()).isEqualTo(1);
        assertThat(w.from()).isZero();
        assertThat(w.value()).isEqualTo(view.panels.diagram.sentWeights()[2]);
        assertThat(w.name()).startsWith("w ").contains("→ h1.2");
        assertThat(all.get(2).from()).as("unit 0's bias").isEqualTo(-1);

        _click(view.panels.chooseParameter);
        assertThat(view.training.isRunning()).as("choosing pauses like a click does").isFalse();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<NetworkDiagram.Parameter> which =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withLabel("Weight or bias"));
        which.setValue(w);
        com.vaadin.flow.component.textfield.NumberField value =
                _get(com.vaadin.flow.component.textfield.NumberField.class, spec -> spec.withLabel("New value"));
        assertThat(value.getValue()).as("the chosen weight's current value").isEqualTo(w.value());
        value.setValue(2.5);
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Apply")));
        assertThat(view.panels.editStatus.getText()).contains("next epoch");
        awaitUi(Duration.ofSeconds(30), "paused", () -> view.controls.stateLabel().getText().equals("Paused"));
        int before = epochOf(view.controls.epochLabel().getText());
        view.training.step(1);
        awaitUi(Duration.ofSeconds(30), "one more epoch",
                () -> epochOf(view.controls.epochLabel().getText()) == before + 1);
        assertThat((double) view.panels.diagram.sentWeights()[2]).isCloseTo(2.5, within(0.3));
    }

    @Test
    void clickAddsAPointOfTheChosenClassAndShiftClickRemovesIt() {
        int before = view.form.data.current().train().size();
        view.form.data.clickClass.setValue(0);
        view.form.data.clickPoint(0.1, 0.2, false);
        assertThat(view.form.data.current().train()).hasSize(before + 1);
        assertThat(view.form.data.current().train().get(before).label()).isEqualTo(0.0);
        view.form.data.clickPoint(0.15, 0.2, true);
        assertThat(view.form.data.current().train()).hasSize(before);
        assertThat(view.form.data.isCustom()).isTrue();
    }

    @Test
    void csvUploadLoadsWholeFilesAndRejectsBadOnesWithTheLine() {
        var before = view.form.data.current();
        view.form.data.loadCsv(stream("x1,x2,label\n1,2,0\n3,oops,1\n"));
        assertThat(view.form.data.uploadStatus.getText()).isEqualTo("Not loaded, line 3: column x2: “oops” is not a number");
        assertThat(view.form.data.current()).isSameAs(before);

        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 3).append('\n');
        }
        view.form.data.loadCsv(stream(csv.toString()));
        assertThat(view.form.data.uploadStatus.getText()).isEqualTo("Loaded 30 points in 3 classes.");
        assertThat(view.form.data.current().classes()).isEqualTo(3);
        assertThat(view.form.outputLoss.getValue()).isEqualTo(OutputLoss.SOFTMAX_CROSS_ENTROPY);
        assertThat(view.ensureRun()).isTrue();
        assertThat(view.panels.diagram.sizes()).containsExactly(2, 4, 2, 3);
    }

    @Test
    void aNewConfigurationKeepsThePreviousCurveAsAGhost() {
        _click(view.controls.playButton());
        awaitUi(Duration.ofSeconds(30), "loss points", () -> view.panels.curves.lossChart.pointCount(0) >= 3);
        view.form.layers.changeWidth(0, +1);
        assertThat(view.training.hasRun()).isFalse();
        assertThat(view.panels.curves.lossChart.pointCount(0)).isZero();
        assertThat(view.panels.curves.lossChart.pointCount(2)).isGreaterThanOrEqualTo(3);
        assertThat(view.panels.curves.lossChart.getSeries().get(2).dashed()).isTrue();
    }

    @Test
    void liveSendsStayWithinThirtyKilobytesPerSecond() {
        view.form.layers.setLayers(List.of(8, 8, 8, 8, 8, 8), Activation.TANH);
        view.form.features.setValue(EnumSet.allOf(Feature.class));
        _click(view.controls.fastestButton()); // the worst case for the traffic: as fast as possible
        _click(view.controls.playButton());
        long start = System.nanoTime();
        awaitUi(Duration.ofSeconds(30), "3 s of training", () -> System.nanoTime() - start > 3_000_000_000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = (view.panels.boundaryThrottle.totalBytes() + view.panels.diagramThrottle.totalBytes()) / seconds;
        System.out.printf("playground live grids: boundary %d B in %d sends, diagram %d B in %d sends, %.1f s: %.0f B/s%n",
                view.panels.boundaryThrottle.totalBytes(), view.panels.boundaryThrottle.sends(), view.panels.diagramThrottle.totalBytes(),
                view.panels.diagramThrottle.sends(), seconds, rate);
        assertThat(view.panels.diagramThrottle.sends()).isGreaterThan(1);
        assertThat(rate).isLessThan(30_000);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
