package io.tinynets.data.images;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Unlabelled training data for an autoencoder: one sample per row. Labels are kept only to colour the latent space;
 * training never sees them.
 *
 * @param kind       which generator made it
 * @param samples    n × (width · height); pixels in [0, 1] row by row (row 0 at the top), or 3D points for
 *                   the manifold kinds (width 3, height 1)
 * @param labels     the class of each row, 0..classNames.size() − 1
 * @param classNames message-key suffixes of the classes ("0".."9", "circle"…, "segment1"…)
 * @param width      image width in pixels (3 for points)
 * @param height     image height in pixels (1 for points)
 */
public record ImageSet(ImageSetKind kind, DMatrixRMaj samples, int[] labels, List<String> classNames, int width,
                       int height) {

    public ImageSet {
        if (samples.numRows != labels.length) {
            throw new IllegalArgumentException("labels must have one entry per sample: " + samples.numRows
                    + " samples, " + labels.length + " labels");
        }
        if (samples.numCols != width * height) {
            throw new IllegalArgumentException("samples must have width·height = " + width * height
                    + " columns, got " + samples.numCols);
        }
        classNames = List.copyOf(classNames);
    }

    public int size() {
        return samples.numRows;
    }

    public int features() {
        return samples.numCols;
    }

    /** True for pixel images, false for points in 3D. */
    public boolean isImage() {
        return kind.isImage();
    }

    /** Row {@code i} as a fresh array. */
    public double[] sample(int i) {
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("sample index must be in 0.." + (size() - 1) + ", was " + i);
        }
        double[] row = new double[features()];
        System.arraycopy(samples.data, i * features(), row, 0, features());
        return row;
    }
}
