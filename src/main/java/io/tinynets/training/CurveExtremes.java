package io.tinynets.training;

/**
 * How a long curve is thinned without hiding what matters: a bucket of consecutive points keeps only its lowest and
 * its highest point, in x order, so spikes and the overall minimum and maximum survive. NaN (a diverged loss) counts
 * as the highest value, so it stays a visible gap. Used by the stored curves of an experiment and by the charts'
 * display curves alike, so a saved curve and a live one are thinned the same way.
 */
public final class CurveExtremes {

    private CurveExtremes() {
    }

    /**
     * Writes the lowest and the highest of the points {@code [from, to)} of ({@code x}, {@code y}) into
     * ({@code outX}, {@code outY}) at index {@code k}, in x order (once when one point is both), and returns the
     * index after what it wrote. The output may be the input itself when {@code k <= from}: every point is read
     * before anything is written.
     */
    public static int keep(double[] x, double[] y, int from, int to, double[] outX, double[] outY, int k) {
        int lo = from;
        int hi = from;
        for (int i = from + 1; i < to; i++) {
            if (Double.compare(y[i], y[lo]) < 0) {
                lo = i;
            }
            if (Double.compare(y[i], y[hi]) > 0) {
                hi = i;
            }
        }
        int first = Math.min(lo, hi);
        int second = Math.max(lo, hi);
        double firstX = x[first];
        double firstY = y[first];
        double secondX = x[second];
        double secondY = y[second];
        outX[k] = firstX;
        outY[k++] = firstY;
        if (second != first) {
            outX[k] = secondX;
            outY[k++] = secondY;
        }
        return k;
    }
}
