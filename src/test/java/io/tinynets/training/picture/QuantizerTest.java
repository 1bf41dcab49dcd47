package io.tinynets.training.picture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The one quantization every picture uses: its bounds, its clamping and its single NaN rule. */
class QuantizerTest {

    @Test
    void theBoundsAreTheEndsOfTheScale() {
        assertThat(Quantizer.quantize(-1, -1, 3) & 0xff).isEqualTo(0);
        assertThat(Quantizer.quantize(3, -1, 3) & 0xff).isEqualTo(255);
        assertThat(Quantizer.quantize(1, -1, 3) & 0xff).isEqualTo(128); // 127.5 rounds up
        assertThat(Quantizer.value((byte) 0, -1, 3)).isEqualTo(-1.0);
        assertThat(Quantizer.value((byte) 255, -1, 3)).isEqualTo(3.0);
    }

    @Test
    void nanIsTheMiddleOfEveryScale() {
        assertThat(Quantizer.quantize(Double.NaN, 0, 1)).isEqualTo(Quantizer.NAN_BYTE);
        assertThat(Quantizer.quantize(Double.NaN, -5, 5)).isEqualTo(Quantizer.NAN_BYTE);
        assertThat(Quantizer.quantize(Double.NaN, 2, 2)).isEqualTo(Quantizer.NAN_BYTE);
        assertThat(Quantizer.NAN_BYTE & 0xff).isEqualTo(128);
        assertThat(Quantizer.value(Quantizer.NAN_BYTE, -1, 1)).isCloseTo(0.0, within(1.0 / 255));
    }

    @Test
    void infinitiesAndValuesOutsideAreClampedToTheEnds() {
        assertThat(Quantizer.quantize(Double.POSITIVE_INFINITY, 0, 1) & 0xff).isEqualTo(255);
        assertThat(Quantizer.quantize(Double.NEGATIVE_INFINITY, 0, 1) & 0xff).isEqualTo(0);
        assertThat(Quantizer.quantize(7, 0, 1) & 0xff).isEqualTo(255);
        assertThat(Quantizer.quantize(-7, 0, 1) & 0xff).isEqualTo(0);
        assertThat(Quantizer.quantize(Double.MAX_VALUE, -Double.MAX_VALUE / 4, Double.MAX_VALUE / 4) & 0xff)
                .isEqualTo(255);
    }

    @Test
    void aConstantGridIsTheBottomOfTheScaleAndReadsBackExactly() {
        byte[] q = Quantizer.quantize(new double[] {0.7, 0.7, 0.7, Double.NaN}, 0.7, 0.7);
        assertThat(q).containsExactly(0, 0, 0, (byte) 128);
        assertThat(Quantizer.value(q[0], 0.7, 0.7)).isEqualTo(0.7);
        Picture p = Picture.quantize(2, 2, new double[] {0.7, 0.7, 0.7, 0.7}, 0.7, 0.7);
        assertThat(p.valueAt(1, 1)).isEqualTo(0.7);
    }

    @Test
    void everyValueReadsBackWithinHalfAStep() {
        double min = -2;
        double max = 3;
        for (int i = 0; i <= 1000; i++) {
            double v = min + (max - min) * i / 1000;
            assertThat(Quantizer.value(Quantizer.quantize(v, min, max), min, max))
                    .isCloseTo(v, within((max - min) / 255 / 2 + 1e-12));
        }
    }

    @Test
    void aPictureIsQuantizedByTheSameRule() {
        double[] values = {Double.NaN, Double.NEGATIVE_INFINITY, -1, 0, 0.3, 1, 4, Double.POSITIVE_INFINITY, 0.5};
        Picture p = Picture.quantize(3, 3, values, -1, 1);
        assertThat(p.values()).containsExactly(Quantizer.quantize(values, -1, 1));
        assertThat(p.values()[0]).isEqualTo(Quantizer.NAN_BYTE);
        for (int i = 0; i < values.length; i++) {
            assertThat(p.values()[i]).isEqualTo(Quantizer.quantize(values[i], -1, 1));
        }
    }

    @Test
    void aScaleThatIsNoScaleIsRefused() {
        assertThatThrownBy(() -> Quantizer.quantize(0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min <= max");
        assertThatThrownBy(() -> Quantizer.quantize(new double[] {0}, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantizer.quantize(0, 0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Picture.quantize(1, 1, new double[] {0}, 1, 0)).isInstanceOf(PictureException.class)
                .extracting(e -> ((PictureException) e).messageKey()).isEqualTo("experiments.invalid.pictureRange");
    }
}
