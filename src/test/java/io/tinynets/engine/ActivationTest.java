package io.tinynets.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivationTest {

    private static final double H = 1e-5;

    /** x values around 0, at moderate and at large |x|; kinks (0) are skipped for the non-smooth functions. */
    private static final double[] GRID = {-30, -12.5, -6, -3.3, -1.7, -1, -0.5, -0.1, -1e-3, 1e-3, 0.1, 0.5, 1, 1.7,
            3.3, 6, 12.5, 30};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralFiniteDifferences(Activation f) {
        for (double x : GRID) {
            double numeric = (f.apply(x + H) - f.apply(x - H)) / (2 * H);
            double analytic = f.derivative(x);
            // Where f' is tiny (saturation) the difference quotient itself is rounding noise of order
            // eps·|f|/H ≈ 1e-11·|f|, so that is the floor of what can be checked there.
            double tolerance = 1e-6 * (Math.abs(analytic) + Math.abs(numeric)) + 1e-9 * Math.max(1, Math.abs(f.apply(x)));
            assertThat(Math.abs(analytic - numeric)).as("%s at x=%s: analytic %s numeric %s", f, x, analytic, numeric)
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeFromOutputAgreesWithDerivative(Activation f) {
        for (double x : GRID) {
            assertThat(f.derivativeFromOutput(x, f.apply(x))).as("%s at %s", f, x)
                    .isCloseTo(f.derivative(x), within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void keyRoundTrips(Activation f) {
        assertThat(Activation.fromKey(f.key())).contains(f);
    }

    @Test
    void sigmoidDerivativePeaksAtQuarter() {
        assertThat(Activation.SIGMOID.apply(0)).isEqualTo(0.5);
        assertThat(Activation.SIGMOID.derivative(0)).isEqualTo(0.25);
        assertThat(Activation.SIGMOID.derivative(1)).isLessThan(0.25);
        assertThat(Activation.SIGMOID.derivative(-1)).isLessThan(0.25);
    }

    @Test
    void sigmoidIsStableForHugeInputs() {
        assertThat(Activation.SIGMOID.apply(-1000)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.apply(1000)).isEqualTo(1.0);
        assertThat(Activation.SOFTPLUS.apply(1000)).isEqualTo(1000.0);
        assertThat(Activation.SOFTPLUS.apply(-1000)).isEqualTo(0.0);
    }

    @Test
    void tanhHasUnitSlopeAtZero() {
        assertThat(Activation.TANH.apply(0)).isEqualTo(0.0);
        assertThat(Activation.TANH.derivative(0)).isEqualTo(1.0);
    }

    @Test
    void reluPassesGradientOnlyForPositiveInputs() {
        assertThat(Activation.RELU.derivative(2.5)).isEqualTo(1.0);
        assertThat(Activation.RELU.derivative(-2.5)).isEqualTo(0.0);
        assertThat(Activation.RELU.apply(-2.5)).isEqualTo(0.0);
        assertThat(Activation.LEAKY_RELU.derivative(-2.5)).isEqualTo(0.01);
        assertThat(Activation.LEAKY_RELU.apply(-2)).isEqualTo(-0.02);
    }

    @Test
    void knownValues() {
        assertThat(Activation.ELU.apply(-1)).isCloseTo(Math.exp(-1) - 1, within(1e-15));
        assertThat(Activation.SOFTPLUS.apply(0)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Activation.GELU.apply(0)).isEqualTo(0.0);
        // PyTorch: F.gelu(torch.tensor(1.0, dtype=torch.float64), approximate='tanh') = 0.8411919906082768
        assertThat(Activation.GELU.apply(1)).isCloseTo(0.8411919906082768, within(1e-15));
        assertThat(Activation.LINEAR.apply(-3.25)).isEqualTo(-3.25);
    }

    @Test
    void fastTanhAgreesWithMathTanhToRelativeTwoE15() {
        for (double x = -25; x <= 25; x += 0.000731) {
            double exact = Math.tanh(x);
            assertThat(FastMath.tanh(x)).as("x=%s", x).isCloseTo(exact, within(2e-15 * Math.abs(exact) + 1e-300));
        }
        assertThat(FastMath.tanh(1e-300)).isEqualTo(1e-300);
        assertThat(FastMath.tanh(-0.0)).isEqualTo(-0.0);
        assertThat(FastMath.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(FastMath.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(FastMath.tanh(Double.NaN)).isNaN();
    }
}
