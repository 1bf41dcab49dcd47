package io.tinynets.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Every epoch's metrics of one run, in primitive arrays (a long run holds 100 000 epochs; boxed points for 100
 * runs would be hundreds of megabytes). Absent test loss / accuracy is stored as NaN: a present NaN never gets
 * here because it ends the run as diverged first. Not thread safe: the owning run guards it.
 */
final class MetricHistory {

    private double[] trainLoss = new double[256];
    private double[] testLoss = new double[256];
    private double[] accuracy = new double[256];
    private int size;

    void add(EpochMetrics metrics) {
        if (size == trainLoss.length) {
            int capacity = size * 2;
            trainLoss = Arrays.copyOf(trainLoss, capacity);
            testLoss = Arrays.copyOf(testLoss, capacity);
            accuracy = Arrays.copyOf(accuracy, capacity);
        }
        trainLoss[size] = metrics.trainLoss();
        testLoss[size] = metrics.testLoss().orElse(Double.NaN);
        accuracy[size] = metrics.accuracy().orElse(Double.NaN);
        size++;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Points of epochs {@code from + 1 .. to} (indexes from inclusive, to exclusive). */
    List<MetricPoint> slice(int from, int to) {
        List<MetricPoint> points = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            points.add(new MetricPoint(i + 1, trainLoss[i], optional(testLoss[i]), optional(accuracy[i])));
        }
        return points;
    }

    private static OptionalDouble optional(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
