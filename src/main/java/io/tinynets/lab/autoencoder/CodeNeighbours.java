package io.tinynets.lab.autoencoder;

/**
 * How well the code space groups the data by class, though the network never saw a class: for each sample, the share
 * of its {@value #NEIGHBOURS} nearest neighbours in the code space (Euclidean, over all code numbers, itself left out)
 * that carry its label, averaged over the samples. Clusters in the latent map show up as a high agreement; codes
 * that mix the classes stay near {@link #chance}, the share two distinct samples drawn at random share a label.
 * This is the measurable form of "the digits separate into clusters".
 *
 * @param agreement mean share of same-label neighbours, in [0, 1]
 * @param chance    the share a random arrangement gives: Σ n_c (n_c − 1) / (n (n − 1))
 */
public record CodeNeighbours(double agreement, double chance) {

    public static final int NEIGHBOURS = 5;

    /** Nothing to measure (fewer than two samples, or no labels). */
    public static final CodeNeighbours NONE = new CodeNeighbours(Double.NaN, Double.NaN);

    /**
     * Measures the codes of {@code labels.length} samples, {@code k} numbers each, row by row in {@code codes}.
     * O(n² k) with n ≤ a few hundred (the latent plane's samples): about a million operations per capture.
     */
    public static CodeNeighbours of(double[] codes, int k, int[] labels) {
        int n = labels.length;
        if (n < 2 || codes.length != n * k) {
            return NONE;
        }
        int neighbours = Math.min(NEIGHBOURS, n - 1);
        double[] nearest = new double[neighbours];
        int[] nearestLabel = new int[neighbours];
        double shareSum = 0;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = 0;
                for (int c = 0; c < k; c++) {
                    double diff = codes[i * k + c] - codes[j * k + c];
                    d += diff * diff;
                }
                if (!(d < nearest[neighbours - 1])) {
                    continue; // NaN codes never count as near
                }
                // insertion into the sorted list of the nearest so far
                int at = neighbours - 1;
                while (at > 0 && nearest[at - 1] > d) {
                    nearest[at] = nearest[at - 1];
                    nearestLabel[at] = nearestLabel[at - 1];
                    at--;
                }
                nearest[at] = d;
                nearestLabel[at] = labels[j];
            }
            int same = 0;
            for (int m = 0; m < neighbours; m++) {
                if (nearest[m] < Double.POSITIVE_INFINITY && nearestLabel[m] == labels[i]) {
                    same++;
                }
            }
            shareSum += (double) same / neighbours;
        }
        return new CodeNeighbours(shareSum / n, chance(labels));
    }

    /** Probability that two distinct samples drawn at random share a label. */
    static double chance(int[] labels) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        long n = labels.length;
        double pairs = 0;
        for (int c : counts.values()) {
            pairs += (double) c * (c - 1);
        }
        return pairs / (n * (n - 1));
    }

    /** True when there was something to measure. */
    public boolean measured() {
        return !Double.isNaN(agreement);
    }
}
