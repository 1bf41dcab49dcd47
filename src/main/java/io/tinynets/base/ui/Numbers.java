package io.tinynets.base.ui;

import java.util.Locale;

/** How the labs write a number in their server-side readouts (the pictures format theirs in scales.ts). */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Up to four decimals without trailing zeros; scientific notation for very small or large magnitudes, so a
     * learning rate of 0.0001 or a loss of 3e-7 stays readable; NaN and infinities as Java writes them.
     */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }
}
