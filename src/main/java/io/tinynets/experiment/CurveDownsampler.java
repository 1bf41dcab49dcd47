package io.tinynets.experiment;

import io.tinynets.training.CurveExtremes;

/**
 * Thins long curves before storing them. The last {@code rawTail} points stay exactly as recorded (they are what a
 * student zooms into and what "continue training" resumes from); the older part is cut into buckets and each bucket
 * keeps its lowest and highest point ({@link CurveExtremes}).
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
            k = CurveExtremes.keep(x, y, from, to, ox, oy, k);
        }
        System.arraycopy(x, headEnd, ox, k, rawTail);
        System.arraycopy(y, headEnd, oy, k, rawTail);
        k += rawTail;
        return new Curve(curve.name(), java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k),
                curve.recordedPoints());
    }
}
