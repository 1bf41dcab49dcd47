package io.tinynets.engine.optim;

import java.util.Arrays;
import java.util.Optional;

/** The optimizers a lab can pick, with stable persisted keys. */
public enum OptimizerKind {
    SGD("sgd"),
    MOMENTUM("momentum"),
    NESTEROV("nesterov"),
    RMSPROP("rmsprop"),
    ADAM("adam"),
    ADAGRAD("adagrad");

    private final String key;

    OptimizerKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<OptimizerKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
