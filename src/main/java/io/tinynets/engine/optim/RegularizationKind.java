package io.tinynets.engine.optim;

import java.util.Arrays;
import java.util.Optional;

/** Weight penalties, with stable persisted keys. */
public enum RegularizationKind {
    NONE("none"),
    /** rate · Σ|w|: pushes weights to exactly zero (sparse). */
    L1("l1"),
    /** rate · ½Σw²: shrinks all weights in proportion (weight decay). */
    L2("l2");

    private final String key;

    RegularizationKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<RegularizationKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
