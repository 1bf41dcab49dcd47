package io.tinynets.training;

/** The advice a run gives when it ends or pauses by itself. Keys and texts: training-messages.txt. */
final class RunAdvice {

    static final String DIVERGED_LOSS_NAN = "training.diverged.lossNaN";
    static final String DIVERGED_LOSS_INFINITE = "training.diverged.lossInfinite";
    static final String DIVERGED_WEIGHTS = "training.diverged.weights";
    static final String FAILED = "training.failed";
    static final String FINISHED_MAX_EPOCHS = "training.finished.maxEpochs";
    static final String FINISHED_TARGET_LOSS = "training.finished.targetLoss";
    static final String PAUSED_IDLE = "training.paused.idle";

    private RunAdvice() {
    }

    /**
     * Why the run diverged and what to try: args are the epoch, the learning rate and a suggested learning rate
     * (a tenth of it, rounded down to one significant digit so it is easy to type).
     */
    static Advice diverged(long epoch, double learningRate, EpochMetrics metrics) {
        String key;
        if (Double.isNaN(metrics.trainLoss()) || metrics.testLoss().isPresent() && Double.isNaN(metrics.testLoss().getAsDouble())) {
            key = DIVERGED_LOSS_NAN;
        } else if (!metrics.lossesFinite()) {
            key = DIVERGED_LOSS_INFINITE;
        } else {
            key = DIVERGED_WEIGHTS;
        }
        return Advice.of(key, epoch, learningRate, suggestedLearningRate(learningRate));
    }

    static Advice failed(long epoch, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return Advice.of(FAILED, epoch, reason);
    }

    /** A tenth of {@code learningRate}, rounded down to one significant digit (3.0 → 0.3, 0.25 → 0.02). */
    static double suggestedLearningRate(double learningRate) {
        double tenth = learningRate / 10;
        double magnitude = Math.pow(10, Math.floor(Math.log10(tenth)));
        double digit = Math.floor(tenth / magnitude + 1e-9);
        // digit * magnitude as a decimal string, so 3 * 0.1 is 0.3 and not 0.30000000000000004
        return Double.parseDouble(java.math.BigDecimal.valueOf(digit).multiply(java.math.BigDecimal.valueOf(magnitude))
                .stripTrailingZeros().toPlainString());
    }
}
