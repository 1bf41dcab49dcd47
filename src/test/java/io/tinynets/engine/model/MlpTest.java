package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.GradientCheck;
import io.tinynets.engine.Param;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.optim.GradientClipping;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.Regularization;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpTest {

    private static final DMatrixRMaj XOR_X = new DMatrixRMaj(4, 2, true, 0, 0, 0, 1, 1, 0, 1, 1);
    private static final DMatrixRMaj XOR_T = new DMatrixRMaj(4, 1, true, -1, 1, 1, -1);

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(-1, 1);
        }
        return m;
    }

    @Test
    void handComputedTwoTwoOneForwardAndBackward() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{2}, Activation.TANH, 1, Activation.LINEAR, Initializer.ZEROS),
                new SplittableRandom(0));
        {
            mlp.layers().get(0).weight().value().setTo(new DMatrixRMaj(2, 2, true, 0.1, 0.2, 0.3, 0.4));
            mlp.layers().get(0).bias().value().setTo(new DMatrixRMaj(1, 2, true, 0.5, -0.5));
            mlp.layers().get(1).weight().value().setTo(new DMatrixRMaj(1, 2, true, 0.6, -0.7));
            mlp.layers().get(1).bias().value().set(0, 0, 0.1);
        }
        DMatrixRMaj x = new DMatrixRMaj(1, 2, true, 1, 2);
        DMatrixRMaj t = new DMatrixRMaj(1, 1, true, 1);
        // z1 = (1.0, 0.6); h = tanh z1; o = 0.6 h1 − 0.7 h2 + 0.1; L = ½(o − 1)²
        double loss = mlp.computeGradients(x, t, Loss.SQUARED_ERROR);
        assertEquals(0.3353626487608583, loss, 1e-15);
        assertEquals(0.18102179667483417, mlp.forward(x).get(0, 0), 1e-15);
        // ∂L/∂o = o − 1; ∂L/∂W2 = (o − 1)·h; ∂L/∂z1 = (o − 1)·W2 ⊙ (1 − h²); ∂L/∂W1 = ∂L/∂z1ᵀ·x
        assertArrayEquals(new double[]{-0.6237290135075985, -0.4398318894766093},
                mlp.layers().get(1).weight().grad().data, 1e-15);
        assertEquals(-0.8189782033251658, mlp.layers().get(1).bias().grad().get(0, 0), 1e-15);
        assertArrayEquals(new double[]{-0.20636989904263472, -0.41273979808526945, 0.4079366742708775,
                0.815873348541755}, mlp.layers().get(0).weight().grad().data, 1e-15);
        assertArrayEquals(new double[]{-0.20636989904263472, 0.4079366742708775},
                mlp.layers().get(0).bias().grad().data, 1e-15);
    }

    private static void assertNetworkGradientsMatch(MlpSpec spec, Loss loss, DMatrixRMaj t, Regularization reg) {
        SplittableRandom rng = new SplittableRandom(3);
        Mlp mlp = new Mlp(spec, rng);
        for (Param p : mlp.params()) { // non-zero biases too
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] = rng.nextDouble(-1, 1);
            }
        }
        DMatrixRMaj x = random(t.numRows, spec.inputs(), rng);
        mlp.computeGradients(x, t, loss);
        reg.addGradient(mlp.weights());
        for (Param p : mlp.params()) {
            double[] analytic = p.grad().data.clone();
            double[] numeric = GradientCheck.numeric(p.value(),
                    () -> mlp.loss(x, t, loss) + reg.penalty(mlp.weights()));
            GradientCheck.assertClose(loss.key() + " " + p.name(), analytic, numeric);
        }
    }

    @Test
    void squaredErrorNetworkGradientsMatchFiniteDifferences() {
        MlpSpec spec = new MlpSpec(3, List.of(4, 3), List.of(Activation.TANH, Activation.SIGMOID), 2,
                Activation.TANH, Initializer.XAVIER);
        assertNetworkGradientsMatch(spec, Loss.SQUARED_ERROR, random(5, 2, new SplittableRandom(4)),
                Regularization.l2(0.01));
    }

    @Test
    void fusedBinaryCrossEntropyNetworkGradientsMatchFiniteDifferences() {
        MlpSpec spec = MlpSpec.of(2, new int[]{3}, Activation.ELU, 1, Activation.SIGMOID, Initializer.HE);
        assertNetworkGradientsMatch(spec, Loss.BINARY_CROSS_ENTROPY, new DMatrixRMaj(4, 1, true, 0, 1, 1, 0),
                Regularization.l1(0.02));
    }

    @Test
    void softmaxNetworkGradientsMatchFiniteDifferences() {
        MlpSpec spec = MlpSpec.of(2, new int[]{4}, Activation.GELU, 3, Activation.LINEAR, Initializer.XAVIER);
        assertNetworkGradientsMatch(spec, Loss.SOFTMAX_CROSS_ENTROPY, new DMatrixRMaj(4, 1, true, 0, 2, 1, 2),
                Regularization.NONE);
    }

    @Test
    void linearStackEqualsItsEquivalentMatrix() {
        Mlp mlp = new Mlp(MlpSpec.of(3, new int[]{5, 4, 6}, Activation.LINEAR, 2, Activation.LINEAR,
                Initializer.XAVIER), new SplittableRandom(11));
        for (Param p : mlp.params()) {
            if (p.name().endsWith("bias")) {
                p.value().data[0] = 0.3;
            }
        }
        DMatrixRMaj x = random(7, 3, new SplittableRandom(12));
        DMatrixRMaj y = mlp.forward(x).copy();
        LinearEquivalent eq = mlp.equivalentLinear();
        assertEquals(2, eq.weight().numRows);
        assertEquals(3, eq.weight().numCols);
        for (int r = 0; r < 7; r++) {
            for (int j = 0; j < 2; j++) {
                double s = eq.bias().get(0, j);
                for (int k = 0; k < 3; k++) {
                    s += x.get(r, k) * eq.weight().get(j, k);
                }
                assertEquals(y.get(r, j), s, 1e-12);
            }
        }
    }

    @Test
    void equivalentLinearRefusesANonLinearNetwork() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{2}, Activation.RELU, 1, Activation.LINEAR, Initializer.HE),
                new SplittableRandom(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, mlp::equivalentLinear);
        assertEquals("layer layer0 uses relu: only an all-linear network collapses to one matrix", e.getMessage());
    }

    private static double xorAccuracy(MlpSpec spec, long seed) {
        Mlp mlp = new Mlp(spec, new SplittableRandom(seed));
        Optimizer opt = OptimizerConfig.of(OptimizerKind.SGD, 0.1).create();
        for (int i = 0; i < 3000; i++) {
            mlp.trainStep(XOR_X, XOR_T, Loss.SQUARED_ERROR, opt);
        }
        DMatrixRMaj out = mlp.forward(XOR_X);
        int correct = 0;
        for (int r = 0; r < 4; r++) {
            if (Math.signum(out.get(r, 0)) == XOR_T.get(r, 0)) {
                correct++;
            }
        }
        return correct / 4.0;
    }

    @Test
    void xorIsNotLearnableByAnAllLinearNetwork() {
        for (long seed = 0; seed < 5; seed++) {
            assertTrue(xorAccuracy(MlpSpec.of(2, new int[]{4, 4}, Activation.LINEAR, 1, Activation.LINEAR,
                    Initializer.XAVIER), seed) <= 0.75);
        }
    }

    @Test
    void xorIsLearnedByTwoFourOneTanh() {
        assertEquals(1.0, xorAccuracy(MlpSpec.of(2, new int[]{4}, Activation.TANH, 1, Activation.TANH,
                Initializer.XAVIER), 1));
    }

    @Test
    void oneSeedGivesIdenticalParametersAfterAThousandSteps() {
        double[][] first = trainedParams(42);
        double[][] second = trainedParams(42);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i], 0);
        }
        assertFalse(java.util.Arrays.equals(first[0], trainedParams(43)[0]));
    }

    private static double[][] trainedParams(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{8, 8}, Activation.TANH, 1, Activation.TANH, Initializer.XAVIER),
                rng);
        DMatrixRMaj x = random(100, 2, rng);
        DMatrixRMaj t = new DMatrixRMaj(100, 1);
        for (int r = 0; r < 100; r++) {
            t.data[r] = x.get(r, 0) * x.get(r, 1) > 0 ? 1 : -1;
        }
        MlpTrainer trainer = new MlpTrainer(mlp, Loss.SQUARED_ERROR,
                OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create(), 10, true, rng);
        trainer.setData(x, t);
        for (int i = 0; i < 1000; i++) {
            trainer.step();
        }
        assertEquals(100, trainer.epochs());
        return mlp.params().stream().map(p -> p.value().data.clone()).toArray(double[][]::new);
    }

    @Test
    void aDivergingStepReportsNonFiniteInsteadOfContinuing() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{4}, Activation.RELU, 1, Activation.LINEAR, Initializer.HE),
                new SplittableRandom(5));
        Optimizer opt = OptimizerConfig.of(OptimizerKind.SGD, 1000).create();
        DMatrixRMaj x = new DMatrixRMaj(2, 2, true, 10, 10, -10, 5);
        DMatrixRMaj t = new DMatrixRMaj(2, 1, true, 100, -100);
        StepReport report = null;
        for (int i = 0; i < 100 && (report == null || report.finite()); i++) {
            report = mlp.trainStep(x, t, Loss.SQUARED_ERROR, opt);
        }
        assertTrue(report.diverged());
        assertFalse(mlp.parametersFinite() && Double.isFinite(report.loss()));
    }

    /** A 2-3-1 network with hand-set weights 0.1 … 0.9 (signs alternating) and biases of 1, which no penalty counts. */
    private static Mlp handSetTwoThreeOne() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{3}, Activation.TANH, 1, Activation.TANH, Initializer.ZEROS),
                new SplittableRandom(9));
        mlp.layers().get(0).weight().value().setTo(new DMatrixRMaj(3, 2, true, 0.1, -0.2, 0.3, -0.4, 0.5, -0.6));
        mlp.layers().get(1).weight().value().setTo(new DMatrixRMaj(1, 3, true, 0.7, -0.8, 0.9));
        mlp.layers().get(0).bias().value().fill(1.0);
        mlp.layers().get(1).bias().value().fill(1.0);
        return mlp;
    }

    @Test
    void thePenaltyOfAStepIsTheHandComputedOneOnTheWeightsOnly() {
        // L2: λ·½Σw² = 0.5 · ½ · (0.01 + 0.04 + 0.09 + 0.16 + 0.25 + 0.36 + 0.49 + 0.64 + 0.81) = 0.25 · 2.85
        Mlp mlp = handSetTwoThreeOne();
        double dataLoss = mlp.loss(XOR_X, XOR_T, Loss.SQUARED_ERROR);
        StepReport l2 = mlp.trainStep(XOR_X, XOR_T, Loss.SQUARED_ERROR,
                OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(), Regularization.l2(0.5), GradientClipping.NONE);
        assertEquals(0.7125, l2.penalty(), 1e-12);
        assertEquals(dataLoss, l2.dataLoss(), 1e-12);
        assertEquals(dataLoss + 0.7125, l2.loss(), 1e-12);

        // L1: λ·Σ|w| = 0.2 · (0.1 + 0.2 + … + 0.9) = 0.2 · 4.5
        mlp = handSetTwoThreeOne();
        StepReport l1 = mlp.trainStep(XOR_X, XOR_T, Loss.SQUARED_ERROR,
                OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(), Regularization.l1(0.2), GradientClipping.NONE);
        assertEquals(0.9, l1.penalty(), 1e-12);
        assertEquals(dataLoss + 0.9, l1.loss(), 1e-12);

        // and none without regularization
        mlp = handSetTwoThreeOne();
        assertEquals(0.0, mlp.trainStep(XOR_X, XOR_T, Loss.SQUARED_ERROR,
                OptimizerConfig.of(OptimizerKind.SGD, 0.1).create()).penalty());
    }

    @Test
    void clippingLimitsTheGradientNormWithinAStep() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{3}, Activation.TANH, 1, Activation.TANH, Initializer.XAVIER),
                new SplittableRandom(9));
        mlp.trainStep(XOR_X, XOR_T, Loss.SQUARED_ERROR, OptimizerConfig.of(OptimizerKind.SGD, 0.1).create(),
                Regularization.l2(0.5), new GradientClipping(1e-3));
        assertEquals(1e-3, GradientClipping.globalNorm(mlp.params()), 1e-12);
    }

    @Test
    void deadReluUnitsAreCountedPerLayer() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{3}, Activation.RELU, 1, Activation.LINEAR, Initializer.ZEROS),
                new SplittableRandom(1));
        DMatrixRMaj w = mlp.layers().get(0).weight().value();
        w.set(0, 0, 1);          // unit 0 alive for x1 > 0
        mlp.layers().get(0).bias().value().set(0, 1, -5); // unit 1 dead on this data
        w.set(2, 1, 1);          // unit 2 alive for x2 > 0
        DMatrixRMaj x = new DMatrixRMaj(2, 2, true, 1, 0, 0, 1);
        assertArrayEquals(new int[]{1, 1}, mlp.deadUnitCounts(x)); // output weight is zero → output dead too
    }

    @Test
    void gridHasOutputOverThePlaneAndEveryHiddenUnit() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{2}, Activation.LINEAR, 1, Activation.LINEAR, Initializer.ZEROS),
                new SplittableRandom(1));
        mlp.layers().get(0).weight().value().set(0, 0, 1); // h0 = x1
        mlp.layers().get(0).weight().value().set(1, 1, 1); // h1 = x2
        mlp.layers().get(1).weight().value().setTo(new DMatrixRMaj(1, 2, true, 1, 1)); // o = x1 + x2
        UnitGrids grids = mlp.unitGrids(3, -1, 1, -2, 2, InputMapping.RAW);
        // cell = row·n + col; col along x1 ∈ {−1, 0, 1}, row along x2 ∈ {−2, 0, 2}
        assertArrayEquals(new double[]{-1, 0, 1, -1, 0, 1, -1, 0, 1}, grids.values()[0][0], 0);
        assertArrayEquals(new double[]{-2, -2, -2, 0, 0, 0, 2, 2, 2}, grids.values()[0][1], 0);
        assertArrayEquals(new double[]{-3, -2, -1, -1, 0, 1, 1, 2, 3}, grids.output()[0], 0);
        assertArrayEquals(grids.output()[0], mlp.outputGrid(3, -1, 1, -2, 2, InputMapping.RAW)[0], 0);
    }

    @Test
    void traceCopiesEveryLayersPreActivationsAndActivations() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{4, 3}, Activation.RELU, 1, Activation.SIGMOID,
                Initializer.HE), new SplittableRandom(2));
        DMatrixRMaj x = random(6, 2, new SplittableRandom(3));
        LayerTrace trace = mlp.trace(x);
        assertEquals(3, trace.activations().size());
        assertEquals(6, trace.preActivations().get(1).numRows);
        assertEquals(3, trace.activations().get(1).numCols);
        for (int i = 0; i < 6 * 4; i++) {
            assertEquals(Math.max(0, trace.preActivations().get(0).data[i]), trace.activations().get(0).data[i]);
        }
        mlp.computeGradients(x, new DMatrixRMaj(6, 1), Loss.BINARY_CROSS_ENTROPY);
        double[] norms = mlp.layerGradientNorms();
        assertEquals(3, norms.length);
        assertTrue(norms[2] > 0);
    }

    @Test
    void depthRangesFromZeroToThirty() {
        Mlp logistic = new Mlp(MlpSpec.of(2, new int[0], Activation.TANH, 1, Activation.SIGMOID,
                Initializer.XAVIER), new SplittableRandom(1));
        assertEquals(1, logistic.layers().size());
        assertEquals(3, logistic.parameterCount());
        int[] deep = new int[30];
        java.util.Arrays.fill(deep, 64);
        Mlp big = new Mlp(MlpSpec.of(2, deep, Activation.RELU, 1, Activation.LINEAR, Initializer.HE),
                new SplittableRandom(1));
        assertEquals(31, big.layers().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpSpec.of(2, new int[31], Activation.RELU, 1, Activation.LINEAR, Initializer.HE));
        assertEquals("hidden layers must be in 0..30, was 31", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlpSpec.of(2, new int[]{65}, Activation.RELU, 1,
                Activation.LINEAR, Initializer.HE));
        assertThrows(IllegalArgumentException.class, () -> new MlpSpec(2, List.of(3), Collections.emptyList(), 1,
                Activation.LINEAR, Initializer.HE));
    }

    @Test
    void aLossThatDoesNotFitTheOutputLayerIsExplained() {
        Mlp mlp = new Mlp(MlpSpec.of(2, new int[]{2}, Activation.TANH, 1, Activation.TANH, Initializer.XAVIER),
                new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.computeGradients(XOR_X, XOR_T, Loss.BINARY_CROSS_ENTROPY));
        assertEquals("binary_cross_entropy needs a sigmoid output activation, got tanh", e.getMessage());
    }
}
