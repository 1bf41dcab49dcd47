package io.tinynets.base.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the real-browser tests ({@code *IT}): the whole app on a random port (one Spring context shared by every
 * IT class), one headless Chromium per class, and the way every test opens a page in a language.
 */
// Every browser of every IT class comes from 127.0.0.1 into this one context, and a closed browser's runs stay held
// until its UI times out: past six anonymous sessions the per-address caps refused the next class's Play (PicturesIT
// waited for epochs that never came). The caps are the limits tests' business (LiveTrainingLimitsTest,
// TrainingServiceTest), not the browser tests'.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tinynets.training.anonymous-sessions-per-address=1000",
        "tinynets.training.anonymous-runs-per-address=1000"})
public abstract class BrowserTest {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /**
     * Opens {@code path} in {@code language} ("en" or "ko", remembered in the language cookie) and waits until the
     * view's heading is there and Vaadin is idle. The first dev-mode load can take long: the wait is generous.
     */
    protected void open(String path, String language) {
        browser.driver.get("http://localhost:" + port + "/" + path);
        browser.driver.manage().addCookie(new Cookie(UserPreferences.LANGUAGE_COOKIE, language));
        browser.driver.navigate().refresh();
        browser.waitFor(120, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
    }

    /** The view's heading text. */
    protected String heading() {
        return browser.driver.findElement(By.cssSelector("h2")).getText();
    }

    /** The training controls' Play (or Pause) button. */
    protected static final By PLAY = By.cssSelector(".training-controls vaadin-button[theme~='primary']");

    /** Presses the training controls' Play button (found again if a live update replaced it). */
    protected void clickPlay() {
        browser.click(PLAY);
    }

    /**
     * Presses the primary training button (Play, or Pause while running) wherever the page has scrolled it: a click
     * through the page's script, which needs no scrolling and cannot land on whatever covers the button.
     */
    protected static void pressPlayOrPause() {
        browser.js("document.querySelector(\".training-controls vaadin-button[theme~='primary']\").click();");
        browser.waitForVaadin();
    }

    /** Hides the dev-mode notice, which would cover part of a screenshot (production has none). */
    protected static void hideDevModeNotice() {
        browser.js("const s = document.createElement('style');"
                + " s.textContent = 'vaadin-dev-tools, copilot-main { display: none !important; }';"
                + " document.head.appendChild(s);");
    }

    /** The epoch the training controls show now. */
    protected long epoch() {
        return Browser.number(browser.driver.findElement(By.cssSelector(".epoch-counter")).getText());
    }

    /** Waits until the training controls show at least {@code epochs} epochs (push delivered them). */
    protected long awaitEpoch(long epochs) {
        browser.waitFor(60, "epoch counter at " + epochs + " or more", d -> epoch() >= epochs);
        return epoch();
    }
}
