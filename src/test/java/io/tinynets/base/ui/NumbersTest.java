package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void plainDecimalsLoseTheirTrailingZeros() {
        assertThat(Numbers.compact(0.03)).isEqualTo("0.03");
        assertThat(Numbers.compact(1.0)).isEqualTo("1");
        assertThat(Numbers.compact(0.25)).isEqualTo("0.25");
        assertThat(Numbers.compact(12345.6789)).isEqualTo("12345.6789");
        assertThat(Numbers.compact(0)).isEqualTo("0");
        assertThat(Numbers.compact(-0.00001 / 1e9)).isEqualTo("-1.00e-14");
    }

    @Test
    void tinyAndHugeMagnitudesAreScientific() {
        assertThat(Numbers.compact(0.0001)).isEqualTo("1.00e-04");
        assertThat(Numbers.compact(3e-7)).isEqualTo("3.00e-07");
        assertThat(Numbers.compact(250000)).isEqualTo("2.50e+05");
    }

    @Test
    void aRoundedNegativeZeroIsZeroAndNonFiniteValuesAreNamed() {
        assertThat(Numbers.compact(-0.00001)).isEqualTo("-1.00e-05");
        assertThat(Numbers.compact(-0.0)).isEqualTo("0");
        assertThat(Numbers.compact(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.compact(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }
}
