package io.tinynets.lab.descent.ui;

import io.tinynets.base.ui.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The descent lab in a real browser: the surface is painted, a race draws its paths live. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DescentIT {

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
    void raceDrawsPathsOverThePaintedSurface() throws Exception {
        browser.driver.get("http://localhost:" + port + "/descent");
        browser.driver.manage().addCookie(new Cookie("tinynets-lang" /* UserPreferences.LANGUAGE_COOKIE */, "en"));
        browser.driver.navigate().refresh();
        browser.waitFor(120, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("Gradient descent");
        browser.waitFor(30, d -> browser.paintedPixels("tn-heat-map") > 10000);

        browser.driver.findElement(By.cssSelector(".training-controls vaadin-button[theme~='primary']")).click();
        browser.waitFor(30, d -> ((Number) browser.js("const o = document.querySelector('tn-path-overlay');"
                + "const p = o && o.shadowRoot.querySelector('polyline');"
                + "return p ? p.getAttribute('points').split(' ').length : 0;")).intValue() > 20);
        Thread.sleep(1500);
        browser.screenshot("descent-en");
        Object circles = browser.js("return document.querySelector('tn-path-overlay').shadowRoot"
                + ".querySelectorAll('circle').length;");
        assertThat(((Number) circles).intValue()).isEqualTo(3);
    }
}
