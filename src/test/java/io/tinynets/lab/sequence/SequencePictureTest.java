package io.tinynets.lab.sequence;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.GruStep;
import io.tinynets.engine.recurrent.LstmStep;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SequencePictureTest {

    private final LivePicture live = new SequencePicture();

    private static SequenceInternals trained(boolean race, LiveOptions options) {
        SequenceConfig c = new SequenceConfig(SequenceTaskKind.DELAYED_RECALL, 5, 10, "", CellKind.LSTM, race, 8,
                OptimizerKind.ADAM, 0.01, 1.0, true);
        SequenceTrainer t = new SequenceTrainer(c, options, 1);
        t.trainEpoch();
        return t.captureInternals();
    }

    @Test
    void liveForgetGateIsTheSavedPictureStepsAcrossUnitsDown() {
        SequenceInternals in = trained(false, new LiveOptions());
        Picture p = live.of(in).orElseThrow();
        assertThat(p).isEqualTo(SequencePicture.gates(in, CellKind.LSTM).orElseThrow()); // what draft() saves
        assertThat(live.lab()).isEqualTo("sequence");
        assertThat(p.cols()).isEqualTo(6); // time steps of the example
        assertThat(p.rows()).isEqualTo(8); // hidden units
        assertThat(p.min()).isEqualTo(0.0);
        assertThat(p.max()).isEqualTo(1.0);
        CellInternals lstm = in.cells().get(0);
        for (int[] cell : new int[][] {{0, 0}, {5, 7}, {3, 2}}) {
            double f = ((LstmStep) lstm.trace().get(cell[0])).f().data[cell[1]];
            assertThat(p.valueAt(cell[0], cell[1])).isCloseTo(f, within(0.5 / 255 + 1e-12));
        }
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.SEQUENTIAL);
        assertThat(live.captionKey(in)).isEqualTo("classroom.dashboard.picture.sequence.forget");
    }

    @Test
    void aRaceProjectsItsFirstCellWhileTheViewSavesTheCellItShows() {
        SequenceInternals in = trained(true, new LiveOptions());
        Picture projected = live.of(in).orElseThrow();
        // the RNN comes first: its hidden state, −1..1
        assertThat(projected.min()).isEqualTo(-1.0);
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.DIVERGING);
        assertThat(live.captionKey(in)).isEqualTo("classroom.dashboard.picture.sequence.hidden");
        Picture gru = SequencePicture.gates(in, CellKind.GRU).orElseThrow();
        double r = ((GruStep) in.cell(CellKind.GRU).orElseThrow().trace().get(2)).r().data[4];
        assertThat(gru.valueAt(2, 4)).isCloseTo(r, within(0.5 / 255 + 1e-12));
        assertThat(gru).isNotEqualTo(projected);
    }

    @Test
    void noTraceOrForeignInternalsGiveNoPicture() {
        LiveOptions hidden = new LiveOptions();
        hidden.setPanelsVisible(false);
        SequenceInternals in = trained(false, hidden);
        assertThat(live.of(in)).isEmpty();
        assertThat(live.of(null)).isEmpty();
        assertThat(live.of("x")).isEmpty();
        assertThat(live.overlay(in)).isEmpty();
    }
}
