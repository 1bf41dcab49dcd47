package io.tinynets.classroom.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.tinynets.base.ui.TranslationProvider;
import io.tinynets.base.ui.UserPreferences;
import jakarta.servlet.http.Cookie;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an open tab says when its session is gone (the server restarted, the session timed out, the account was
 * logged out elsewhere): a translated notice with a link that reloads the page, instead of Vaadin's default of
 * quietly reloading it as an anonymous visitor who wonders where their class and their run went. The other system
 * notices (cookies disabled, an internal error) are translated the same way. There is no session to ask for the
 * language at that moment, so it comes from the language cookie, else from the browser's languages.
 */
@Component
class SessionEndedMessages implements VaadinServiceInitListener {

    private final TranslationProvider translations;

    SessionEndedMessages(TranslationProvider translations) {
        this.translations = translations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(this::messages);
    }

    SystemMessages messages(SystemMessagesInfo info) {
        Locale locale = locale(info);
        CustomizedSystemMessages m = new CustomizedSystemMessages();
        m.setSessionExpiredNotificationEnabled(true);
        m.setSessionExpiredCaption(text("classroom.session.ended.caption", locale));
        m.setSessionExpiredMessage(text("classroom.session.ended.message", locale));
        m.setSessionExpiredURL(null); // reload the page the tab is on (a login page first where one is needed)
        m.setCookiesDisabledNotificationEnabled(true);
        m.setCookiesDisabledCaption(text("classroom.session.cookies.caption", locale));
        m.setCookiesDisabledMessage(text("classroom.session.cookies.message", locale));
        m.setInternalErrorNotificationEnabled(true);
        m.setInternalErrorCaption(text("classroom.session.error.caption", locale));
        m.setInternalErrorMessage(text("classroom.session.error.message", locale));
        return m;
    }

    private Locale locale(SystemMessagesInfo info) {
        VaadinRequest request = info.getRequest();
        if (request != null && request.getCookies() != null) {
            return Arrays.stream(request.getCookies())
                    .filter(c -> UserPreferences.LANGUAGE_COOKIE.equals(c.getName())).map(Cookie::getValue)
                    .findFirst().map(tag -> TranslationProvider.supported(Locale.forLanguageTag(tag)))
                    .orElseGet(() -> TranslationProvider.supported(browserLocale(info)));
        }
        return TranslationProvider.supported(browserLocale(info));
    }

    private static Locale browserLocale(SystemMessagesInfo info) {
        return info.getLocale() != null ? info.getLocale() : Locale.ENGLISH;
    }

    private String text(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
