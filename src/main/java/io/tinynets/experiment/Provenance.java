package io.tinynets.experiment;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an experiment's curves and final figures come from. Only {@link #MEASURED} figures were computed by this server
 * from a run it trained itself, so only they may decide an assignment's goal; the others are kept and shown, but marked
 * as not verified.
 */
public enum Provenance {

    /** Trained live on this server from its settings and seed, or continued from such a run's weights. */
    MEASURED("measured"),
    /** Trained on this server from weights it did not train: continued from an unverified experiment, or edited by hand. */
    EDITED("edited"),
    /** Read from an export file: every figure is the file's. */
    IMPORTED("imported"),
    /** Saved before the server recorded provenance. */
    UNKNOWN("unknown");

    private final String key;

    Provenance(String key) {
        this.key = key;
    }

    /** The stable key stored in the database. */
    public String key() {
        return key;
    }

    /** True when the figures were measured by this server. */
    public boolean measured() {
        return this == MEASURED;
    }

    /** A run continued from an experiment of this provenance: measured only when the experiment was. */
    public Provenance continued() {
        return measured() ? MEASURED : EDITED;
    }

    public static Optional<Provenance> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
