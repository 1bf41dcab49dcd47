package io.tinynets.engine.model;

import org.ejml.data.DMatrixRMaj;

/**
 * {@link AutoencoderPca#reconstructionError(int) PCA's reconstruction error} computed in bounded pieces, so a trainer
 * can hand its worker to other runs between two (the SVD of 2000 × 256 pixels held one for over 100 ms). The
 * eigenvalues of the scatter matrix XᵀX of the centred data are the squared singular values of X, so the error is the
 * same to rounding: the scatter matrix a few rows at a time, its reduction to tridiagonal form (Householder) a few
 * columns at a time, then its eigenvalues by bisection on Sturm counts, a few at a time. Each piece does at most
 * {@link #WORK_PER_PIECE} multiply-adds, or one row, column or eigenvalue when that alone is more (only beyond 400
 * features: the most any lab's data has is 256, a single column passes it beyond 400).
 */
public final class PcaErrorInPieces {

    /** Multiply-adds of one piece: well under a millisecond. */
    public static final long WORK_PER_PIECE = 500_000;
    /** Bisection steps of one eigenvalue at most (the interval is halved down to the rounding of the matrix). */
    static final int MAX_BISECTIONS = 80;

    private enum Stage { MEAN, SCATTER, TRIDIAGONAL, EIGENVALUES, DONE }

    private final DMatrixRMaj data;
    private final int n;
    private final int d;
    private final int k;
    private final double[] mean;
    /** d × d, row-major: the scatter matrix, then (in place) its tridiagonal form. */
    private final double[] a;
    private final double[] v;
    private final double[] p;
    private double[] eigenvalues;
    private double low;
    private double high;
    private double tolerance;
    private double pivotMin;

    private Stage stage = Stage.MEAN;
    /** The next row, column or eigenvalue of the stage. */
    private int at;
    private long lastPieceWork;
    private double error = Double.NaN;

    /** The error of the best k-dimensional linear code of the rows of {@code data} (n × features, n ≥ 2, not modified). */
    public PcaErrorInPieces(DMatrixRMaj data, int k) {
        if (data == null || data.numRows < 2 || data.numCols < 1) {
            throw new IllegalArgumentException("PCA needs at least 2 rows and 1 column of data");
        }
        if (k < 0 || k > data.numCols) {
            throw new IllegalArgumentException("k must be in 0.." + data.numCols + ", was " + k);
        }
        this.data = data;
        this.n = data.numRows;
        this.d = data.numCols;
        this.k = k;
        this.mean = new double[d];
        this.a = new double[d * d];
        this.v = new double[d];
        this.p = new double[d];
    }

    /** The whole computation at once. */
    public static double error(DMatrixRMaj data, int k) {
        PcaErrorInPieces pieces = new PcaErrorInPieces(data, k);
        while (!pieces.step()) {
            // every piece
        }
        return pieces.error();
    }

    /** Does one piece; true once the error is known. */
    public boolean step() {
        long work = 0;
        while (stage != Stage.DONE && (work == 0 || work + nextUnitAtMost() <= WORK_PER_PIECE)) {
            work += switch (stage) {
                case MEAN -> meanRow();
                case SCATTER -> scatterRow();
                case TRIDIAGONAL -> householderColumn();
                case EIGENVALUES -> eigenvalue();
                case DONE -> 0;
            };
        }
        lastPieceWork = work;
        return stage == Stage.DONE;
    }

    /** The most work the next row, column or eigenvalue can take. */
    private long nextUnitAtMost() {
        return switch (stage) {
            case MEAN -> d;
            case SCATTER -> (long) d * (d + 1) / 2;
            case TRIDIAGONAL -> 3L * (d - at - 1) * (d - at - 1) + 1;
            case EIGENVALUES -> (long) (MAX_BISECTIONS + 1) * d;
            case DONE -> 0;
        };
    }

    /** (1 / ND) Σ_{i ≥ k} λ_i, the eigenvalues largest first; NaN until {@link #step()} returned true. */
    public double error() {
        return error;
    }

    /** Multiply-adds (or bisection steps × features) the last {@link #step()} did. */
    public long lastPieceWork() {
        return lastPieceWork;
    }

    private long meanRow() {
        int base = at * d;
        for (int c = 0; c < d; c++) {
            mean[c] += data.data[base + c];
        }
        if (++at == n) {
            for (int c = 0; c < d; c++) {
                mean[c] /= n;
            }
            next(Stage.SCATTER);
        }
        return d;
    }

    /** Adds one centred row's outer product to the upper triangle. */
    private long scatterRow() {
        int base = at * d;
        for (int c = 0; c < d; c++) {
            v[c] = data.data[base + c] - mean[c];
        }
        for (int i = 0; i < d; i++) {
            double vi = v[i];
            int row = i * d;
            for (int j = i; j < d; j++) {
                a[row + j] += vi * v[j];
            }
        }
        if (++at == n) {
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    a[j * d + i] = a[i * d + j];
                }
            }
            next(d > 2 ? Stage.TRIDIAGONAL : Stage.EIGENVALUES);
            if (stage == Stage.EIGENVALUES) {
                startEigenvalues();
            }
        }
        return (long) d * (d + 1) / 2;
    }

    /**
     * One Householder reflection H = I − 2vvᵀ that zeroes column {@code at} below its subdiagonal: the trailing block
     * B becomes HBH = B − vqᵀ − qvᵀ with p = 2Bv and q = p − (vᵀp)v.
     */
    private long householderColumn() {
        int col = at;
        int from = col + 1;
        int m = d - from;
        double norm = 0;
        for (int i = from; i < d; i++) {
            norm += a[i * d + col] * a[i * d + col];
        }
        norm = Math.sqrt(norm);
        double below = 0;
        for (int i = from + 1; i < d; i++) {
            below = Math.max(below, Math.abs(a[i * d + col]));
        }
        if (below > 0) {
            double x0 = a[from * d + col];
            double alpha = x0 >= 0 ? -norm : norm;
            for (int i = from; i < d; i++) {
                v[i] = a[i * d + col];
            }
            v[from] -= alpha;
            double vNorm = 0;
            for (int i = from; i < d; i++) {
                vNorm += v[i] * v[i];
            }
            vNorm = Math.sqrt(vNorm);
            for (int i = from; i < d; i++) {
                v[i] /= vNorm;
            }
            double vp = 0;
            for (int i = from; i < d; i++) {
                double s = 0;
                int row = i * d;
                for (int j = from; j < d; j++) {
                    s += a[row + j] * v[j];
                }
                p[i] = 2 * s;
                vp += v[i] * p[i];
            }
            for (int i = from; i < d; i++) {
                p[i] -= vp * v[i]; // q
            }
            for (int i = from; i < d; i++) {
                int row = i * d;
                for (int j = from; j < d; j++) {
                    a[row + j] -= v[i] * p[j] + p[i] * v[j];
                }
            }
            a[from * d + col] = alpha;
            a[col * d + from] = alpha;
            for (int i = from + 1; i < d; i++) {
                a[i * d + col] = 0;
                a[col * d + i] = 0;
            }
        }
        if (++at == d - 2) {
            next(Stage.EIGENVALUES);
            startEigenvalues();
        }
        return 3L * m * m + 1;
    }

    /** Gershgorin bounds of the tridiagonal matrix, and the tolerance its eigenvalues are found to. */
    private void startEigenvalues() {
        eigenvalues = new double[d];
        low = Double.POSITIVE_INFINITY;
        high = Double.NEGATIVE_INFINITY;
        double largestOff = 0;
        for (int i = 0; i < d; i++) {
            double radius = (i > 0 ? Math.abs(off(i - 1)) : 0) + (i + 1 < d ? Math.abs(off(i)) : 0);
            low = Math.min(low, a[i * d + i] - radius);
            high = Math.max(high, a[i * d + i] + radius);
            if (i + 1 < d) {
                largestOff = Math.max(largestOff, off(i) * off(i));
            }
        }
        double scale = Math.max(Math.abs(low), Math.abs(high));
        tolerance = 4 * Math.ulp(Math.max(scale, Double.MIN_NORMAL));
        low -= tolerance;
        high += tolerance;
        pivotMin = Double.MIN_NORMAL * Math.max(1, largestOff);
    }

    /** The subdiagonal element below row i's diagonal. */
    private double off(int i) {
        return a[(i + 1) * d + i];
    }

    /** The {@code at}-th smallest eigenvalue, by bisection on the count of eigenvalues below a point. */
    private long eigenvalue() {
        double lo = at > 0 ? Math.max(low, eigenvalues[at - 1] - tolerance) : low;
        double hi = high;
        int steps = 0;
        while (hi - lo > tolerance && steps < MAX_BISECTIONS) {
            double mid = 0.5 * (lo + hi);
            if (countBelow(mid) > at) {
                hi = mid;
            } else {
                lo = mid;
            }
            steps++;
        }
        eigenvalues[at] = 0.5 * (lo + hi);
        if (++at == d) {
            finish();
        }
        return (long) (steps + 1) * d;
    }

    /** Sturm count: the eigenvalues of the tridiagonal matrix below x. */
    private int countBelow(double x) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < d; i++) {
            double e2 = i > 0 ? off(i - 1) * off(i - 1) : 0;
            q = a[i * d + i] - x - (i > 0 ? e2 / q : 0);
            if (Math.abs(q) < pivotMin) {
                q = -pivotMin;
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    private void finish() {
        // largest first, as the singular values; the scatter matrix has no negative eigenvalue but by rounding
        double rest = 0;
        for (int i = k; i < d; i++) {
            rest += Math.max(0, eigenvalues[d - 1 - i]);
        }
        error = rest / ((double) n * d);
        next(Stage.DONE);
    }

    private void next(Stage s) {
        stage = s;
        at = 0;
    }
}
