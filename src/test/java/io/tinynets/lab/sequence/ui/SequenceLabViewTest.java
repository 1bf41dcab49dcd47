package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.HeatMap;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.SequenceTaskKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class SequenceLabViewTest extends KaribuTest {

    private SequenceLabView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("sequence");
        view = _get(SequenceLabView.class);
    }

    @AfterEach
    void stop() {
        view.training.discard();
    }

    private void startSmallRace() {
        view.form.delay.setValue(5);
        view.form.hidden.setValue(8);
        assertThat(view.ensureRun()).isTrue();
        view.training.play();
    }

    @Test
    void cellDiagramDrawsItsWordsInTheUsersLanguage() {
        elemental.json.JsonObject words = (elemental.json.JsonObject) view.panels.cells.diagram.getElement().getPropertyRaw("words");
        assertThat(words.keys()).containsExactlyInAnyOrderElementsOf(CellDiagram.WORDS);
        assertThat(words.getString("forget")).isEqualTo("forget");
        assertThat(words.getString("replaced")).isEqualTo("replaced");
    }

    @Test
    void raceAdvancesThreeCurvesWithParameterCounts() {
        startSmallRace();
        awaitUi(Duration.ofSeconds(30), "three curves with points",
                () -> view.panels.lossChart.pointCount(0) >= 3 && view.panels.lossChart.pointCount(1) >= 3
                        && view.panels.lossChart.pointCount(2) >= 3);
        int before = view.panels.lossChart.pointCount(1);
        awaitUi(Duration.ofSeconds(30), "curves advance", () -> view.panels.lossChart.pointCount(1) > before);
        // all three curves at the same epochs, accuracies in [0, 1]
        assertThat(view.panels.lossChart.xValues(0)[0]).isEqualTo(1.0);
        assertThat(java.util.Arrays.stream(view.panels.metricChart.yValues(2)).allMatch(a -> a >= 0 && a <= 1)).isTrue();
        assertThat(view.panels.lossChart.getSeries()).extracting(s -> s.color())
                .containsExactly("#D55E00", "#0072B2", "#009E73");
        // delayed recall, 8 symbols: input 9, hidden 8 → LSTM 4·8·17 + 2·4·8 = 608, GRU 456 = ¾
        assertThat(view.panels.parameterCounts.getElement().getTextRecursively())
                .contains("LSTM: 608 cell parameters").contains("GRU: 456").contains("GRU / LSTM = 75 %");
    }

    @Test
    void gateHeatMapsGetStepsTimesUnitsInTheirRange() {
        startSmallRace();
        awaitUi(Duration.ofSeconds(30), "gate maps drawn", () -> view.panels.cells.gateMaps.get("forget").getCols() > 0);
        assertThat(view.panels.cells.gateMaps.keySet()).containsExactly("forget", "input", "output", "candidate", "cell", "hidden");
        HeatMap forget = view.panels.cells.gateMaps.get("forget");
        assertThat(forget.getCols()).isEqualTo(6); // D = 5 → 6 steps
        assertThat(forget.getRows()).isEqualTo(8); // hidden units
        assertThat(forget.getMin()).isEqualTo(0.0);
        assertThat(forget.getMax()).isEqualTo(1.0);
        // carry gate open: the forget gate starts near σ(3) ≈ 0.95
        assertThat(forget.valueAt(0, 0)).isGreaterThan(0.8);
        HeatMap cell = view.panels.cells.gateMaps.get("cell");
        assertThat(cell.getMin()).isEqualTo(-1.0);
        assertThat(cell.getCols()).isEqualTo(6);
        // gradient flow has a curve for every cell, one value per step
        assertThat(view.panels.cells.gradientChart.pointCount(0)).isEqualTo(6);
        assertThat(view.panels.cells.gradientChart.pointCount(3)).isEqualTo(6);
        assertThat(view.panels.cells.diagram.kind()).isEqualTo("lstm");
        assertThat(view.panels.cells.diagram.values()).hasSize(8);
    }

    @Test
    void switchingCellSwapsTheGatePanels() {
        startSmallRace();
        awaitUi(Duration.ofSeconds(30), "LSTM gates drawn", () -> view.panels.cells.gateMaps.get("forget").getCols() > 0);
        view.form.cell.setValue(CellKind.GRU);
        assertThat(view.panels.cells.gateMaps.keySet()).containsExactly("reset", "update", "candidate", "hidden");
        assertThat(view.panels.cells.gateMaps.get("update").getCols()).isEqualTo(6);
        assertThat(view.panels.cells.diagram.kind()).isEqualTo("gru");
        view.form.cell.setValue(CellKind.RNN);
        assertThat(view.panels.cells.gateMaps.keySet()).containsExactly("hidden");
        assertThat(view.training.hasRun()).as("a race keeps running while the shown cell changes").isTrue();
    }

    @Test
    void invalidInputShowsFieldMessagesAndDisablesPlay() {
        view.form.delay.setValue(0);
        assertThat(view.form.delay.isInvalid()).isTrue();
        assertThat(view.form.delay.getErrorMessage()).isEqualTo("Delay must be between 1 and 100");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        assertThat(view.ensureRun()).isFalse();
        view.form.delay.setValue(10);
        view.form.hidden.setValue(0);
        assertThat(view.form.hidden.isInvalid()).isTrue();
        assertThat(view.form.hidden.getErrorMessage()).isEqualTo("Hidden units must be between 1 and 64");
        view.form.hidden.setValue(8);
        assertThat(view.controls.playButton().isEnabled()).isTrue();
        view.form.task.setValue(SequenceTaskKind.CUSTOM_TEXT);
        view.form.customText.setValue("");
        assertThat(view.form.customText.isInvalid()).isTrue();
        assertThat(view.form.customText.getErrorMessage()).startsWith("Enter more characters");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
    }

    @Test
    void nextCharacterRaceShowsDistributionAndSample() {
        view.form.task.setValue(SequenceTaskKind.NEXT_CHARACTER);
        view.form.length.setValue(10);
        view.form.hidden.setValue(8);
        view.form.race.setValue(false);
        view.form.cell.setValue(CellKind.GRU);
        assertThat(view.ensureRun()).isTrue();
        view.training.play();
        awaitUi(Duration.ofSeconds(30), "a sampled continuation", () -> view.panels.cells.sample.getText().length() > 10);
        assertThat(view.panels.cells.prediction.getChildren().count()).isEqualTo(8);
        assertThat(view.panels.cells.gateMaps.get("update").getCols()).isEqualTo(10);
    }
}
