package io.tinynets.engine.recurrent;

/**
 * The small dense kernels of the recurrent cells, on raw row-major arrays.
 *
 * <p>Why this shape: C2 vectorises a loop {@code dst[j] += Σ a_m · src_m[j]} over contiguous j. A plain axpy
 * ({@code dst[j] += a · src[j]}) loads and stores {@code dst} once per multiply-add, which bounds it by memory traffic;
 * folding four source rows into each pass loads and stores {@code dst} once per four multiply-adds, about three times
 * faster on these 16 × 64 products. The products are still added one at a time in the order of the coefficients, so
 * the results are bit for bit those of the plain axpy loops (training runs stay reproducible across this change).
 */
final class RowKernels {

    private RowKernels() {
    }

    /**
     * dst[dOff + j] += Σ_{m &lt; n} coef[cOff + m·cStride] · src[sOff + m·sStride + j] for j &lt; len: a vector–matrix
     * product with the matrix given by rows. Blocks of four coefficients that are all zero are skipped (a zero
     * initial state, or one-hot codes).
     */
    static void addWeightedRows(double[] coef, int cOff, int cStride, int n, double[] src, int sOff, int sStride,
                                double[] dst, int dOff, int len) {
        int m = 0;
        for (; m + 3 < n; m += 4) {
            int c = cOff + m * cStride;
            double a0 = coef[c];
            double a1 = coef[c + cStride];
            double a2 = coef[c + 2 * cStride];
            double a3 = coef[c + 3 * cStride];
            if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0) {
                continue;
            }
            int s0 = sOff + m * sStride;
            int s1 = s0 + sStride;
            int s2 = s1 + sStride;
            int s3 = s2 + sStride;
            for (int j = 0; j < len; j++) {
                // added one product at a time, in order: bit for bit what four axpys give
                double v = dst[dOff + j];
                v += a0 * src[s0 + j];
                v += a1 * src[s1 + j];
                v += a2 * src[s2 + j];
                v += a3 * src[s3 + j];
                dst[dOff + j] = v;
            }
        }
        for (; m < n; m++) {
            double a = coef[cOff + m * cStride];
            if (a != 0.0) {
                int s = sOff + m * sStride;
                for (int j = 0; j < len; j++) {
                    dst[dOff + j] += a * src[s + j];
                }
            }
        }
    }

    /** dst[dOff + j] += a · src[sOff + j] for j &lt; n. */
    static void axpy(double a, double[] src, int sOff, double[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] += a * src[sOff + i];
        }
    }
}
