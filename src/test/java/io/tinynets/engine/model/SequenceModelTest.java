package io.tinynets.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.data.sequence.NoisySineTask;
import io.tinynets.data.sequence.SequenceBatch;
import io.tinynets.engine.Param;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.LstmStep;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SequenceModelTest {

    private static void checkGradients(SequenceModel m, SequenceBatch b) {
        m.params().forEach(Param::zeroGrad);
        m.computeGradients(b.inputs(), b.targets());
        for (Param p : m.params()) {
            double[] analytic = p.grad().data.clone();
            for (int i = 0; i < p.size(); i++) {
                double old = p.value().data[i];
                p.value().data[i] = old + 1e-5;
                double plus = m.evaluate(b.inputs(), b.targets());
                p.value().data[i] = old - 1e-5;
                double minus = m.evaluate(b.inputs(), b.targets());
                p.value().data[i] = old;
                double numeric = (plus - minus) / 2e-5;
                double rel = Math.abs(analytic[i] - numeric) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric), 1e-10);
                assertTrue(rel < 1e-6 || Math.abs(analytic[i] - numeric) < 1e-9,
                        p.name() + "[" + i + "] " + analytic[i] + " vs " + numeric);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void manyToOneRegressionGradientsMatchFiniteDifferences(CellKind kind) {
        SplittableRandom r = new SplittableRandom(1);
        NoisySineTask task = new NoisySineTask(5, 25, 0.1, 200, false, r);
        SequenceModel m = new SequenceModel(kind, 1, 3, 1, false, false, r);
        checkGradients(m, task.batch(3, r));
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void manyToManyClassificationGradientsMatchFiniteDifferences(CellKind kind) {
        SplittableRandom r = new SplittableRandom(2);
        NextCharacterTask task = NextCharacterTask.fromText("abcabcabd cab", 4);
        SequenceModel m = new SequenceModel(kind, task.inputSize(), 3, task.outputSize(), true, true, r);
        checkGradients(m, task.batch(2, r));
    }

    @Test
    void trainingReducesTheNoisySineLoss() {
        SplittableRandom r = new SplittableRandom(3);
        NoisySineTask task = NoisySineTask.w2(r);
        SequenceModel m = new SequenceModel(CellKind.GRU, 1, 8, 1, false, false, r);
        var adam = OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create();
        SequenceBatch test = task.batch(64, new SplittableRandom(9));
        double before = m.evaluate(test.inputs(), test.targets());
        for (int s = 0; s < 150; s++) {
            SequenceBatch b = task.batch(16, r);
            m.trainStep(b.inputs(), b.targets(), adam);
        }
        double after = m.evaluate(test.inputs(), test.targets());
        // the noise alone costs ½·0.1² = 0.005
        assertTrue(after < 0.03 && after < before / 5, "loss " + before + " -> " + after);
    }

    @Test
    void parameterCountsFollowTheGateBlocksAndAGruHasThreeQuartersOfAnLstm() {
        assertEquals(4 * 16 * (1 + 16) + 8 * 16, CellKind.LSTM.parameterCount(1, 16));
        assertEquals(3 * CellKind.LSTM.parameterCount(5, 12), 4 * CellKind.GRU.parameterCount(5, 12));
        assertEquals(16 * 17 + 32, CellKind.RNN.parameterCount(1, 16));
        SequenceModel m = new SequenceModel(CellKind.GRU, 2, 4, 3, false, true, new SplittableRandom(1));
        assertEquals(CellKind.GRU.parameterCount(2, 4) + 4 * 3 + 3, m.parameterCount());
    }

    @Test
    void nonFiniteWeightsAreDetectedAndATrainStepDoesNotUpdateOnANonFiniteLoss() {
        SequenceModel m = new SequenceModel(CellKind.LSTM, 1, 4, 1, false, false, new SplittableRandom(1));
        assertTrue(m.isFinite());
        SequenceBatch b = new NoisySineTask(4, 25, 0, 50, false, new SplittableRandom(1)).batch(2,
                new SplittableRandom(2));
        b.targets()[0].set(0, 0, Double.POSITIVE_INFINITY);
        double[] before = m.params().get(0).value().data.clone();
        double loss = m.trainStep(b.inputs(), b.targets(), OptimizerConfig.of(OptimizerKind.SGD, 0.1).create());
        assertFalse(Double.isFinite(loss));
        assertArrayEquals(before, m.params().get(0).value().data, 0.0);
        m.params().get(1).value().set(0, 0, Double.NaN);
        assertFalse(m.isFinite());
        assertFalse(m.cell().isFinite());
    }

    @Test
    void traceGivesEveryGateOfTheChosenSequenceWithoutDisturbingTraining() {
        SplittableRandom r = new SplittableRandom(4);
        NextCharacterTask task = NextCharacterTask.builtIn(6);
        SequenceModel m = new SequenceModel(CellKind.LSTM, task.inputSize(), 5, task.outputSize(), true, true, r);
        SequenceBatch b = task.batch(3, r);
        m.forward(b.inputs());
        double[] hBefore = m.cell().hidden(5).data.clone();
        @SuppressWarnings("unchecked")
        List<LstmStep> trace = (List<LstmStep>) m.trace(b.inputs(), 2);
        assertEquals(6, trace.size());
        for (int t = 0; t < 6; t++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(m.cell().hidden(t).get(2, j), trace.get(t).h().get(0, j), 1e-15);
                assertEquals(((LstmStep) m.cell().step(t)).f().get(2, j), trace.get(t).f().get(0, j), 1e-15);
            }
        }
        assertArrayEquals(hBefore, m.cell().hidden(5).data, 0.0);
    }

    @Test
    void badConfigurationIsRejectedNamingTheField() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SequenceModel(CellKind.RNN, 1, 65, 1, false, false, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("hiddenSize must be in 1..64"), e.getMessage());
        SequenceModel m = new SequenceModel(CellKind.RNN, 1, 2, 1, false, false, new SplittableRandom(1));
        assertThrows(IllegalArgumentException.class, () -> m.setTruncation(-1));
    }
}
