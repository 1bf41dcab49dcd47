package io.tinynets.training;

/**
 * A hyperparameter that a trainer lets the student change while it trains (regularization strength, momentum…),
 * with its allowed range and its value when the trainer is built. The learning rate is not one of these: every
 * trainer has it.
 */
public record Hyperparameter(String key, double min, double max, double initial) {

    public Hyperparameter {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("hyperparameter key must not be blank");
        }
        if (!(min <= initial && initial <= max)) {
            throw new IllegalArgumentException("hyperparameter " + key + ": initial " + initial
                    + " must lie in [" + min + ", " + max + "]");
        }
    }

    public boolean allows(double value) {
        return value >= min && value <= max;
    }
}
