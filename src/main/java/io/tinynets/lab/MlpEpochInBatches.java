package io.tinynets.lab;

import io.tinynets.engine.model.MlpTrainer;
import io.tinynets.engine.model.StepReport;

/**
 * An {@link MlpTrainer}'s epoch one mini-batch at a time, so the training runtime can hand the worker to another
 * run between two batches. The result is exactly {@link MlpTrainer#epoch()}'s: the same steps and the same sum in
 * the same order.
 */
public final class MlpEpochInBatches {

    private final MlpTrainer trainer;
    private boolean inEpoch;
    private int target;
    private double sum;
    private int batches;

    public MlpEpochInBatches(MlpTrainer trainer) {
        this.trainer = trainer;
    }

    /**
     * Trains one mini-batch. Returns the epoch's mean batch loss once this batch completed the epoch, the loss at
     * once when a step diverges (NaN or infinite, as {@link MlpTrainer#epoch()}), and null while the epoch goes on.
     */
    public Double step() {
        if (!inEpoch) {
            inEpoch = true;
            target = trainer.epochs() + 1;
            sum = 0;
            batches = 0;
        }
        StepReport report = trainer.step();
        if (!report.finite()) {
            inEpoch = false;
            return Double.isFinite(report.loss()) ? Double.NaN : report.loss();
        }
        sum += report.loss();
        batches++;
        if (trainer.epochs() >= target) {
            inEpoch = false;
            return sum / batches;
        }
        return null;
    }

    /** True between the first and the last batch of an epoch. */
    public boolean inEpoch() {
        return inEpoch;
    }
}
