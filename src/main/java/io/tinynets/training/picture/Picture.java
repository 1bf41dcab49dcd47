package io.tinynets.training.picture;

import java.util.Arrays;
import java.util.Objects;

/**
 * The lab's picture of a run (decision boundary, reconstruction…), quantized to one byte per cell exactly as
 * {@code HeatMap} draws it: row 0 at the top, value = min + (max - min) * byte / 255.
 */
public record Picture(int cols, int rows, double min, double max, byte[] values) {

    /** The most columns or rows a picture may have (a saved experiment keeps it, an import file may carry one). */
    public static final int SIDE_MAX = 256;

    public Picture {
        Objects.requireNonNull(values, "values");
        if (cols < 1 || rows < 1 || cols > SIDE_MAX || rows > SIDE_MAX) {
            throw new PictureException("experiments.invalid.pictureSize", cols, rows,
                    SIDE_MAX);
        }
        if (values.length != cols * rows) {
            throw new PictureException("experiments.invalid.pictureValues", values.length, cols * rows);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new PictureException("experiments.invalid.pictureRange", min, max);
        }
    }

    /** Quantizes values (row-major, row 0 at the top) into [min, max]; values outside are clamped, NaN becomes min. */
    public static Picture quantize(int cols, int rows, double[] values, double min, double max) {
        if (values.length != cols * rows) {
            throw new PictureException("experiments.invalid.pictureValues", values.length, cols * rows);
        }
        byte[] q = new byte[values.length];
        double span = max - min;
        for (int i = 0; i < values.length; i++) {
            double t = span > 0 && Double.isFinite(values[i]) ? (values[i] - min) / span : 0;
            q[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, t)));
        }
        return new Picture(cols, rows, min, max, q);
    }

    public double valueAt(int col, int row) {
        return min + (max - min) * (values[row * cols + col] & 0xff) / 255.0;
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
