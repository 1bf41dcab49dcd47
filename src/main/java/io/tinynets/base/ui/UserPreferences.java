package io.tinynets.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Remembers a user's language and light/dark choice in cookies, and applies them to every new UI. Without a cookie
 * the language follows the browser (Vaadin matches Accept-Language against the provided locales).
 */
@Component
public class UserPreferences implements VaadinServiceInitListener {

    public static final String LANGUAGE_COOKIE = "tinynets-lang";
    static final String THEME_COOKIE = "tinynets-theme";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiInit -> {
            UI ui = uiInit.getUI();
            VaadinRequest request = VaadinRequest.getCurrent();
            cookie(request, LANGUAGE_COOKIE).ifPresent(tag -> {
                Locale locale = TranslationProvider.supported(Locale.forLanguageTag(tag));
                ui.setLocale(locale);
                ui.getSession().setLocale(locale);
            });
            cookie(request, THEME_COOKIE).filter("dark"::equals)
                    .ifPresent(dark -> ui.getElement().getThemeList().add("dark"));
            announceLanguage(ui);
        });
    }

    /** Switches the language of this UI and remembers it for the next visits. */
    public static void rememberLanguage(UI ui, Locale locale) {
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
        store(LANGUAGE_COOKIE, locale.getLanguage());
        announceLanguage(ui);
    }

    /** Tells the browser (and screen readers, which pick their voice by it) the page's language: <html lang>. */
    private static void announceLanguage(UI ui) {
        ui.getPage().executeJs("document.documentElement.lang = $0",
                TranslationProvider.supported(ui.getLocale()).getLanguage());
    }

    /** Switches light/dark and remembers it. */
    public static void rememberDark(UI ui, boolean dark) {
        if (dark) {
            ui.getElement().getThemeList().add("dark");
        } else {
            ui.getElement().getThemeList().remove("dark");
        }
        store(THEME_COOKIE, dark ? "dark" : "light");
    }

    public static boolean isDark(UI ui) {
        return ui.getElement().getThemeList().contains("dark");
    }

    private static void store(String name, String value) {
        VaadinResponse response = VaadinResponse.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (response == null || request == null) {
            return; // outside a request (background thread): nothing to remember
        }
        Cookie cookie = new Cookie(name, value);
        cookie.setMaxAge(ONE_YEAR);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<String> cookie(VaadinRequest request, String name) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .findFirst();
    }
}
