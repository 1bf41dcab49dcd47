package io.tinynets.engine.model;

/**
 * What one training step measured, before the update.
 *
 * @param loss        data loss + penalty
 * @param dataLoss    the loss function's value on the batch
 * @param penalty     the regularization term
 * @param finite      false when the loss or any parameter after the update is NaN or ±Infinity: the run diverged
 *                    and should stop instead of continuing with garbage
 */
public record StepReport(double loss, double dataLoss, double penalty, boolean finite) {

    public boolean diverged() {
        return !finite;
    }
}
