package io.tinynets.lab.activation;

import io.tinynets.engine.Activation;
import io.tinynets.lab.activation.ActivationSuggestions.Probe;
import io.tinynets.training.lab.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every "Try this" of the activation explorer keeps its promise: each suggestion's step is applied to the explorer's
 * opening controls and the numbers it would show (the readout's f′(x), the depth chart's factor, both computed by the
 * explorer's own analysis) are checked against the text (activation.try.N, English and Korean).
 */
class ActivationClaimsTest {

    /** The explorer's opening controls (ActivationExplorerView). */
    private static final Probe OPENING = new Probe(Set.of(Activation.SIGMOID, Activation.TANH, Activation.RELU), 0);

    @Test
    void atZeroTheSigmoidsSlopeIsAQuarterOfTanhs() {
        Probe p = suggestion(1).apply(new Probe(Set.of(Activation.RELU), 3));
        assertThat(p.functions()).containsExactlyInAnyOrder(Activation.SIGMOID, Activation.TANH);
        assertThat(p.x()).isZero();
        assertThat(Activation.SIGMOID.derivative(p.x())).isCloseTo(0.25, within(1e-12));
        assertThat(Activation.TANH.derivative(p.x())).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void atFiveBothDerivativesAlmostVanish() {
        Probe p = suggestion(2).apply(suggestion(1).apply(OPENING));
        assertThat(p.x()).isEqualTo(5);
        assertThat(p.functions()).containsExactlyInAnyOrder(Activation.SIGMOID, Activation.TANH);
        assertThat(Activation.SIGMOID.derivative(p.x())).isLessThan(0.01).isCloseTo(0.0066, within(0.00005));
        assertThat(Activation.TANH.derivative(p.x())).isLessThan(0.01).isCloseTo(0.00018, within(0.000005));
    }

    @Test
    void atDepthTenAMillionthSurvivesTheSigmoidAndAllOfItSurvivesRelu() {
        Probe p = suggestion(3).apply(OPENING);
        assertThat(p.functions()).containsExactlyInAnyOrder(Activation.SIGMOID, Activation.RELU);
        double sigmoid = ActivationAnalysis.bestCaseGradientFactor(ActivationAnalysis.analyse(Activation.SIGMOID), 10);
        double relu = ActivationAnalysis.bestCaseGradientFactor(ActivationAnalysis.analyse(Activation.RELU), 10);
        assertThat(sigmoid).isCloseTo(Math.pow(0.25, 10), within(1e-9));
        assertThat(relu).isEqualTo(1.0);
    }

    private static Suggestion<Probe> suggestion(int n) {
        Suggestion<Probe> s = ActivationSuggestions.ALL.get(n - 1);
        assertThat(s.key()).isEqualTo("activation.try." + n);
        return s;
    }
}
