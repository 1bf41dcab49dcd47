package io.tinynets.data;

import java.util.Arrays;
import java.util.Optional;

/** The playground's input features, computed from a point (x1, x2); keys are persisted. */
public enum Feature {
    X1("x1") {
        @Override public double apply(double x1, double x2) {
            return x1;
        }
    },
    X2("x2") {
        @Override public double apply(double x1, double x2) {
            return x2;
        }
    },
    X1_SQUARED("x1_squared") {
        @Override public double apply(double x1, double x2) {
            return x1 * x1;
        }
    },
    X2_SQUARED("x2_squared") {
        @Override public double apply(double x1, double x2) {
            return x2 * x2;
        }
    },
    X1_TIMES_X2("x1_x2") {
        @Override public double apply(double x1, double x2) {
            return x1 * x2;
        }
    },
    SIN_X1("sin_x1") {
        @Override public double apply(double x1, double x2) {
            return Math.sin(x1);
        }
    },
    SIN_X2("sin_x2") {
        @Override public double apply(double x1, double x2) {
            return Math.sin(x2);
        }
    };

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public abstract double apply(double x1, double x2);

    public static Optional<Feature> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
