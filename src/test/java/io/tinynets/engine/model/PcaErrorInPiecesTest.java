package io.tinynets.engine.model;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** PCA's error in pieces is the SVD's to rounding, and no piece does more than its share of work. */
class PcaErrorInPiecesTest {

    /** Points on the line y = 2x in 2D: one component explains everything. */
    private static final DMatrixRMaj LINE = new DMatrixRMaj(4, 2, true, 0, 0, 1, 2, 2, 4, 3, 6);

    @Test
    void theMeanVarianceAtZeroComponentsAndNothingLeftOnTheLine() {
        assertThat(PcaErrorInPieces.error(LINE, 0)).isCloseTo(25.0 / 8, within(1e-12));
        assertThat(PcaErrorInPieces.error(LINE, 1)).isCloseTo(0.0, within(1e-12));
        assertThat(PcaErrorInPieces.error(LINE, 2)).isCloseTo(0.0, within(1e-12));
    }

    /** Pixel-like data: correlated columns in 0..1, as many rows as features or fewer (then most eigenvalues are 0). */
    @ParameterizedTest
    @CsvSource({"2000, 256, 32", "2000, 256, 1", "100, 256, 2", "300, 64, 16", "50, 3, 1", "7, 1, 0", "200, 2, 1"})
    void equalsTheSvdsErrorToRounding(int rows, int features, int k) {
        DMatrixRMaj data = pixels(rows, features, 3);
        double svd = AutoencoderPca.fit(data).reconstructionError(k);
        PcaErrorInPieces pieces = new PcaErrorInPieces(data, k);
        int count = 0;
        boolean done;
        do {
            done = pieces.step();
            count++;
            assertThat(pieces.lastPieceWork()).isPositive().isLessThanOrEqualTo(PcaErrorInPieces.WORK_PER_PIECE);
        } while (!done);
        assertThat(pieces.error()).isCloseTo(svd, within(1e-12 * Math.max(svd, 1e-3)));
        if (features == 256 && rows == 2000) {
            // the scatter matrix alone is 2000 rows of 32 896 multiply-adds: many pieces, not one of 100 ms
            assertThat(count).isGreaterThan(100);
        }
    }

    @Test
    void repeatedEigenvaluesAreEachCounted() {
        // two identical, independent blocks: every eigenvalue comes twice
        DMatrixRMaj half = pixels(400, 20, 9);
        DMatrixRMaj data = new DMatrixRMaj(800, 40);
        for (int r = 0; r < 400; r++) {
            for (int c = 0; c < 20; c++) {
                data.set(r, c, half.get(r, c));
                data.set(400 + r, 20 + c, half.get(r, c));
            }
        }
        for (int k : new int[] {0, 1, 2, 3, 10, 39, 40}) {
            double svd = AutoencoderPca.fit(data).reconstructionError(k);
            assertThat(PcaErrorInPieces.error(data, k)).as("k=" + k).isCloseTo(svd, within(1e-12));
        }
    }

    @Test
    void theErrorIsUnknownUntilTheLastPiece() {
        PcaErrorInPieces pieces = new PcaErrorInPieces(pixels(500, 64, 1), 4);
        assertThat(pieces.step()).isFalse();
        assertThat(pieces.error()).isNaN();
    }

    @Test
    void refusesTooLittleDataAndAKOutsideTheFeatures() {
        assertThatThrownBy(() -> new PcaErrorInPieces(new DMatrixRMaj(1, 3), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcaErrorInPieces(LINE, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be in 0..2, was 3");
    }

    private static DMatrixRMaj pixels(int rows, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int factors = Math.max(1, features / 8);
        double[][] basis = new double[factors][features];
        for (double[] b : basis) {
            for (int c = 0; c < features; c++) {
                b[c] = rng.nextDouble();
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, features);
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < factors; f++) {
                double w = rng.nextDouble() / factors;
                for (int c = 0; c < features; c++) {
                    m.data[r * features + c] += w * basis[f][c];
                }
            }
            for (int c = 0; c < features; c++) {
                m.data[r * features + c] += 0.05 * rng.nextDouble();
            }
        }
        return m;
    }
}
