package io.tinynets.engine.layer;

import io.tinynets.engine.Activation;
import io.tinynets.engine.GradientCheck;
import io.tinynets.engine.Param;
import io.tinynets.engine.model.Autoencoder;
import io.tinynets.engine.model.AutoencoderSpec;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What every {@link Layer} promises, checked through the interface alone: its backward is the derivative of its
 * forward (central finite differences), adds into gradients, and can skip the input gradient; and a {@link TiedDense}
 * over W is a {@link Dense} over Wᵀ, number for number.
 */
class LayerContractTest {

    private static final int IN = 3;
    private static final int OUT = 4;
    private static final int BATCH = 5;

    /** A layer under test and every parameter its backward writes into (a tied layer's shared weight included). */
    private record Subject(Layer layer, List<Param> touched) {
    }

    private static Subject dense(Activation f, SplittableRandom rng) {
        Dense layer = new Dense("dense", IN, OUT, f);
        fill(layer.weight().value(), rng);
        fill(layer.bias().value(), rng);
        return new Subject(layer, layer.params());
    }

    private static Subject tied(Activation f, SplittableRandom rng) {
        Param shared = Param.zeros("encoder.weight", IN, OUT); // an encoder OUT → IN, so the tied layer maps IN → OUT
        fill(shared.value(), rng);
        TiedDense layer = new TiedDense("tied", shared, f);
        fill(layer.bias().value(), rng);
        return new Subject(layer, List.of(shared, layer.bias()));
    }

    static Stream<Arguments> layers() {
        List<Arguments> all = new ArrayList<>();
        for (Activation f : Activation.values()) {
            all.add(Arguments.of("Dense", f));
            all.add(Arguments.of("TiedDense", f));
        }
        return all.stream();
    }

    private static Subject make(String kind, Activation f) {
        SplittableRandom rng = new SplittableRandom(17);
        return kind.equals("Dense") ? dense(f, rng) : tied(f, rng);
    }

    /** L = Σ c ⊙ layer(x) for a fixed c, so ∂L/∂y = c. */
    private static double weightedSum(Layer layer, DMatrixRMaj x, DMatrixRMaj c) {
        DMatrixRMaj y = layer.forward(x);
        double s = 0;
        for (int i = 0; i < y.getNumElements(); i++) {
            s += c.data[i] * y.data[i];
        }
        return s;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layers")
    void backwardIsTheDerivativeOfForwardForEveryLayerAndActivation(String kind, Activation f) {
        Subject s = make(kind, f);
        Layer layer = s.layer();
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj x = random(BATCH, layer.inputs(), rng);
        DMatrixRMaj c = random(BATCH, layer.outputs(), rng);
        s.touched().forEach(p -> p.grad().fill(1.0)); // backward must add into the gradients, not overwrite them

        layer.forward(x);
        DMatrixRMaj dx = layer.backward(c).copy();

        for (Param p : s.touched()) {
            double[] added = p.grad().data.clone();
            for (int i = 0; i < added.length; i++) {
                added[i] -= 1.0;
            }
            GradientCheck.assertClose(kind + " " + f + " " + p.name(), added,
                    GradientCheck.numeric(p.value(), () -> weightedSum(layer, x, c)));
        }
        GradientCheck.assertClose(kind + " " + f + " dx", dx.data,
                GradientCheck.numeric(x, () -> weightedSum(layer, x, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layers")
    void skippingTheInputGradientLeavesTheParameterGradientsAsTheyWere(String kind, Activation f) {
        Subject withDx = make(kind, f);
        Subject withoutDx = make(kind, f);
        SplittableRandom rng = new SplittableRandom(8);
        DMatrixRMaj x = random(BATCH, IN, rng);
        DMatrixRMaj c = random(BATCH, OUT, rng);

        withDx.layer().forward(x);
        withDx.layer().backward(c, true);
        withoutDx.layer().forward(x);
        assertNull(withoutDx.layer().backward(c, false));

        for (int i = 0; i < withDx.touched().size(); i++) {
            assertArrayEquals(withDx.touched().get(i).grad().data, withoutDx.touched().get(i).grad().data, 0);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("layers")
    void aTiedLayerOverWIsADenseLayerOverWTransposedBitForBit(String ignored, Activation f) {
        SplittableRandom rng = new SplittableRandom(23);
        Param shared = Param.zeros("encoder.weight", IN, OUT);
        fill(shared.value(), rng);
        TiedDense tied = new TiedDense("tied", shared, f);
        fill(tied.bias().value(), rng);
        Dense dense = new Dense("dense", IN, OUT, f);
        transpose(shared.value(), dense.weight().value());
        dense.bias().value().setTo(tied.bias().value());
        DMatrixRMaj x = random(BATCH, IN, rng);
        DMatrixRMaj dy = random(BATCH, OUT, rng);

        assertArrayEquals(dense.forward(x).data, tied.forward(x).data, 0, "y");
        assertArrayEquals(dense.preActivation().data, tied.preActivation().data, 0, "z");
        assertArrayEquals(dense.backward(dy).data, tied.backward(dy).data, 0, "dx");
        assertArrayEquals(dense.bias().grad().data, tied.bias().grad().data, 0, "db");
        DMatrixRMaj denseDw = new DMatrixRMaj(IN, OUT);
        transpose(dense.weight().grad(), denseDw);
        assertArrayEquals(denseDw.data, shared.grad().data, 0, "dW");
        // the fused path (a sigmoid output under binary cross-entropy) goes through the same products
        assertArrayEquals(dense.backwardFromPreActivation(dy, true).data,
                tied.backwardFromPreActivation(dy, true).data, 0, "dx from dz");
    }

    @Test
    void aTiedLayerListsOnlyItsBiasAndAModelNamesEveryParameterOnce() {
        Param shared = Param.zeros("encoder.weight", IN, OUT);
        TiedDense tied = new TiedDense("decoder.0", shared, Activation.TANH);
        assertEquals(List.of(tied.bias()), tied.params());
        assertSame(shared, tied.sharedWeight());
        assertEquals(IN, tied.inputs());
        assertEquals(OUT, tied.outputs());

        Autoencoder ae = new Autoencoder(new AutoencoderSpec(new int[]{6, 4, 2}, Activation.TANH,
                Activation.SIGMOID, true), new SplittableRandom(1));
        Set<Param> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(ae.params());
        assertEquals(ae.params().size(), distinct.size());
        // encoder weight and bias per layer, then one bias per tied decoder layer
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.1.weight", "encoder.1.bias",
                "decoder.0.bias", "decoder.1.bias"), ae.params().stream().map(Param::name).toList());
    }

    private static void transpose(DMatrixRMaj src, DMatrixRMaj dst) {
        for (int r = 0; r < src.numRows; r++) {
            for (int c = 0; c < src.numCols; c++) {
                dst.set(c, r, src.get(r, c));
            }
        }
    }

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        fill(m, rng);
        return m;
    }

    private static void fill(DMatrixRMaj m, SplittableRandom rng) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = rng.nextDouble(-1.5, 1.5);
        }
    }
}
