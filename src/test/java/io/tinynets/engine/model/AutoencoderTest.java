package io.tinynets.engine.model;

import io.tinynets.data.images.ImageSet;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.GradientCheck;
import io.tinynets.engine.Param;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutoencoderTest {

    @Test
    void decoderMirrorsTheEncoderSizes() {
        AutoencoderSpec spec = new AutoencoderSpec(new int[]{64, 16, 2}, Activation.TANH, Activation.SIGMOID, false);
        assertArrayEquals(new int[]{64, 16, 2, 16, 64}, spec.layerSizes());
        assertEquals(32.0, spec.compressionRatio());
        Autoencoder ae = new Autoencoder(spec, new SplittableRandom(1));
        // encoder 64·16+16 + 16·2+2, decoder 2·16+16 + 16·64+64
        assertEquals(1040 + 34 + 48 + 1088, ae.parameterCount());
        assertEquals(64, ae.forward(new DMatrixRMaj(3, 64)).numCols);
    }

    @Test
    void tiedWeightsShareTheEncoderWeightsAndKeepOnlyDecoderBiases() {
        AutoencoderSpec spec = new AutoencoderSpec(new int[]{64, 16, 2}, Activation.TANH, Activation.SIGMOID, true);
        Autoencoder ae = new Autoencoder(spec, new SplittableRandom(1));
        assertEquals(1040 + 34 + 16 + 64, ae.parameterCount());
    }

    @ParameterizedTest(name = "tied={0}, loss={1}, act={2}")
    @CsvSource({"false, MSE, TANH, SIGMOID", "true, MSE, TANH, SIGMOID", "false, BINARY_CROSS_ENTROPY, RELU, SIGMOID",
            "true, BINARY_CROSS_ENTROPY, SIGMOID, SIGMOID", "true, MSE, LINEAR, LINEAR"})
    void gradientsMatchFiniteDifferences(boolean tied, AutoencoderLoss lossKind, Activation f, Activation out) {
        SplittableRandom rng = new SplittableRandom(11);
        AutoencoderSpec spec = new AutoencoderSpec(new int[]{6, 4, 3}, f, out, tied);
        Autoencoder ae = new Autoencoder(spec, rng);
        for (Param p : ae.params()) { // non-zero biases so every path is exercised
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += rng.nextDouble(-0.3, 0.3);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(4, 6);
        DMatrixRMaj target = new DMatrixRMaj(4, 6);
        for (int i = 0; i < 24; i++) {
            x.data[i] = rng.nextDouble();
            target.data[i] = rng.nextDouble();
        }
        ae.params().forEach(Param::zeroGrad);
        ae.computeGradients(x, target, lossKind);
        for (Param p : ae.params()) {
            double[] analytic = p.grad().data.clone();
            double[] numeric = GradientCheck.numeric(p.value(), () -> ae.loss(x, target, lossKind));
            GradientCheck.assertClose(p.name(), analytic, numeric);
        }
    }

    @Test
    void binaryCrossEntropyNeedsASigmoidOutput() {
        Autoencoder ae = new Autoencoder(new AutoencoderSpec(new int[]{4, 2}, Activation.TANH, Activation.LINEAR,
                false), new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ae.computeGradients(new DMatrixRMaj(1, 4), new DMatrixRMaj(1, 4),
                        AutoencoderLoss.BINARY_CROSS_ENTROPY));
        assertTrue(e.getMessage().contains("sigmoid"), e.getMessage());
    }

    @Test
    void bottleneckOutsideOneToThirtyTwoIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AutoencoderSpec(new int[]{64, 33}, Activation.TANH, Activation.SIGMOID, false));
        assertEquals("bottleneck must be in 1..32, was 33", e.getMessage());
    }

    @Test
    void linearAutoencoderReachesPcaErrorAtTheSameBottleneck() {
        ImageSet digits = ImageSetKind.DIGITS_8.generate(400, new SplittableRandom(5));
        int k = 4;
        double pca = AutoencoderPca.fit(digits.samples()).reconstructionError(k);
        AutoencoderSpec spec = new AutoencoderSpec(new int[]{64, k}, Activation.LINEAR, Activation.LINEAR, false);
        Autoencoder ae = new Autoencoder(spec, new SplittableRandom(7));
        train(ae, digits.samples(), AutoencoderNoise.NONE, OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create(),
                150, new SplittableRandom(9));
        double error = ae.loss(digits.samples(), digits.samples(), AutoencoderLoss.MSE);
        assertTrue(error >= pca * 0.999, "no linear code can beat PCA: " + error + " < " + pca);
        assertTrue(error <= pca * 1.10, "linear autoencoder error " + error + " should be within 10% of PCA " + pca);
    }

    @Test
    void denoisingReconstructionIsCloserToTheCleanImageThanTheNoisyInput() {
        SplittableRandom rng = new SplittableRandom(21);
        ImageSet digits = ImageSetKind.DIGITS_8.generate(400, rng);
        AutoencoderNoise noise = AutoencoderNoise.gaussian(0.3);
        AutoencoderSpec spec = new AutoencoderSpec(new int[]{64, 32, 8}, Activation.TANH, Activation.SIGMOID, false);
        Autoencoder ae = new Autoencoder(spec, rng);
        train(ae, digits.samples(), noise, OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create(), 60, rng);

        ImageSet test = ImageSetKind.DIGITS_8.generate(200, rng);
        DMatrixRMaj noisy = new DMatrixRMaj(1, 1);
        noise.apply(test.samples(), noisy, rng);
        double inputError = AutoencoderLoss.MSE.value(null, noisy, test.samples());
        double reconstructionError = ae.loss(noisy, test.samples(), AutoencoderLoss.MSE);
        assertTrue(reconstructionError < 0.5 * inputError, "reconstruction " + reconstructionError
                + " should be well below the noisy input's error " + inputError);
    }

    @Test
    void maskingSetsAboutTheChosenFractionToZeroAndKeepsTheRest() {
        DMatrixRMaj clean = new DMatrixRMaj(100, 50);
        clean.fill(0.7);
        DMatrixRMaj noisy = new DMatrixRMaj(1, 1);
        AutoencoderNoise.mask(0.3).apply(clean, noisy, new SplittableRandom(2));
        int zeros = 0;
        for (double v : noisy.data) {
            assertTrue(v == 0.0 || v == 0.7);
            zeros += v == 0.0 ? 1 : 0;
        }
        assertEquals(0.3, zeros / 5000.0, 0.03);
        assertEquals(0.7, clean.get(0, 0), "the clean input must stay untouched");
    }

    @Test
    void copyDecodesLikeTheOriginal() {
        Autoencoder ae = new Autoencoder(new AutoencoderSpec(new int[]{9, 5, 2}, Activation.TANH, Activation.SIGMOID,
                true), new SplittableRandom(4));
        DMatrixRMaj code = new DMatrixRMaj(1, 2, true, 0.3, -0.6);
        assertArrayEquals(ae.decode(code).data.clone(), ae.copy().decode(code).data, 0.0);
    }

    @ParameterizedTest(name = "tied {0}")
    @ValueSource(booleans = {false, true})
    void aCopyIsIndependentOfItsOriginal(boolean tied) {
        Autoencoder original = new Autoencoder(new AutoencoderSpec(new int[]{9, 5, 2}, Activation.TANH,
                Activation.SIGMOID, tied), new SplittableRandom(4));
        DMatrixRMaj x = new DMatrixRMaj(6, 9);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextDouble();
        }
        double[] before = original.forward(x).data.clone();
        Autoencoder copy = original.copy();
        assertNotSame(original, copy);
        assertEquals(original.params().size(), copy.params().size());
        for (int i = 0; i < copy.params().size(); i++) {
            assertNotSame(original.params().get(i).value(), copy.params().get(i).value(), "param " + i);
            assertArrayEquals(original.params().get(i).value().data, copy.params().get(i).value().data, 0.0);
        }
        assertArrayEquals(before, copy.forward(x).data.clone(), 0.0);

        // training the original leaves the copy as it was
        Optimizer adam = OptimizerConfig.of(OptimizerKind.ADAM, 0.05).create();
        for (int step = 0; step < 20; step++) {
            original.trainStep(x, x, AutoencoderLoss.MSE, adam);
        }
        double[] trained = original.forward(x).data.clone();
        assertFalse(java.util.Arrays.equals(before, trained), "training changed the original");
        assertArrayEquals(before, copy.forward(x).data.clone(), 0.0);

        // and changing the copy leaves the original as it is now
        for (var p : copy.params()) {
            p.value().fill(0.25);
        }
        assertArrayEquals(trained, original.forward(x).data.clone(), 0.0);
        assertFalse(java.util.Arrays.equals(trained, copy.forward(x).data.clone()));
    }

    /** Plain mini-batch training for the tests, batch 32, shuffled by {@code rng}. */
    static void train(Autoencoder ae, DMatrixRMaj data, AutoencoderNoise noise, Optimizer optimizer, int epochs,
                      SplittableRandom rng) {
        int n = data.numRows;
        int d = data.numCols;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        DMatrixRMaj clean = new DMatrixRMaj(1, 1);
        DMatrixRMaj input = new DMatrixRMaj(1, 1);
        for (int e = 0; e < epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += 32) {
                int size = Math.min(32, n - start);
                clean.reshape(size, d);
                for (int r = 0; r < size; r++) {
                    System.arraycopy(data.data, order[start + r] * d, clean.data, r * d, d);
                }
                noise.apply(clean, input, rng);
                ae.trainStep(input, clean, AutoencoderLoss.MSE, optimizer);
            }
        }
    }
}
