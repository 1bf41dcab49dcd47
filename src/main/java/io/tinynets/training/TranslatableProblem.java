package io.tinynets.training;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A refusal the UI can show in the user's language: a message key and its arguments. It lives this low so every
 * layer can refuse in words (a picture, the experiment service, a classroom rule, the login the shell asks for)
 * without importing the feature that shows it.
 */
public interface TranslatableProblem {

    String messageKey();

    Object[] messageArgs();

    /**
     * The English text of a message key, for logs and exception messages, from the same bundle the UI translates
     * with, so the two never drift apart; the key itself when the bundle lacks it.
     */
    static String english(String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle("messages", Locale.ENGLISH).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
