package io.tinynets.experiment;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The service's refusals carry a message key for the UI (translated there) and an English text for logs and
 * exception messages, taken from the same bundle so the two never drift apart.
 */
final class ExperimentMessages {

    private ExperimentMessages() {
    }

    static String english(String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle("messages", Locale.ENGLISH).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
