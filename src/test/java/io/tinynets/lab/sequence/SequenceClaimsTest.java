package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.LstmStep;
import io.tinynets.training.lab.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "Try this" of the sequence lab keeps its promise: each suggestion's step is applied to the lab's defaults and
 * trained headless with the lab's own trainer and the view's default seed, and the accuracies, gates and samples the
 * panels show are checked against the text (sequence.try.N, English and Korean). Epoch counts are the texts' own.
 */
class SequenceClaimsTest {

    /** "the GRU and the LSTM reach 100 % within about 150 epochs, while the RNN stays below 30 % (chance 1/8)". */
    @Test
    void atDelayTwentyTheGatedCellsSolveRecallWhileTheRnnStaysNearChance() {
        SequenceConfig c = suggestion(1).apply(SequenceConfig.defaults());
        assertThat(c.delay()).isEqualTo(20);
        assertThat(c.race()).isTrue();
        SequenceInternals in = train(c, new LiveOptions(), 150);
        print("D = 20, epoch 150", in, c);
        assertThat(accuracy(in, CellKind.GRU)).isGreaterThan(0.95);
        assertThat(accuracy(in, CellKind.LSTM)).isGreaterThan(0.95);
        assertThat(accuracy(in, CellKind.RNN)).isLessThan(0.3);
    }

    /** "all three cells, the RNN too, reach 100 % within 100 epochs". */
    @Test
    void atDelayFiveEveryCellLearnsRecall() {
        SequenceConfig c = suggestion(2).apply(SequenceConfig.defaults());
        assertThat(c.delay()).isEqualTo(5);
        SequenceInternals in = train(c, new LiveOptions(), 100);
        print("D = 5, epoch 100", in, c);
        for (CellKind k : CellKind.values()) {
            assertThat(accuracy(in, k)).as(k.name()).isGreaterThan(0.99);
        }
    }

    /**
     * "by epoch 125 it answers every sequence, and one unit's forget gate stays above 0.95 across the whole gap while
     * others fall below 0.5".
     */
    @Test
    void theLstmAloneKeepsOneForgetGateOpenAcrossTheGap() {
        SequenceConfig c = suggestion(3).apply(SequenceConfig.defaults());
        assertThat(c.race()).isFalse();
        assertThat(c.cell()).isEqualTo(CellKind.LSTM);
        assertThat(c.delay()).isEqualTo(20);
        SequenceInternals in = train(c, new LiveOptions(), 125);
        CellInternals lstm = in.cell(CellKind.LSTM).orElseThrow();
        assertThat(accuracy(in, CellKind.LSTM)).isGreaterThan(0.99);
        List<? extends io.tinynets.engine.recurrent.CellStep> trace = lstm.trace();
        int units = ((LstmStep) trace.get(0)).f().getNumCols();
        double open = 0;
        double closed = 1;
        for (int u = 0; u < units; u++) {
            double lowest = 1;
            // the gap: every step after the symbol
            for (int t = 1; t < trace.size(); t++) {
                lowest = Math.min(lowest, ((LstmStep) trace.get(t)).f().get(0, u));
            }
            open = Math.max(open, lowest);
            closed = Math.min(closed, lowest);
        }
        System.out.printf("LSTM alone, epoch 125: the most open unit's forget gate stays above %.3f across the gap, "
                + "the least open falls to %.3f%n", open, closed);
        assertThat(open).isGreaterThan(0.95);
        assertThat(closed).isLessThan(0.5);
    }

    /** "now the LSTM and the GRU stay near chance too: all three below 30 % after 100 epochs". */
    @Test
    void withoutTheCarryGateTheGatedCellsStruggleToo() {
        SequenceConfig c = suggestion(4).apply(SequenceConfig.defaults());
        assertThat(c.carryGateOpen()).isFalse();
        assertThat(c.delay()).isEqualTo(20);
        SequenceInternals in = train(c, new LiveOptions(), 100);
        print("D = 20 without the carry gate, epoch 100", in, c);
        for (CellKind k : CellKind.values()) {
            assertThat(accuracy(in, k)).as(k.name()).isLessThan(0.3);
        }
    }

    /** "after 25 epochs a sample at temperature 0.3 uses a few different characters, at 2 several times as many". */
    @Test
    void aHigherTemperatureGivesBolderGuesses() {
        SequenceConfig c = suggestion(5).apply(SequenceConfig.defaults());
        assertThat(c.task()).isEqualTo(SequenceTaskKind.NEXT_CHARACTER);
        LiveOptions options = new LiveOptions();
        SequenceTrainer trainer = new SequenceTrainer(c, options, SequenceSuggestions.DEFAULT_SEED);
        for (int e = 0; e < 25; e++) {
            trainer.trainEpoch();
        }
        options.setTemperature(0.3);
        String cautious = sample(trainer);
        options.setTemperature(2.0);
        String bold = sample(trainer);
        long few = distinct(cautious);
        long many = distinct(bold);
        System.out.printf("next character, epoch 25: %d different characters at 0.3, %d at 2%n", few, many);
        assertThat(few).isLessThanOrEqualTo(10);
        assertThat(many).isGreaterThan(3 * few);
    }

    private static Suggestion<SequenceConfig> suggestion(int n) {
        Suggestion<SequenceConfig> s = SequenceSuggestions.ALL.get(n - 1);
        assertThat(s.key()).isEqualTo("sequence.try." + n);
        return s;
    }

    private static SequenceInternals train(SequenceConfig c, LiveOptions options, int epochs) {
        SequenceTrainer trainer = new SequenceTrainer(c, options, SequenceSuggestions.DEFAULT_SEED);
        for (int e = 0; e < epochs; e++) {
            trainer.trainEpoch();
        }
        return trainer.captureInternals();
    }

    private static String sample(SequenceTrainer trainer) {
        return trainer.captureInternals().cell(CellKind.LSTM).orElseThrow().prediction().continuation();
    }

    private static long distinct(String s) {
        return s.codePoints().distinct().count();
    }

    private static double accuracy(SequenceInternals in, CellKind kind) {
        double[] metric = in.cell(kind).orElseThrow().metric();
        return metric[metric.length - 1];
    }

    private static void print(String when, SequenceInternals in, SequenceConfig c) {
        StringBuilder b = new StringBuilder(when).append(':');
        for (CellKind k : c.cells()) {
            b.append(String.format(" %s %.3f", k, accuracy(in, k)));
        }
        System.out.println(b);
    }
}
