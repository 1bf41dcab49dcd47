package io.tinynets.experiment;

import java.util.List;

/** One configuration field that is not the same in every compared experiment, with each one's value (in order). */
public record ConfigDifference(String field, List<String> values) {

    /** Shown where an experiment's configuration has no such field. */
    public static final String ABSENT = "—";

    public ConfigDifference {
        values = List.copyOf(values);
    }
}
