package io.tinynets.lab.activation;

import io.tinynets.engine.Activation;
import io.tinynets.lab.activation.ActivationFacts.PeakShape;
import io.tinynets.lab.activation.ActivationFacts.Saturation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivationAnalysisTest {

    @Test
    void sigmoidDerivativePeaksAtAQuarterAtZero() {
        ActivationFacts f = ActivationAnalysis.analyse(Activation.SIGMOID);
        assertThat(f.peakDerivative()).isEqualTo(0.25);
        assertThat(f.peakAt()).isEqualTo(0.0);
        assertThat(f.peakShape()).isEqualTo(PeakShape.POINT);
        assertThat(f.range().format()).isEqualTo("(0, 1)");
        assertThat(f.zeroCentred()).isFalse();
        assertThat(f.saturation()).isEqualTo(Saturation.BOTH_SIDES);
    }

    @Test
    void tanhIsZeroCentredWithUnitSlopeButSaturates() {
        ActivationFacts f = ActivationAnalysis.analyse(Activation.TANH);
        assertThat(f.derivativeAtZero()).isEqualTo(1.0);
        assertThat(f.peakDerivative()).isEqualTo(1.0);
        assertThat(f.range().format()).isEqualTo("(−1, 1)");
        assertThat(f.zeroCentred()).isTrue();
        assertThat(f.saturation()).isEqualTo(Saturation.BOTH_SIDES);
    }

    @Test
    void reluPassesFullGradientOnlyForPositiveInputs() {
        ActivationFacts f = ActivationAnalysis.analyse(Activation.RELU);
        assertThat(f.peakDerivative()).isEqualTo(1.0);
        assertThat(f.peakShape()).isEqualTo(PeakShape.PLATEAU_RIGHT);
        assertThat(f.peakAt()).isEqualTo(0.0);
        assertThat(f.derivativeRight()).isEqualTo(1.0);
        assertThat(f.derivativeLeft()).isEqualTo(0.0);
        assertThat(f.range().format()).isEqualTo("[0, ∞)");
        assertThat(f.saturation()).isEqualTo(Saturation.ONE_SIDE);
        assertThat(f.zeroCentred()).isFalse();
    }

    @Test
    void otherShapesAreMeasuredNotAssumed() {
        assertThat(ActivationAnalysis.analyse(Activation.LINEAR).peakShape()).isEqualTo(PeakShape.EVERYWHERE);
        assertThat(ActivationAnalysis.analyse(Activation.LINEAR).range().format()).isEqualTo("(−∞, ∞)");
        assertThat(ActivationAnalysis.analyse(Activation.LINEAR).zeroCentred()).isTrue();
        assertThat(ActivationAnalysis.analyse(Activation.LEAKY_RELU).saturation()).isEqualTo(Saturation.NONE);
        ActivationFacts softplus = ActivationAnalysis.analyse(Activation.SOFTPLUS);
        assertThat(softplus.peakShape()).isEqualTo(PeakShape.AT_INFINITY);
        assertThat(softplus.peakDerivative()).isEqualTo(1.0);
        assertThat(softplus.range().format()).isEqualTo("(0, ∞)");
        ActivationFacts elu = ActivationAnalysis.analyse(Activation.ELU);
        assertThat(elu.range().format()).isEqualTo("(−1, ∞)");
        ActivationFacts gelu = ActivationAnalysis.analyse(Activation.GELU);
        // GELU dips to about −0.17 near x = −0.75 and exceeds slope 1 just above x = 1.5
        assertThat(gelu.range().lowerClosed()).isTrue();
        assertThat(gelu.range().lower()).isCloseTo(-0.17, within(0.005));
        assertThat(gelu.peakDerivative()).isGreaterThan(1.1);
    }

    @Test
    void sigmoidGradientAfterTenLayersIsAboutOneMillionth() {
        ActivationFacts sigmoid = ActivationAnalysis.analyse(Activation.SIGMOID);
        assertThat(ActivationAnalysis.bestCaseGradientFactor(sigmoid, 10)).isCloseTo(9.5367e-7, within(1e-10));
        ActivationFacts relu = ActivationAnalysis.analyse(Activation.RELU);
        assertThat(ActivationAnalysis.bestCaseGradientFactor(relu, 30)).isEqualTo(1.0);
    }

    @Test
    void samplingRejectsAnEmptyInterval() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActivationAnalysis.sample(Activation.TANH, 1, 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty interval");
    }
}
