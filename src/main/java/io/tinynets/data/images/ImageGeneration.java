package io.tinynets.data.images;

import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An {@link ImageSet} being drawn a few samples at a time, so a trainer building 2000 digits (tens of milliseconds)
 * can hand its worker to other runs in between. The samples, labels and draws are exactly those of
 * {@link ImageSetKind#generate}, which draws every piece at once.
 */
public final class ImageGeneration {

    /** Pixels (or coordinates) one {@link #step()} draws at most, unless one sample alone has more. */
    public static final int VALUES_PER_PIECE = 16_384;

    private final ImageSetKind kind;
    private final int n;
    private final RandomGenerator rng;
    private final int width;
    private final int height;
    private final DMatrixRMaj samples;
    private final int[] labels;
    private int next;

    ImageGeneration(ImageSetKind kind, int n, RandomGenerator rng) {
        this.kind = kind;
        this.n = n;
        this.rng = rng;
        this.width = switch (kind) {
            case DIGITS_8 -> 8;
            case DIGITS_16, SHAPES -> 16;
            case CURVE_3D, SURFACE_3D -> 3;
        };
        this.height = kind.isImage() ? width : 1;
        this.samples = new DMatrixRMaj(n, width * height);
        this.labels = new int[n];
    }

    /** Draws the next samples; true once every sample is drawn. */
    public boolean step() {
        int end = Math.min(n, next + samplesPerPiece());
        for (; next < end; next++) {
            switch (kind) {
                case DIGITS_8, DIGITS_16 -> DigitImages.sample(width, next, samples.data, labels, rng);
                case SHAPES -> ShapeImages.sample(width, next, samples.data, labels, rng);
                case CURVE_3D -> ManifoldPoints.curvePoint(next, samples.data, labels, rng);
                case SURFACE_3D -> ManifoldPoints.surfacePoint(next, samples.data, labels, rng);
            }
        }
        return next == n;
    }

    /** Samples one {@link #step()} draws: as many as fit {@link #VALUES_PER_PIECE}, at least one. */
    public int samplesPerPiece() {
        return Math.max(1, VALUES_PER_PIECE / (width * height));
    }

    /** Values of one sample: the data set's features. */
    public int features() {
        return width * height;
    }

    /** The data set, once {@link #step()} has returned true. */
    public ImageSet result() {
        if (next < n) {
            throw new IllegalStateException("only " + next + " of " + n + " samples drawn");
        }
        List<String> classes = switch (kind) {
            case DIGITS_8, DIGITS_16 -> DigitImages.CLASSES;
            case SHAPES -> ShapeImages.CLASSES;
            case CURVE_3D, SURFACE_3D -> ManifoldPoints.CLASSES;
        };
        return new ImageSet(kind, samples, labels, classes, width, height);
    }
}
