package io.tinynets.classroom.ui;

import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinRequest;
import io.tinynets.base.ui.TranslationProvider;
import io.tinynets.base.ui.UserPreferences;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A tab whose session is gone (a server restart) says so in the user's language, with a reload, instead of quietly
 * becoming an anonymous visitor.
 */
class SessionEndedMessagesTest {

    private final SessionEndedMessages provider = new SessionEndedMessages(new TranslationProvider());

    private static SystemMessagesInfo request(Locale browser, Cookie... cookies) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getCookies()).thenReturn(cookies);
        return new SystemMessagesInfo(browser, request, null);
    }

    @Test
    void anEndedSessionIsAnnouncedWithAReloadInsteadOfAQuietReload() {
        SystemMessages m = provider.messages(request(Locale.ENGLISH));
        assertThat(m.isSessionExpiredNotificationEnabled()).isTrue();
        assertThat(m.getSessionExpiredURL()).isNull();
        assertThat(m.getSessionExpiredCaption()).isEqualTo("Your session has ended");
        assertThat(m.getSessionExpiredMessage()).startsWith("The server was restarted")
                .endsWith("Click here to reload the page and log in again.");
        assertThat(m.getCookiesDisabledCaption()).isEqualTo("Cookies are turned off");
        assertThat(m.getInternalErrorCaption()).isEqualTo("Something went wrong");
    }

    @Test
    void theLanguageComesFromTheLanguageCookieElseFromTheBrowser() {
        assertThat(provider.messages(request(Locale.ENGLISH,
                new Cookie(UserPreferences.LANGUAGE_COOKIE, "ko"))).getSessionExpiredCaption())
                .isEqualTo("접속이 끝났습니다");
        assertThat(provider.messages(request(Locale.KOREA)).getSessionExpiredCaption()).isEqualTo("접속이 끝났습니다");
        assertThat(provider.messages(request(Locale.KOREA,
                new Cookie(UserPreferences.LANGUAGE_COOKIE, "en"))).getSessionExpiredCaption())
                .isEqualTo("Your session has ended");
        assertThat(provider.messages(new SystemMessagesInfo(Locale.GERMAN, null, null)).getSessionExpiredCaption())
                .isEqualTo("Your session has ended");
    }
}
