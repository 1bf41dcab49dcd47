package io.tinynets.engine;

import org.ejml.data.DMatrixRMaj;

import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Central finite differences: (L(v + δ) − L(v − δ)) / 2δ, compared with the analytic gradient elementwise. */
public final class GradientCheck {

    public static final double DELTA = 1e-5;
    public static final double TOLERANCE = 1e-6;

    private GradientCheck() {
    }

    /** ∂loss/∂values numerically; {@code loss} must read {@code values} afresh each call. */
    public static double[] numeric(DMatrixRMaj values, DoubleSupplier loss) {
        double[] out = new double[values.getNumElements()];
        for (int i = 0; i < out.length; i++) {
            double saved = values.data[i];
            values.data[i] = saved + DELTA;
            double plus = loss.getAsDouble();
            values.data[i] = saved - DELTA;
            double minus = loss.getAsDouble();
            values.data[i] = saved;
            out[i] = (plus - minus) / (2 * DELTA);
        }
        return out;
    }

    public static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-9);
    }

    /** Asserts every element agrees within {@link #TOLERANCE} relative error (or 1e-9 absolute near zero). */
    public static void assertClose(String what, double[] analytic, double[] numeric) {
        for (int i = 0; i < numeric.length; i++) {
            double rel = relativeError(analytic[i], numeric[i]);
            boolean tinyBoth = Math.abs(analytic[i] - numeric[i]) < 1e-9;
            assertTrue(rel < TOLERANCE || tinyBoth, what + "[" + i + "]: analytic " + analytic[i] + " numeric "
                    + numeric[i] + " relative error " + rel);
        }
    }
}
