package io.tinynets.experiment;

import io.tinynets.training.RefusedInput;

/** Bad input to the experiment service: which field, and the allowed range, in English and as a message key. */
public class ExperimentValidationException extends RefusedInput {

    public ExperimentValidationException(String key, Object... args) {
        super(key, args);
    }
}
