package io.tinynets.lab.descent;

import java.util.Arrays;

/**
 * An append-only list of doubles that hands out read-only prefixes without copying. Appending writes only past the
 * current length (growth copies into a new array), so a {@link View} taken earlier never changes: snapshots can
 * share it with the UI thread, whatever the trainer does next.
 */
public final class History {

    /** The first {@code length} values of {@code data}; never written again. */
    public record View(double[] data, int length) {
        public double get(int i) {
            if (i < 0 || i >= length) {
                throw new IndexOutOfBoundsException("index " + i + " outside [0, " + length + ")");
            }
            return data[i];
        }

        public double last() {
            return get(length - 1);
        }

        /** Values [from, length) as a new array. */
        public double[] tail(int from) {
            return Arrays.copyOfRange(data, Math.min(from, length), length);
        }
    }

    private double[] data = new double[64];
    private int length;

    void add(double v) {
        if (length == data.length) {
            data = Arrays.copyOf(data, length * 2);
        }
        data[length++] = v;
    }

    int length() {
        return length;
    }

    double get(int i) {
        return data[i];
    }

    View view() {
        return new View(data, length);
    }
}
