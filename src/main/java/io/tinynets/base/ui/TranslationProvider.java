package io.tinynets.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every visible string comes from {@code messages_en.properties} / {@code messages_ko.properties} (UTF-8). Arguments
 * use {@link MessageFormat} syntax ({@code {0}}), formatted in the user's locale.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale KOREAN = Locale.KOREAN;
    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);
    private static final String BUNDLE = "messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(ENGLISH, KOREAN);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            log.warn("missing translation for '{}' in {}", key, effective);
            return "!" + key;
        }
    }

    /** Korean for any Korean locale, English otherwise. */
    public static Locale supported(Locale locale) {
        return locale != null && KOREAN.getLanguage().equals(locale.getLanguage()) ? KOREAN : ENGLISH;
    }
}
