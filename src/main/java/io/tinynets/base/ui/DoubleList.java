package io.tinynets.base.ui;

import java.util.Arrays;

/** A growable primitive double array: chart histories without boxing every point. */
final class DoubleList implements java.io.Serializable {

    private double[] values = new double[16];
    private int size;

    void addAll(double[] more) {
        if (size + more.length > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
        }
        System.arraycopy(more, 0, values, size, more.length);
        size += more.length;
    }

    void clear() {
        size = 0;
    }

    double get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return values[index];
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
