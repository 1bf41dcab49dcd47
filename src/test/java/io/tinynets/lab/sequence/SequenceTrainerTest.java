package io.tinynets.lab.sequence;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.engine.recurrent.LstmStep;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SequenceTrainerTest {

    private static SequenceConfig recall(int delay, boolean race) {
        return new SequenceConfig(SequenceTaskKind.DELAYED_RECALL, delay, 10, "", CellKind.LSTM, race, 8,
                OptimizerKind.ADAM, 0.01, 1.0, true);
    }

    @Test
    void sameSeedGivesTheSameRaceCurves() {
        SequenceTrainer a = new SequenceTrainer(recall(5, true), new LiveOptions(), 7);
        SequenceTrainer b = new SequenceTrainer(recall(5, true), new LiveOptions(), 7);
        for (int e = 0; e < 3; e++) {
            assertThat(a.trainEpoch().trainLoss()).isEqualTo(b.trainEpoch().trainLoss());
        }
        SequenceInternals ia = a.captureInternals();
        assertThat(ia.cells()).extracting(CellInternals::kind).containsExactly(CellKind.RNN, CellKind.LSTM,
                CellKind.GRU);
        assertThat(ia.cells().get(1).loss()).containsExactly(b.captureInternals().cells().get(1).loss());
        assertThat(ia.firstEpoch()).isEqualTo(1);
        assertThat(ia.tailLength()).isEqualTo(3);
    }

    @Test
    void gruHasThreeQuartersOfTheLstmsCellParameters() {
        SequenceInternals in = new SequenceTrainer(recall(5, true), new LiveOptions(), 1).captureInternals();
        int lstm = in.cell(CellKind.LSTM).orElseThrow().cellParameters();
        int gru = in.cell(CellKind.GRU).orElseThrow().cellParameters();
        assertThat(4 * gru).isEqualTo(3 * lstm);
        assertThat(lstm).isEqualTo(4 * 8 * (9 + 8) + 2 * 4 * 8);
    }

    @Test
    void internalsCarryTracesAndGradientFlowOnlyWhileThePanelsAreShown() {
        LiveOptions options = new LiveOptions();
        SequenceTrainer t = new SequenceTrainer(recall(5, false), options, 1);
        t.trainEpoch();
        CellInternals shown = t.captureInternals().cells().get(0);
        assertThat(shown.kind()).isEqualTo(CellKind.LSTM);
        assertThat(shown.trace()).hasSize(6);
        assertThat(shown.gradientHidden()).hasSize(6);
        assertThat(shown.gradientCell()).hasSize(6);
        // carry gate open: f ≈ σ(3) ≈ 0.95 for every unit at the start
        assertThat(((LstmStep) shown.trace().get(0)).f().data[0]).isCloseTo(0.95, within(0.05));
        options.setPanelsVisible(false);
        CellInternals hidden = t.captureInternals().cells().get(0);
        assertThat(hidden.trace()).isEmpty();
        assertThat(hidden.gradientHidden()).isEmpty();
        assertThat(hidden.loss()).hasSize(1);
    }

    @Test
    void timeLabelsShowTheSymbolThenTheDistractors() {
        SequenceInternals in = new SequenceTrainer(recall(4, false), new LiveOptions(), 3).captureInternals();
        assertThat(in.timeLabels()).hasSize(5).allMatch(l -> l.length() == 1 && l.charAt(0) >= 'A'
                && l.charAt(0) <= 'H');
    }

    @Test
    void nextCharacterFocusGetsADistributionAndASample() {
        SequenceConfig c = new SequenceConfig(SequenceTaskKind.NEXT_CHARACTER, 1, 12, "", CellKind.GRU, false, 8,
                OptimizerKind.ADAM, 0.01, 1.0, true);
        LiveOptions options = new LiveOptions();
        options.setFocus(CellKind.GRU);
        SequenceTrainer t = new SequenceTrainer(c, options, 1);
        t.trainEpoch();
        CellInternals.Prediction p = t.captureInternals().cells().get(0).prediction();
        assertThat(p.characters()).hasSize(SequenceTrainer.TOP_CHARACTERS);
        assertThat(p.probabilities()[0]).isGreaterThanOrEqualTo(p.probabilities()[1]);
        assertThat(p.continuation().codePointCount(0, p.continuation().length()))
                .isEqualTo(SequenceTrainer.SAMPLE_LENGTH);
    }

    @Test
    void softmaxSharpensAtLowTemperature() {
        double[] logits = {1, 2, 3};
        double[] warm = SequenceTrainer.softmax(logits, 1.0, 3);
        double[] cold = SequenceTrainer.softmax(logits, 0.1, 3);
        assertThat(warm[2]).isCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), within(1e-12));
        assertThat(cold[2]).isGreaterThan(0.9999);
    }

    @Test
    void configRejectsBadFieldsNamingThem() {
        assertThatThrownBy(() -> recall(0, true).validate()).hasMessage("delay must be in 1..100, was 0");
        SequenceConfig noHidden = new SequenceConfig(SequenceTaskKind.ADDING, 1, 10, "", CellKind.RNN, false, 0,
                OptimizerKind.SGD, 0.1, 0, false);
        assertThatThrownBy(noHidden::validate).hasMessage("hidden must be in 1..64, was 0");
        SequenceConfig empty = new SequenceConfig(SequenceTaskKind.CUSTOM_TEXT, 1, 10, " ", CellKind.RNN, false, 4,
                OptimizerKind.SGD, 0.1, 0, false);
        assertThatThrownBy(empty::validate).hasMessageStartingWith("text is empty");
    }

    @Test
    void conveyorBeltPartsAddUpToTheState() {
        for (CellKind kind : List.of(CellKind.LSTM, CellKind.GRU)) {
            SequenceTrainer t = new SequenceTrainer(recall(6, false).withCell(kind), new LiveOptions(), 2);
            t.trainEpoch();
            List<? extends CellStep> trace = t.captureInternals().cells().get(0).trace();
            ConveyorBelt belt = ConveyorBelt.of(trace, 3);
            for (int s = 0; s < trace.size(); s++) {
                assertThat(belt.kept()[s] + belt.written()[s]).as(kind + " step " + s)
                        .isCloseTo(belt.state()[s], within(1e-12));
            }
        }
        SequenceTrainer rnn = new SequenceTrainer(recall(6, false).withCell(CellKind.RNN), new LiveOptions(), 2);
        assertThat(ConveyorBelt.of(rnn.captureInternals().cells().get(0).trace(), 0)).isNull();
    }

    @Test
    void gateGridPutsUnitsInRowsAndTimeInColumns() {
        SequenceTrainer t = new SequenceTrainer(recall(3, false), new LiveOptions(), 2);
        List<? extends CellStep> trace = t.captureInternals().cells().get(0).trace();
        GateSpec forget = GateSpec.of(CellKind.LSTM).get(0);
        double[] grid = forget.grid(trace);
        assertThat(grid).hasSize(4 * 8);
        // row 2 (unit 2), column 3 (step 3)
        assertThat(grid[2 * 4 + 3]).isEqualTo(((LstmStep) trace.get(3)).f().data[2]);
        assertThat(GateSpec.of(CellKind.GRU)).extracting(GateSpec::key)
                .containsExactly("reset", "update", "candidate", "hidden");
    }
}
