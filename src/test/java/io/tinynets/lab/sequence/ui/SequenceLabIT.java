package io.tinynets.lab.sequence.ui;

import io.tinynets.base.ui.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A real race in headless Chromium: the gate panels fill with colour while the three curves grow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SequenceLabIT {

    /** UserPreferences.LANGUAGE_COOKIE, package-private in base.ui. */
    private static final String LANGUAGE_COOKIE = "tinynets-lang";

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void raceDrawsGatePanelsLive() throws Exception {
        browser.driver.get("http://localhost:" + port + "/sequence");
        browser.driver.manage().addCookie(new Cookie(LANGUAGE_COOKIE, "en"));
        browser.driver.navigate().refresh();
        browser.waitFor(120, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText())
                .isEqualTo("Sequence lab: RNN, LSTM and GRU");

        browser.driver.findElement(By.cssSelector(".training-controls vaadin-button[theme~='primary']")).click();
        browser.waitFor(30, d -> browser.paintedPixels("tn-heat-map") > 20_000);
        Thread.sleep(4000);
        assertThat(browser.paintedPixels("tn-heat-map")).isGreaterThan(20_000);
        // the diagram's SVG has gate boxes with values
        Object gates = ((JavascriptExecutor) browser.driver).executeScript(
                "return document.querySelector('tn-cell-diagram').shadowRoot.querySelectorAll('rect').length");
        assertThat(((Number) gates).intValue()).isGreaterThanOrEqualTo(5);
        String traffic = browser.driver.findElement(By.cssSelector(".sequence-traffic")).getText();
        System.out.println("[SequenceLabIT] " + traffic);
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.querySelector('.sequence-gates').scrollIntoView()");
        browser.screenshot("sequence-gates");
    }
}
