package io.tinynets.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinynets.data.sequence.DelayedRecallTask;
import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.data.sequence.NoisySineTask;
import io.tinynets.data.sequence.SequenceBatch;
import io.tinynets.data.sequence.SequenceTask;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An evaluation whose recurrent forward runs a few sequences at a time scores exactly what the whole-batch evaluation
 * scores (each sequence's recurrence reads only its own row), and leaves the cell's caches no larger than a pass.
 */
class SequenceModelEvaluationPassesTest {

    private record Case(SequenceTask task, boolean manyToMany, boolean classification) {
    }

    private static Case[] cases() {
        SplittableRandom r = new SplittableRandom(3);
        return new Case[] {
            new Case(new NoisySineTask(11, 20, 0.1, 300, false, r), false, false),
            new Case(NextCharacterTask.fromText("abcabcabd cab dab cabbage", 9), true, true),
            new Case(new DelayedRecallTask(8, 6, true), false, true)};
    }

    private static double inPieces(SequenceModel.PiecewiseStep step) {
        int pieces = 0;
        while (!step.advance()) {
            pieces++;
            assertThat(pieces).as("pieces").isLessThan(1000);
        }
        return step.result();
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void passesScoreTheWholeBatchBitForBit(CellKind kind) {
        for (Case c : cases()) {
            SequenceModel model = new SequenceModel(kind, c.task().inputSize(), 6, c.task().outputSize(),
                    c.manyToMany(), c.classification(), new SplittableRandom(5));
            SplittableRandom data = new SplittableRandom(8);
            Optimizer adam = OptimizerConfig.of(OptimizerKind.ADAM, 0.05).create();
            for (int step = 0; step < 3; step++) {
                SequenceBatch batch = c.task().batch(4, data);
                model.trainStep(batch.inputs(), batch.targets(), adam);
            }
            SequenceBatch held = c.task().batch(11, data);
            double loss = model.evaluate(held.inputs(), held.targets());
            double accuracy = c.classification() ? model.accuracy(held.inputs(), held.targets()) : Double.NaN;
            for (int rows : new int[] {1, 4, 5, 10, 11, 64}) {
                String what = kind + " " + c.task().key() + " in passes of " + rows;
                assertThat(inPieces(model.beginEvaluation(held.inputs(), held.targets(), false, 3, rows)))
                        .as(what).isEqualTo(loss);
                assertThat(model.cell().batchSize()).as(what + ": the cell's rows").isLessThanOrEqualTo(rows);
                if (c.classification()) {
                    assertThat(inPieces(model.beginEvaluation(held.inputs(), held.targets(), true, 2, rows)))
                            .as(what).isEqualTo(accuracy);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void aPassedEvaluationRefusesWhatTheWholeOneRefuses(CellKind kind) {
        Case c = cases()[0];
        SequenceModel model = new SequenceModel(kind, c.task().inputSize(), 4, c.task().outputSize(), false, false,
                new SplittableRandom(1));
        SequenceBatch batch = c.task().batch(6, new SplittableRandom(2));
        assertThatThrownBy(() -> model.beginEvaluation(batch.inputs(), batch.targets(), false, 3, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowsPerPass");
        batch.inputs()[2] = batch.inputs()[2].copy();
        batch.inputs()[2].reshape(5, batch.inputs()[2].numCols, true);
        assertThatThrownBy(() -> inPieces(model.beginEvaluation(batch.inputs(), batch.targets(), false, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input at step 2");
    }
}
