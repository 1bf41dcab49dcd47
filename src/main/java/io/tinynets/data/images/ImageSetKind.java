package io.tinynets.data.images;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The data sets the autoencoder lab can train on, with stable persisted keys. */
public enum ImageSetKind {
    DIGITS_8("digits8", true),
    DIGITS_16("digits16", true),
    SHAPES("shapes", true),
    CURVE_3D("curve3d", false),
    SURFACE_3D("surface3d", false);

    public static final int MIN_SAMPLES = 10;
    public static final int MAX_SAMPLES = 5000;

    private final String key;
    private final boolean image;

    ImageSetKind(String key, boolean image) {
        this.key = key;
        this.image = image;
    }

    public String key() {
        return key;
    }

    public boolean isImage() {
        return image;
    }

    public static Optional<ImageSetKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /**
     * {@code n} samples (10..5000) drawn from {@code rng}; classes take turns (sample i has class i mod classes), so
     * every class appears whenever n ≥ the number of classes.
     */
    public ImageSet generate(int n, RandomGenerator rng) {
        ImageGeneration generation = start(n, rng);
        while (!generation.step()) {
            // every piece
        }
        return generation.result();
    }

    /** The samples {@link #generate} draws, drawn a few at a time by {@link ImageGeneration#step()}. */
    public ImageGeneration start(int n, RandomGenerator rng) {
        if (n < MIN_SAMPLES || n > MAX_SAMPLES) {
            throw new IllegalArgumentException("sample count must be in " + MIN_SAMPLES + ".." + MAX_SAMPLES
                    + ", was " + n);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        return new ImageGeneration(this, n, rng);
    }
}
