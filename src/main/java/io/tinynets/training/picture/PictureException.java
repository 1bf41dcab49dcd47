package io.tinynets.training.picture;

import io.tinynets.training.TranslatableProblem;

/**
 * A picture that cannot be one (too large, values that do not fill the grid, a range that is not a range), in the
 * user's language: the message keys are the experiment pages' ("experiments.invalid.picture…"), because a bad picture
 * only ever comes from a saved experiment or an import file.
 */
public final class PictureException extends IllegalArgumentException implements TranslatableProblem {

    private final String key;
    private final transient Object[] args;

    PictureException(String key, Object... args) {
        super(TranslatableProblem.english(key, args));
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
