package io.tinynets.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Every epoch's metrics of one run: the one complete record of its curves (what a saved experiment is made from), so
 * it holds each value once and compactly. Values live in fixed chunks of {@value #CHUNK} epochs, so the history grows
 * without copying and without the half-empty doubled arrays (which G1 stores as humongous objects past half a region)
 * that made a long run cost megabytes; a metric the lab never reports (test loss, accuracy) takes no memory at all.
 * The latest {@value #EXACT_CHUNKS} chunks hold doubles exactly as measured (the last value decides a target loss and
 * is the saved final figure); older chunks are kept as floats, seven significant digits, more than any chart, readout
 * or stored curve shows, at half the memory (a value below about 1e-38 keeps less precision, or none below 1e-45).
 * Absent test loss / accuracy is stored as NaN: a present NaN never gets here because it ends the run as diverged
 * first. Not thread safe: the owning run guards it.
 */
final class MetricHistory {

    /** Epochs per chunk: 8 KB per metric, far below a G1 region. */
    static final int CHUNK = 1024;
    /** Chunks, the latest, kept as doubles. */
    static final int EXACT_CHUNKS = 8;

    private final Series trainLoss = new Series();
    private final Series testLoss = new Series();
    private final Series accuracy = new Series();
    private int size;

    void add(EpochMetrics metrics) {
        trainLoss.set(size, metrics.trainLoss());
        testLoss.set(size, metrics.testLoss().orElse(Double.NaN));
        accuracy.set(size, metrics.accuracy().orElse(Double.NaN));
        size++;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
        trainLoss.clear();
        testLoss.clear();
        accuracy.clear();
    }

    /** Points of epochs {@code from + 1 .. to} (indexes from inclusive, to exclusive). */
    List<MetricPoint> slice(int from, int to) {
        List<MetricPoint> points = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            points.add(new MetricPoint(i + 1, trainLoss.get(i), optional(testLoss.get(i)),
                    optional(accuracy.get(i))));
        }
        return points;
    }

    /** Bytes of values held (for the memory test): the chunks allocated over the three metrics. */
    long bytesHeld() {
        return trainLoss.bytes() + testLoss.bytes() + accuracy.bytes();
    }

    private static OptionalDouble optional(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * One metric over the epochs: chunks of double[] (the latest) or float[] (older), or null where every value is
     * absent; a chunk is made only once a value that is not NaN arrives in it.
     */
    private static final class Series {
        private final List<Object> chunks = new ArrayList<>();
        /** Chunks before this index are floats (or absent). */
        private int floatsBelow;

        void set(int index, double value) {
            int c = index / CHUNK;
            if (c >= chunks.size()) {
                if (Double.isNaN(value)) {
                    return; // absent so far: nothing to keep
                }
                while (chunks.size() <= c) {
                    chunks.add(null);
                }
            }
            if (chunks.get(c) == null) {
                if (Double.isNaN(value)) {
                    return;
                }
                double[] chunk = new double[CHUNK];
                Arrays.fill(chunk, Double.NaN);
                chunks.set(c, chunk);
                while (floatsBelow <= c - EXACT_CHUNKS) {
                    toFloats(floatsBelow++);
                }
            }
            ((double[]) chunks.get(c))[index % CHUNK] = value;
        }

        private void toFloats(int c) {
            if (chunks.get(c) instanceof double[] exact) {
                float[] compact = new float[CHUNK];
                for (int i = 0; i < CHUNK; i++) {
                    compact[i] = (float) exact[i];
                }
                chunks.set(c, compact);
            }
        }

        double get(int index) {
            int c = index / CHUNK;
            Object chunk = c < chunks.size() ? chunks.get(c) : null;
            if (chunk instanceof double[] exact) {
                return exact[index % CHUNK];
            }
            if (chunk instanceof float[] compact) {
                return compact[index % CHUNK];
            }
            return Double.NaN;
        }

        void clear() {
            chunks.clear();
            floatsBelow = 0;
        }

        long bytes() {
            long bytes = 0;
            for (Object chunk : chunks) {
                bytes += chunk instanceof double[] ? 8L * CHUNK : chunk instanceof float[] ? 4L * CHUNK : 0;
            }
            return bytes;
        }
    }
}
