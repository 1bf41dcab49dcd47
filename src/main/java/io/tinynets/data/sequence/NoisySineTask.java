package io.tinynets.data.sequence;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Predict the next value of a noisy sine, x_i = sin(2πi / period) + ε_i with ε_i ~ N(0, noise²). The series is drawn
 * once from the seed; a batch is a set of windows of {@code window} consecutive values at random offsets, one
 * feature per step, and the target is the value that follows each window (many-to-one) or the next value at every
 * step (many-to-many). Workload W2 of the benchmarks is window 20, period 25, noise 0.1.
 */
public final class NoisySineTask implements SequenceTask {

    private final int window;
    private final double period;
    private final double noise;
    private final boolean manyToMany;
    private final double[] series;

    /**
     * @param window       steps per sequence, 2..200
     * @param period       samples per sine period, in [2, 1000]
     * @param noise        standard deviation of the Gaussian noise, in [0, 1]
     * @param seriesLength values in the drawn series, window+1 .. 1,000,000
     * @param manyToMany   predict the next value at every step rather than once at the end
     * @param random       draws the noise (once, here)
     */
    public NoisySineTask(int window, double period, double noise, int seriesLength, boolean manyToMany,
                         SplittableRandom random) {
        SequenceTask.checkRange("window", window, 2, 200);
        if (!(period >= 2 && period <= 1000)) {
            throw new IllegalArgumentException("period must be in 2..1000, was " + period);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be in 0..1, was " + noise);
        }
        SequenceTask.checkRange("seriesLength", seriesLength, window + 1, 1_000_000);
        this.window = window;
        this.period = period;
        this.noise = noise;
        this.manyToMany = manyToMany;
        this.series = new double[seriesLength];
        java.util.Random gauss = new java.util.Random(random.nextLong());
        for (int i = 0; i < seriesLength; i++) {
            // x_i = sin(2πi / period) + noise · N(0, 1)
            series[i] = Math.sin(2 * Math.PI * i / period) + noise * gauss.nextGaussian();
        }
    }

    /** Workload W2: window 20, period 25, noise 0.1, many-to-one. */
    public static NoisySineTask w2(SplittableRandom random) {
        return new NoisySineTask(20, 25, 0.1, 4096, false, random);
    }

    @Override
    public String key() {
        return "noisy_sine";
    }

    public double[] series() {
        return series.clone();
    }

    public double noise() {
        return noise;
    }

    @Override
    public int inputSize() {
        return 1;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public int length() {
        return window;
    }

    @Override
    public boolean manyToMany() {
        return manyToMany;
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public SequenceBatch batch(int batchSize, SplittableRandom random) {
        SequenceTask.checkBatchSize(batchSize);
        DMatrixRMaj[] x = new DMatrixRMaj[window];
        for (int t = 0; t < window; t++) {
            x[t] = new DMatrixRMaj(batchSize, 1);
        }
        DMatrixRMaj[] y = new DMatrixRMaj[manyToMany ? window : 1];
        for (int t = 0; t < y.length; t++) {
            y[t] = new DMatrixRMaj(batchSize, 1);
        }
        for (int b = 0; b < batchSize; b++) {
            int start = random.nextInt(series.length - window);
            for (int t = 0; t < window; t++) {
                x[t].data[b] = series[start + t];
                if (manyToMany) {
                    y[t].data[b] = series[start + t + 1];
                }
            }
            if (!manyToMany) {
                y[0].data[b] = series[start + window];
            }
        }
        return new SequenceBatch(x, y);
    }
}
