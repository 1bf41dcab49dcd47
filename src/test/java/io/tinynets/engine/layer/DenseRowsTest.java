package io.tinynets.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An affine layer's forward and backward row range by row range give the whole-batch results bit for bit: a
 * {@link Dense}, and a {@link TiedDense} (the same row ranges of {@link AffineLayer} over its own loops).
 */
class DenseRowsTest {

    private static Dense layer(Activation activation) {
        Dense d = new Dense("fc", 5, 4, activation);
        fill(d.params());
        return d;
    }

    /** A tied layer 5 → 4 over its own 5 × 4 weight, and that weight (which its backward writes into). */
    private static TiedDense tied(Activation activation) {
        Param shared = Param.zeros("encoder.weight", 5, 4);
        TiedDense d = new TiedDense("tied", shared, activation);
        fill(java.util.List.of(shared, d.bias()));
        return d;
    }

    private static void fill(java.util.List<Param> params) {
        SplittableRandom r = new SplittableRandom(1);
        for (Param p : params) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] = r.nextDouble(-1, 1);
            }
        }
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextDouble(-2, 2);
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "LINEAR", "RELU", "SIGMOID", "GELU"})
    void rowRangesAreTheWholeBatch(Activation activation) {
        DMatrixRMaj x = random(13, 5, 2);
        DMatrixRMaj dOut = random(13, 4, 3);
        Dense whole = layer(activation);
        Dense pieces = layer(activation);

        double[] y = whole.forward(x).data.clone();
        double[] dx = whole.backward(dOut, true).data.clone();

        pieces.beginForward(x);
        for (int from = 0; from < 13; from += 4) {
            pieces.forwardRows(from, Math.min(13, from + 4));
        }
        assertThat(pieces.output().data).containsExactly(y);
        DMatrixRMaj dInput = null;
        for (int from = 0; from < 13; from += 3) {
            dInput = pieces.backwardRows(dOut, from, Math.min(13, from + 3), true);
        }
        assertThat(dInput.data).containsExactly(dx);
        for (int i = 0; i < whole.params().size(); i++) {
            assertThat(pieces.params().get(i).grad().data).containsExactly(whole.params().get(i).grad().data);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "LINEAR", "RELU", "SIGMOID", "GELU"})
    void aTiedLayersRowRangesAreTheWholeBatch(Activation activation) {
        DMatrixRMaj x = random(13, 5, 2);
        DMatrixRMaj dOut = random(13, 4, 3);
        TiedDense whole = tied(activation);
        TiedDense pieces = tied(activation);

        double[] y = whole.forward(x).data.clone();
        double[] dx = whole.backward(dOut, true).data.clone();

        pieces.beginForward(x);
        for (int from = 0; from < 13; from += 5) {
            pieces.forwardRows(from, Math.min(13, from + 5));
        }
        assertThat(pieces.output().data).containsExactly(y);
        DMatrixRMaj dInput = null;
        for (int from = 0; from < 13; from += 2) {
            dInput = pieces.backwardRows(dOut, from, Math.min(13, from + 2), true);
        }
        assertThat(dInput.data).containsExactly(dx);
        assertThat(pieces.sharedWeight().grad().data).containsExactly(whole.sharedWeight().grad().data);
        assertThat(pieces.bias().grad().data).containsExactly(whole.bias().grad().data);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH"})
    void rowsOutsideTheBatchAreRefused(Activation activation) {
        Dense d = layer(activation);
        assertThatThrownBy(() -> d.forwardRows(0, 1)).isInstanceOf(IllegalStateException.class);
        d.beginForward(random(3, 5, 1));
        assertThatThrownBy(() -> d.forwardRows(2, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0..3");
    }
}
