package io.tinynets.experiment;

import io.tinynets.training.picture.Picture;

/** Size limits that keep one experiment, and one import file, small enough for an embedded database. */
public final class ExperimentLimits {

    public static final int NAME_MAX = 200;
    public static final int NOTES_MAX = 4_000;
    public static final int TAGS_MAX = 10;
    public static final int TAG_MAX = 30;
    public static final int LAB_MAX = 40;
    public static final int CONFIG_MAX_CHARS = 64 * 1024;
    public static final int CONFIG_VERSION_MAX = 1_000;
    public static final int WEIGHTS_MAX_CHARS = 2 * 1024 * 1024;
    public static final int CURVES_MAX = 16;
    public static final int CURVE_NAME_MAX = 60;
    /** Points a lab may hand over per curve; longer curves are refused, not silently cut. */
    public static final int CURVE_POINTS_MAX = 1_000_000;
    /** Points kept per stored curve: older points thinned min/max-preserving, the last {@link #RAW_TAIL} raw. */
    public static final int STORED_POINTS_MAX = 2_000;
    public static final int RAW_TAIL = 500;
    public static final int METRICS_MAX = 20;
    public static final int PICTURE_SIDE_MAX = Picture.SIDE_MAX;
    public static final int IMPORT_MAX_BYTES = 5 * 1024 * 1024;
    public static final int IMPORT_MAX_EXPERIMENTS = 100;
    public static final int COMPARE_MIN = 2;
    public static final int COMPARE_MAX = 8;
    public static final int LIST_MAX = 1_000;

    private ExperimentLimits() {
    }
}
