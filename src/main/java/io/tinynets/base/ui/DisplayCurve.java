package io.tinynets.base.ui;

import io.tinynets.training.CurveExtremes;

import java.util.Arrays;

/**
 * What the server keeps of one chart series: at most {@value #MAX_POINTS} points however many were appended, so a
 * session's memory does not grow with the length of a run (a run of 100 000 epochs kept whole in every chart cost
 * megabytes per student). The latest {@value #TAIL} points stay exactly as appended (what the student watches
 * change); older points are thinned into buckets that keep their lowest and highest point in order, so spikes and
 * the overall minimum and maximum survive ({@link CurveExtremes}, as a stored curve is thinned). NaN counts as the
 * highest value, so a gap stays visible. The run itself keeps every epoch; this is a display copy.
 *
 * <p>Not thread safe: the owning component is touched under the session lock only.
 */
final class DisplayCurve implements java.io.Serializable {

    /** Points kept exactly, the most recent ones. */
    static final int TAIL = 500;
    /** Points the thinned older part may hold (a bucket in progress adds at most two more). */
    static final int HEAD = 498;
    static final int MAX_POINTS = TAIL + HEAD + 2;

    // the recent points, a ring of at most TAIL
    private double[] tailX = new double[16];
    private double[] tailY = new double[16];
    private int tailStart;
    private int tailSize;
    // the thinned older points, in order
    private double[] headX = new double[0];
    private double[] headY = new double[0];
    private int headSize;
    /** Points (as they left the tail) per bucket of the head; 1 until the head was first thinned. */
    private long stride = 1;
    // the bucket in progress: how many points it took, and its lowest and highest
    private long bucketCount;
    private double loX;
    private double loY;
    private long loAt;
    private double hiX;
    private double hiY;
    private long hiAt;

    void addAll(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            add(x[i], y[i]);
        }
    }

    void add(double x, double y) {
        if (tailSize == TAIL) {
            int oldest = tailStart;
            tailStart = (tailStart + 1) % TAIL;
            tailSize--;
            toHead(tailX[oldest], tailY[oldest]);
        }
        if (tailSize == tailX.length) {
            growTail();
        }
        int at = (tailStart + tailSize) % tailX.length;
        tailX[at] = x;
        tailY[at] = y;
        tailSize++;
    }

    void clear() {
        tailStart = 0;
        tailSize = 0;
        headSize = 0;
        stride = 1;
        bucketCount = 0;
    }

    /** Points kept now (never more than {@link #MAX_POINTS}). */
    int size() {
        return headSize + bucketPoints() + tailSize;
    }

    /** The latest point's x (a point always enters the tail, so the latest is there); call only when not empty. */
    double lastX() {
        return tailX[(tailStart + tailSize - 1) % tailX.length];
    }

    /** The latest point's y; call only when not empty. */
    double lastY() {
        return tailY[(tailStart + tailSize - 1) % tailY.length];
    }

    double[] xValues() {
        return values(true);
    }

    double[] yValues() {
        return values(false);
    }

    private double[] values(boolean xs) {
        double[] out = new double[size()];
        System.arraycopy(xs ? headX : headY, 0, out, 0, headSize);
        int k = headSize;
        if (bucketCount > 0) {
            boolean loFirst = loAt <= hiAt;
            out[k++] = xs ? (loFirst ? loX : hiX) : (loFirst ? loY : hiY);
            if (loAt != hiAt) {
                out[k++] = xs ? (loFirst ? hiX : loX) : (loFirst ? hiY : loY);
            }
        }
        double[] tail = xs ? tailX : tailY;
        for (int i = 0; i < tailSize; i++) {
            out[k++] = tail[(tailStart + i) % tail.length];
        }
        return out;
    }

    private int bucketPoints() {
        return bucketCount == 0 ? 0 : loAt == hiAt ? 1 : 2;
    }

    private void growTail() {
        // the ring is full and starts at 0 while it grows (it wraps only once it holds TAIL points)
        int capacity = Math.min(TAIL, tailX.length * 2);
        tailX = Arrays.copyOf(tailX, capacity);
        tailY = Arrays.copyOf(tailY, capacity);
    }

    /** A point leaving the tail joins the bucket in progress; a full bucket moves to the head. */
    private void toHead(double x, double y) {
        long at = bucketCount;
        if (bucketCount == 0) {
            loX = hiX = x;
            loY = hiY = y;
            loAt = hiAt = at;
        } else {
            if (Double.compare(y, loY) < 0) {
                loX = x;
                loY = y;
                loAt = at;
            }
            if (Double.compare(y, hiY) > 0) {
                hiX = x;
                hiY = y;
                hiAt = at;
            }
        }
        bucketCount++;
        if (bucketCount == stride) {
            int n = bucketPoints();
            if (headSize + n > HEAD) {
                thin();
            }
            boolean loFirst = loAt <= hiAt;
            headAppend(loFirst ? loX : hiX, loFirst ? loY : hiY);
            if (n == 2) {
                headAppend(loFirst ? hiX : loX, loFirst ? hiY : loY);
            }
            bucketCount = 0;
        }
    }

    private void headAppend(double x, double y) {
        if (headSize == headX.length) {
            int capacity = Math.min(HEAD, Math.max(16, headX.length * 2));
            headX = Arrays.copyOf(headX, capacity);
            headY = Arrays.copyOf(headY, capacity);
        }
        headX[headSize] = x;
        headY[headSize] = y;
        headSize++;
    }

    /**
     * Halves the head: every four consecutive points become their lowest and highest, in order. Later buckets then
     * take as many points as four head points stood for, so the head keeps an even density.
     */
    private void thin() {
        int k = 0;
        for (int from = 0; from < headSize; from += 4) {
            k = CurveExtremes.keep(headX, headY, from, Math.min(headSize, from + 4), headX, headY, k);
        }
        headSize = k;
        stride = stride == 1 ? 4 : stride * 2;
    }
}
