package io.tinynets.experiment;

import io.tinynets.training.TranslatableProblem;

/**
 * Why an import file was refused, specific enough to fix it: too large, not JSON, not an export, an unknown schema
 * version, or a field of experiment number {@code experimentNumber} (1-based; null for the file as a whole) with a
 * wrong type or an out-of-range value.
 */
public final class ImportProblem extends Exception implements TranslatableProblem {

    private final Integer experimentNumber;
    private final String key;
    private final transient Object[] args;

    ImportProblem(Integer experimentNumber, String key, Object... args) {
        super((experimentNumber == null ? "" : "experiment " + experimentNumber + ": ")
                + ExperimentMessages.english(key, args), null, false, false);
        this.experimentNumber = experimentNumber;
        this.key = key;
        this.args = args.clone();
    }

    /** 1-based position in the file of the experiment at fault, or null when the file as a whole is at fault. */
    public Integer experimentNumber() {
        return experimentNumber;
    }

    @Override
    public String messageKey() {
        return key;
    }

    @Override
    public Object[] messageArgs() {
        return args.clone();
    }
}
