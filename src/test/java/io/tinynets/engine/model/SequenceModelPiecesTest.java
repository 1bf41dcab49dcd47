package io.tinynets.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.data.sequence.NoisySineTask;
import io.tinynets.data.sequence.SequenceBatch;
import io.tinynets.data.sequence.SequenceTask;
import io.tinynets.engine.Param;
import io.tinynets.engine.optim.GradientClipping;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A training step and an evaluation done a few time steps at a time (so a long sequence's step can share a thread)
 * give exactly what the one-piece calls give: the same losses, weights, optimizer state and gradient norms.
 */
class SequenceModelPiecesTest {

    private record Case(SequenceTask task, boolean manyToMany, boolean classification, int truncation) {
    }

    private static Case[] cases() {
        SplittableRandom r = new SplittableRandom(2);
        return new Case[] {
            new Case(new NoisySineTask(13, 25, 0.1, 300, false, r), false, false, 0),
            new Case(NextCharacterTask.fromText("abcabcabd cab dab cabbage", 11), true, true, 0),
            new Case(NextCharacterTask.fromText("abcabcabd cab dab cabbage", 11), true, true, 4)};
    }

    private static SequenceModel model(CellKind kind, Case c) {
        SequenceModel m = new SequenceModel(kind, c.task().inputSize(), 5, c.task().outputSize(), c.manyToMany(),
                c.classification(), new SplittableRandom(9));
        m.setTruncation(c.truncation());
        m.setClipping(new GradientClipping(0.5));
        return m;
    }

    private static double inPieces(SequenceModel.PiecewiseStep step) {
        int pieces = 0;
        while (!step.advance()) {
            pieces++;
            assertThat(pieces).as("pieces").isLessThan(100);
            assertThatThrownBy(step::result).isInstanceOf(IllegalStateException.class);
        }
        return step.result();
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void aStepInPiecesIsTheWholeStepBitForBit(CellKind kind) {
        for (Case c : cases()) {
            SequenceModel whole = model(kind, c);
            SequenceModel pieces = model(kind, c);
            Optimizer a = OptimizerConfig.of(OptimizerKind.ADAM, 0.05).create();
            Optimizer b = OptimizerConfig.of(OptimizerKind.ADAM, 0.05).create();
            SplittableRandom data = new SplittableRandom(4);
            for (int step = 0; step < 4; step++) {
                SequenceBatch batch = c.task().batch(3, data);
                double expected = whole.trainStep(batch.inputs(), batch.targets(), a);
                double actual = inPieces(pieces.beginTrainStep(batch.inputs(), batch.targets(), b, 3));
                assertThat(actual).as(kind + " step " + step).isEqualTo(expected);
                assertThat(pieces.lastGradientNorm()).isEqualTo(whole.lastGradientNorm());
                assertThat(pieces.cell().hiddenGradNorms()).containsExactly(whole.cell().hiddenGradNorms());
            }
            for (int i = 0; i < whole.params().size(); i++) {
                Param p = whole.params().get(i);
                assertThat(pieces.params().get(i).value().data).as(kind + " " + p.name())
                        .containsExactly(p.value().data);
            }
            SequenceBatch held = c.task().batch(4, data);
            double loss = whole.evaluate(held.inputs(), held.targets());
            assertThat(inPieces(pieces.beginEvaluation(held.inputs(), held.targets(), false, 2))).isEqualTo(loss);
            if (c.classification()) {
                double accuracy = whole.accuracy(held.inputs(), held.targets());
                assertThat(inPieces(pieces.beginEvaluation(held.inputs(), held.targets(), true, 5)))
                        .isEqualTo(accuracy);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void aNonFiniteLossLeavesTheWeightsAsTheyWereLikeTheWholeStep(CellKind kind) {
        Case c = cases()[0];
        SequenceModel model = model(kind, c);
        SequenceBatch batch = c.task().batch(2, new SplittableRandom(5));
        batch.inputs()[3].set(1, 0, Double.NaN);
        double[] before = model.params().get(0).value().data.clone();
        double loss = inPieces(model.beginTrainStep(batch.inputs(), batch.targets(),
                OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(), 4));
        assertThat(loss).isNaN();
        assertThat(model.params().get(0).value().data).containsExactly(before);
    }
}
