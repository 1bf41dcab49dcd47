package io.tinynets.training.picture;

import java.util.Arrays;
import java.util.Objects;

/**
 * The lab's picture of a run (decision boundary, reconstruction…), quantized to one byte per cell by the
 * {@link Quantizer}, exactly as the heat map draws it: row 0 at the top, value = min + (max - min) * byte / 255.
 */
public record Picture(int cols, int rows, double min, double max, byte[] values) {

    /** The most columns or rows a picture may have (a saved experiment keeps it, an import file may carry one). */
    public static final int SIDE_MAX = 256;

    public Picture {
        Objects.requireNonNull(values, "values");
        if (cols < 1 || rows < 1 || cols > SIDE_MAX || rows > SIDE_MAX) {
            throw new PictureException("experiments.invalid.pictureSize", cols, rows, SIDE_MAX);
        }
        if (values.length != cols * rows) {
            throw new PictureException("experiments.invalid.pictureValues", values.length, cols * rows);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new PictureException("experiments.invalid.pictureRange", min, max);
        }
    }

    /**
     * Quantizes values (row-major, row 0 at the top) onto [min, max] by the {@link Quantizer}'s one rule: values
     * outside are clamped, NaN is the middle of the scale.
     */
    public static Picture quantize(int cols, int rows, double[] values, double min, double max) {
        if (values.length != cols * rows) {
            throw new PictureException("experiments.invalid.pictureValues", values.length, cols * rows);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new PictureException("experiments.invalid.pictureRange", min, max);
        }
        return new Picture(cols, rows, min, max, Quantizer.quantize(values, min, max));
    }

    public double valueAt(int col, int row) {
        return Quantizer.value(values[row * cols + col], min, max);
    }

    /** All cells back as doubles (what {@code HeatMap.setGrid} takes). */
    public double[] dequantized() {
        double[] out = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = valueAt(c, r);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Picture p && cols == p.cols && rows == p.rows && Double.compare(min, p.min) == 0
                && Double.compare(max, p.max) == 0 && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cols, rows, min, max, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Picture[" + cols + "x" + rows + ", " + min + ".." + max + "]";
    }
}
