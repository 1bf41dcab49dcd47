package io.tinynets.classroom.security;

import io.tinynets.base.ui.BrowserTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy in a real browser: home, the labs training live, the login page and a login all run with no CSP violation
 * in the console (dev mode, with its dev tools), while an injected inline script is refused. The headers themselves
 * are checked without a browser by {@link ContentSecurityPolicyHttpIT}.
 */
class ContentSecurityPolicyIT extends BrowserTest {

    @Autowired
    AccountService accounts;

    /** Everything the browser's console said so far in this test. */
    private final List<String> console = new ArrayList<>();

    /** Reads the console since the last call and keeps it, so a failure shows everything the browser said. */
    private List<String> violations() {
        console.addAll(browser.consoleLog());
        return console.stream().filter(l -> l.contains("Content Security Policy") || l.contains("Refused to")
                || l.contains("violates"))
                .toList();
    }

    private void assertNoViolations(String where) {
        assertThat(violations()).as("CSP violations on " + where + "; console: " + console).isEmpty();
    }

    /**
     * Presses Play (by script: on some labs the button is below the fold) and waits until push has delivered
     * {@code epochs} epochs to the page.
     */
    private void playUntilEpoch(long epochs) {
        browser.js("arguments[0].click()", browser.driver.findElement(PLAY));
        awaitEpoch(epochs);
    }

    @Test
    void theLabsAndTheLoginRunWithoutAViolationWhileInjectedScriptIsRefused() throws Exception {
        open("", "en");
        assertNoViolations("home");

        open("playground", "en");
        // push delivers the epochs (a refused websocket would show in the console)
        playUntilEpoch(4);
        browser.waitFor(30, "the boundary painted", d -> browser.paintedPixels("tn-heat-map") > 10_000);
        assertNoViolations("playground");
        // by websocket: a refused one would make the Flow client fall back to long polling instead
        assertThat(console).anyMatch(l -> l.contains("Push connection established using websocket"));
        browser.screenshot("csp-playground");

        open("sequence", "en");
        playUntilEpoch(2);
        browser.waitFor(30, "the gate panels painted", d -> browser.paintedPixels("tn-heat-map") > 20_000);
        assertNoViolations("sequence lab");

        // the other labs: their charts and diagrams draw (and train briefly where they have a Play button)
        for (String lab : List.of("activation", "descent", "depth", "autoencoder")) {
            open(lab, "en");
            if (!browser.driver.findElements(By.cssSelector(".training-controls")).isEmpty()) {
                playUntilEpoch(2);
            }
            assertNoViolations(lab);
        }

        if (!accounts.adminExists()) {
            accounts.createFirstAdmin("admin", "Admin", "admin password");
        }
        if (accounts.find("it.csp").isEmpty()) {
            ClassroomFixtures.account(accounts, "it.csp", Role.STUDENT);
        }
        // the login page's form posts (form-action) with the CSRF token the page's inline module script fills in
        browser.login("http://localhost:" + port, "it.csp", ClassroomFixtures.PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/login");
        assertNoViolations("login");
        browser.screenshot("csp-after-login");

        // and the policy does bite: an injected script element and an inline handler never run, and say so
        browser.js("""
                const s = document.createElement('script');
                s.textContent = 'window.injectedScript = true';
                document.body.appendChild(s);
                document.body.insertAdjacentHTML('beforeend',
                    '<img src="data:," onerror="window.injectedHandler = true" onload="window.injectedHandler = true">');""");
        browser.waitFor(10, "the browser reporting both refusals", d -> violations().stream()
                .anyMatch(l -> l.contains("inline script")) && violations().stream()
                .anyMatch(l -> l.contains("inline event handler")));
        assertThat(browser.js("return window.injectedScript === undefined && window.injectedHandler === undefined"))
                .isEqualTo(true);
    }
}
