package io.tinynets.experiment;

import io.tinynets.training.TranslatableProblem;

/**
 * The service's refusals carry a message key for the UI (translated there) and an English text for logs and
 * exception messages, taken from the same bundle so the two never drift apart.
 */
final class ExperimentMessages {

    private ExperimentMessages() {
    }

    static String english(String key, Object... args) {
        return TranslatableProblem.english(key, args);
    }
}
