package io.tinynets.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurveExtremesTest {

    @Test
    void aBucketKeepsItsLowestAndHighestPointInXOrder() {
        double[] x = {10, 11, 12, 13, 14};
        double[] y = {0.5, 0.9, 0.2, 0.4, 0.6};
        double[] outX = new double[4];
        double[] outY = new double[4];

        int next = CurveExtremes.keep(x, y, 0, 5, outX, outY, 1);

        // the highest (x = 11) comes before the lowest (x = 12), as on the curve
        assertThat(next).isEqualTo(3);
        assertThat(outX).containsExactly(0, 11, 12, 0);
        assertThat(outY).containsExactly(0, 0.9, 0.2, 0);
    }

    @Test
    void aDivergedLossCountsAsTheHighestSoItsGapSurvives() {
        double[] x = {1, 2, 3, 4};
        double[] y = {0.3, 1e6, Double.NaN, 0.1};
        double[] outX = new double[2];
        double[] outY = new double[2];

        assertThat(CurveExtremes.keep(x, y, 0, 4, outX, outY, 0)).isEqualTo(2);

        assertThat(outX).containsExactly(3, 4);
        assertThat(outY[0]).isNaN();
        assertThat(outY[1]).isEqualTo(0.1);
    }

    @Test
    void aFlatBucketOrASinglePointIsWrittenOnce() {
        double[] x = {1, 2, 3};
        double[] y = {0.7, 0.7, 0.7};
        double[] outX = new double[2];
        double[] outY = new double[2];

        assertThat(CurveExtremes.keep(x, y, 0, 3, outX, outY, 0)).isEqualTo(1);
        assertThat(outX[0]).isEqualTo(1);
        assertThat(CurveExtremes.keep(x, y, 2, 3, outX, outY, 1)).isEqualTo(2);
        assertThat(outX[1]).isEqualTo(3);
    }

    @Test
    void thinningInPlaceReadsEachBucketBeforeOverwritingIt() {
        // buckets of three thinned to two points each and written back to the front of the same arrays: the second bucket's points must not be
        // overwritten before they are read
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {5, 1, 2, 6, 9, 3};
        int k = 0;
        for (int from = 0; from < 6; from += 3) {
            k = CurveExtremes.keep(x, y, from, from + 3, x, y, k);
        }

        assertThat(k).isEqualTo(4);
        assertThat(java.util.Arrays.copyOf(x, 4)).containsExactly(0, 1, 4, 5);
        assertThat(java.util.Arrays.copyOf(y, 4)).containsExactly(5, 1, 9, 3);
    }
}
