package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A chart series' server copy stays bounded whatever the run's length, and keeps what a student must see. */
class DisplayCurveTest {

    /** A noisy decreasing loss of {@code n} epochs, with one spike and one dip far from the end. */
    private static DisplayCurve loss(int n) {
        DisplayCurve c = new DisplayCurve();
        for (int i = 1; i <= n; i++) {
            double y = 1.0 / i + 0.001 * ((i * 7919) % 13);
            if (i == n / 3) {
                y = 50; // a spike
            }
            if (i == n / 5) {
                y = -3; // the lowest value
            }
            c.add(i, y);
        }
        return c;
    }

    @Test
    void aShortCurveIsKeptExactly() {
        DisplayCurve c = new DisplayCurve();
        c.addAll(new double[] {1, 2, 3}, new double[] {0.5, 0.25, 0.125});
        int exact = DisplayCurve.TAIL + DisplayCurve.HEAD;
        for (int i = 4; i <= exact; i++) {
            c.add(i, i);
        }
        assertThat(c.size()).isEqualTo(exact);
        assertThat(c.xValues()[0]).isEqualTo(1);
        assertThat(c.yValues()).startsWith(0.5, 0.25, 0.125);
        assertThat(c.xValues()[exact - 1]).isEqualTo(exact);
        c.add(exact + 1, 0);
        assertThat(c.size()).as("thinned from here on").isLessThan(exact);
    }

    @Test
    void tenThousandEpochsKeepAtMostAThousandPointsWithTheLatestExactAndTheExtremes() {
        int n = 10_000;
        DisplayCurve c = loss(n);
        double[] x = c.xValues();
        double[] y = c.yValues();
        assertThat(c.size()).isLessThanOrEqualTo(1_000).isGreaterThan(DisplayCurve.TAIL + 100);
        assertThat(x).hasSize(c.size());
        // in order, the latest 500 exactly as appended
        for (int i = 1; i < x.length; i++) {
            assertThat(x[i]).isGreaterThan(x[i - 1]);
        }
        double[] tail = Arrays.copyOfRange(x, x.length - DisplayCurve.TAIL, x.length);
        for (int i = 0; i < tail.length; i++) {
            assertThat(tail[i]).isEqualTo(n - DisplayCurve.TAIL + 1 + i);
        }
        // the spike, the dip and the overall range survive the thinning
        assertThat(y).contains(50.0, -3.0);
        assertThat(Arrays.stream(y).max().orElseThrow()).isEqualTo(50.0);
        assertThat(Arrays.stream(y).min().orElseThrow()).isEqualTo(-3.0);
        assertThat(x[0]).isLessThanOrEqualTo(8); // the start of the run is still drawn
    }

    @Test
    void theLatestPointIsReadFromTheRingWhereverItWrapped() {
        DisplayCurve c = new DisplayCurve();
        for (int i = 1; i <= 1_234; i++) {
            c.add(i, 1.0 / i);
            assertThat(c.lastX()).isEqualTo(i);
            assertThat(c.lastY()).isEqualTo(1.0 / i);
        }
        double[] x = c.xValues();
        assertThat(x[x.length - 1]).isEqualTo(c.lastX());
    }

    @Test
    void aMillionPointsStayWithinTheBound() {
        DisplayCurve c = loss(1_000_000);
        assertThat(c.size()).isLessThanOrEqualTo(DisplayCurve.MAX_POINTS).isGreaterThan(DisplayCurve.TAIL + 100);
        assertThat(c.yValues()).contains(50.0, -3.0);
        assertThat(c.xValues()[c.size() - 1]).isEqualTo(1_000_000);
    }

    @Test
    void aGapSurvivesAsNaN() {
        DisplayCurve c = new DisplayCurve();
        for (int i = 1; i <= 5_000; i++) {
            c.add(i, i == 100 ? Double.NaN : 1.0);
        }
        assertThat(Arrays.stream(c.yValues()).anyMatch(Double::isNaN)).isTrue();
    }

    @Test
    void clearStartsOver() {
        DisplayCurve c = loss(5_000);
        c.clear();
        assertThat(c.size()).isZero();
        c.add(1, 2);
        assertThat(c.xValues()).containsExactly(1.0);
        assertThat(c.yValues()).containsExactly(2.0);
        for (int i = 2; i <= 3_000; i++) {
            c.add(i, 1);
        }
        assertThat(c.size()).isLessThanOrEqualTo(DisplayCurve.MAX_POINTS);
        assertThat(c.xValues()[c.size() - 1]).isEqualTo(3_000);
    }
}
