package io.tinynets.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunAdviceTest {

    @Test
    void suggestedLearningRateIsATenthRoundedDownToOneDigit() {
        assertThat(RunAdvice.suggestedLearningRate(3.0)).isEqualTo(0.3);
        assertThat(RunAdvice.suggestedLearningRate(1.0)).isEqualTo(0.1);
        assertThat(RunAdvice.suggestedLearningRate(0.25)).isEqualTo(0.02);
        assertThat(RunAdvice.suggestedLearningRate(0.07)).isEqualTo(0.007);
        assertThat(RunAdvice.suggestedLearningRate(45)).isEqualTo(4.0);
    }

    @Test
    void divergenceAdviceNamesTheCause() {
        assertThat(RunAdvice.diverged(37, 3.0, EpochMetrics.of(Double.NaN)))
                .isEqualTo(Advice.of("training.diverged.lossNaN", 37L, 3.0, 0.3));
        assertThat(RunAdvice.diverged(5, 1.0, EpochMetrics.of(Double.POSITIVE_INFINITY)).messageKey())
                .isEqualTo("training.diverged.lossInfinite");
        assertThat(RunAdvice.diverged(5, 1.0, EpochMetrics.of(0.5)).messageKey())
                .isEqualTo("training.diverged.weights");
    }
}
