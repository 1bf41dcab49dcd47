package io.tinynets.experiment;

/**
 * Thins long curves before storing them. The last {@code rawTail} points stay exactly as recorded (they are what a
 * student zooms into and what "continue training" resumes from); the older part is cut into buckets and each bucket
 * keeps its lowest and highest point, in x order, so spikes and the overall minimum and maximum survive.
 */
final class CurveDownsampler {

    private CurveDownsampler() {
    }

    static Curve downsample(Curve curve, int maxPoints, int rawTail) {
        int n = curve.size();
        if (n <= maxPoints) {
            return curve;
        }
        double[] x = curve.x();
        double[] y = curve.y();
        int headEnd = n - rawTail;
        int buckets = (maxPoints - rawTail) / 2;
        double[] ox = new double[maxPoints];
        double[] oy = new double[maxPoints];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) headEnd * b / buckets);
            int to = (int) ((long) headEnd * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                // NaN (a diverged loss) counts as the highest value, so it is kept as a visible gap
                if (Double.compare(y[i], y[lo]) < 0) {
                    lo = i;
                }
                if (Double.compare(y[i], y[hi]) > 0) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            ox[k] = x[first];
            oy[k++] = y[first];
            if (second != first) {
                ox[k] = x[second];
                oy[k++] = y[second];
            }
        }
        System.arraycopy(x, headEnd, ox, k, rawTail);
        System.arraycopy(y, headEnd, oy, k, rawTail);
        k += rawTail;
        return new Curve(curve.name(), java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k),
                curve.recordedPoints());
    }
}
