package io.tinynets.lab.autoencoder;

import io.tinynets.training.picture.Quantizer;

import java.util.List;

/**
 * What the autoencoder lab shows, captured between epochs.
 *
 * @param width          image width (3 for points)
 * @param height         image height (1 for points)
 * @param image          pixel data (true) or 3D points (false)
 * @param shown          how many samples each row of {@code grid} holds
 * @param grid           3 rows of {@code shown} images (clean inputs, noisy inputs, reconstructions), each
 *                       width·height bytes, 0..255 for 0..1; empty for points
 * @param shownSamples   the clean shown samples (for interpolation), shown × features, row by row
 * @param latentX        plane x of the latent points
 * @param latentY        plane y of the latent points
 * @param latentLabels   class of each latent point, for colour only
 * @param classNames     class name keys
 * @param bottleneck     code size k
 * @param pcaError       PCA's reconstruction error at k on the same data (MSE per element)
 * @param reconstructionError the current MSE per element on the clean samples
 * @param neighbours     how well the codes of the latent points group them by class (nearest-neighbour agreement)
 * @param decoder        a frozen copy of the model for the decoder explorer
 */
public record AutoencoderInternals(int width, int height, boolean image, int shown, byte[] grid,
                                   double[] shownSamples, double[] latentX, double[] latentY, int[] latentLabels,
                                   List<String> classNames, int bottleneck, double pcaError,
                                   double reconstructionError, CodeNeighbours neighbours, LatentDecoder decoder) {

    public int features() {
        return width * height;
    }

    /** Shown sample {@code i} as a fresh array. */
    public double[] shownSample(int i) {
        double[] s = new double[features()];
        System.arraycopy(shownSamples, i * features(), s, 0, features());
        return s;
    }

    /** Values in [0, 1] → bytes 0..255 by the {@link Quantizer}'s one rule, the compact form sent to the browser. */
    public static byte quantize(double v) {
        return Quantizer.quantize(v, 0, 1);
    }
}
