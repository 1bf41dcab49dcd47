package io.tinynets.experiment;

import io.tinynets.training.TranslatableProblem;

/** Bad input to the experiment service: which field, and the allowed range, in English and as a message key. */
public class ExperimentValidationException extends IllegalArgumentException implements TranslatableProblem {

    private final String key;
    private final transient Object[] args;

    public ExperimentValidationException(String key, Object... args) {
        super(ExperimentMessages.english(key, args));
        this.key = key;
        this.args = args.clone();
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
