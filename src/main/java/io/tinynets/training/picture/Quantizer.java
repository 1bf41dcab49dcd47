package io.tinynets.training.picture;

/**
 * The one way a value becomes a byte for a picture (a saved experiment's picture, a heat map, the dashboard's
 * projection, an autoencoder's images, the latent plane, the playground's unit grids), so the server and the browser
 * agree on what a byte means: byte = round(255 · (v − min) / (max − min)), value = min + (max − min) · byte / 255.
 * <ul>
 *   <li>Values outside [min, max] are clamped, ±Infinity included: +Inf is the top of the scale, −Inf the bottom.</li>
 *   <li>NaN is {@link #NAN_BYTE}, the middle of the scale: "no answer" is drawn as neither end, so a diverged network's
 *       boundary reads as undecided rather than as a confident class.</li>
 *   <li>A constant scale (min = max) maps every number to 0, which reads back as exactly min.</li>
 * </ul>
 */
public final class Quantizer {

    /** The top byte: max. */
    public static final int TOP = 255;
    /** Where NaN goes: the middle of the scale (127.5 rounded). */
    public static final byte NAN_BYTE = (byte) 128;

    private Quantizer() {
    }

    /** One value on the scale [min, max] (finite, min ≤ max) as a byte 0..255 (read it with {@code & 0xff}). */
    public static byte quantize(double v, double min, double max) {
        requireScale(min, max);
        return level(v, min, max - min);
    }

    /** Many values on one scale, in order. */
    public static byte[] quantize(double[] values, double min, double max) {
        requireScale(min, max);
        double span = max - min;
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = level(values[i], min, span);
        }
        return out;
    }

    /** What a byte stands for on the scale [min, max]. */
    public static double value(byte b, double min, double max) {
        return min + (max - min) * (b & 0xff) / TOP;
    }

    private static byte level(double v, double min, double span) {
        if (Double.isNaN(v)) {
            return NAN_BYTE;
        }
        if (!(span > 0)) {
            return 0;
        }
        double t = (v - min) / span;
        return (byte) Math.round(TOP * Math.max(0, Math.min(1, t)));
    }

    private static void requireScale(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("a picture's scale needs finite min <= max, got [" + min + ", " + max
                    + "]");
        }
    }
}
