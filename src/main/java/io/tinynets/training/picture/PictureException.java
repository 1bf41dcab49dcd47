package io.tinynets.training.picture;

import io.tinynets.training.RefusedInput;

/**
 * A picture that cannot be one (too large, values that do not fill the grid, a range that is not a range), in the
 * user's language: the message keys are the experiment pages' ("experiments.invalid.picture…"), because a bad picture
 * only ever comes from a saved experiment or an import file.
 */
public final class PictureException extends RefusedInput {

    PictureException(String key, Object... args) {
        super(key, args);
    }
}
