package io.tinynets.bench;

import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.CellInternals;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceTaskKind;
import io.tinynets.lab.sequence.SequenceTrainer;
import java.util.Locale;

/**
 * The sequence lab's speed budget: epochs per second of the default race (delayed recall D = 20, hidden 16) with
 * the live panels hidden (captureInternals returns curves only) against shown (traces, gradient flow and, for text,
 * sampling of all three cells, captured 10 times a second as the runtime does). Alternates the two modes in rounds
 * so a busy shared machine affects both alike; prints the median ratio. The baseline is the same lab with the panels
 * hidden; every epoch's loss and every captured curve go into the checksum.
 */
public final class SequenceLabBench {

    private static final long ROUND_NANOS = 1_500_000_000L;
    private static final long CAPTURE_EVERY_NANOS = 100_000_000L;

    public static void main(String[] args) {
        Bench.header("SequenceLabBench: the Sequence lab with live panels shown and hidden");
        run("delayed recall D=20 H=16 race", SequenceConfig.defaults());
        run("next character L=30 H=32 race", new SequenceConfig(SequenceTaskKind.NEXT_CHARACTER, 1, 30, "",
                CellKind.LSTM, true, 32, SequenceConfig.defaults().optimizer(), 0.01, 1.0, true));
        Bench.finish();
    }

    private static void run(String name, SequenceConfig config) {
        int rounds = 5;
        double[] ratios = new double[rounds];
        double hiddenSum = 0;
        double shownSum = 0;
        measure(config, false, 500_000_000L); // warm-up
        for (int r = 0; r < rounds; r++) {
            double hidden = measure(config, false, ROUND_NANOS);
            double shown = measure(config, true, ROUND_NANOS);
            ratios[r] = shown / hidden;
            hiddenSum += hidden;
            shownSum += shown;
        }
        double ratio = Bench.median(ratios);
        System.out.printf(Locale.ROOT, "%s: panels hidden %.1f epochs/s, shown %.1f epochs/s, median ratio %.3f%n",
                name, hiddenSum / rounds, shownSum / rounds, ratio);
        Bench.result("Sequence lab, " + name + ", live panels shown", Bench.format("%.1f epochs/s", shownSum / rounds),
                Bench.format("%.1f epochs/s with the panels hidden", hiddenSum / rounds),
                Bench.format("%.1f %%", 100 * ratio));
    }

    private static double measure(SequenceConfig config, boolean panels, long duration) {
        LiveOptions options = new LiveOptions();
        options.setPanelsVisible(panels);
        SequenceTrainer trainer = new SequenceTrainer(config, options, 1);
        long start = System.nanoTime();
        long nextCapture = start;
        int epochs = 0;
        while (System.nanoTime() - start < duration) {
            Bench.consume(trainer.trainEpoch().trainLoss());
            epochs++;
            if (System.nanoTime() >= nextCapture) {
                for (CellInternals cell : trainer.captureInternals().cells()) {
                    Bench.consume(cell.loss());
                }
                nextCapture += CAPTURE_EVERY_NANOS;
            }
        }
        return epochs / ((System.nanoTime() - start) / 1e9);
    }
}
