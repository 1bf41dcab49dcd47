package io.tinynets.lab.depth.ui;

import io.tinynets.base.ui.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The depth lab in a real browser: bars, histograms and boundaries are drawn, training updates them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DepthIT {

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
    void comparisonDrawsBarsAndMapsAndTrains() throws Exception {
        browser.driver.get("http://localhost:" + port + "/depth");
        browser.driver.manage().addCookie(new Cookie("tinynets-lang", "en"));
        browser.driver.navigate().refresh();
        browser.waitFor(120, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("Vanishing gradient");
        browser.waitFor(30, d -> browser.paintedPixels("tn-heat-map") > 10000);
        Object bars = browser.js("return document.querySelector('tn-bar-chart').shadowRoot.querySelectorAll('rect').length;");
        assertThat(((Number) bars).intValue()).isEqualTo(11);
        browser.driver.findElement(By.cssSelector(".training-controls vaadin-button[theme~='primary']")).click();
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 500);
        Thread.sleep(1500);
        browser.screenshot("depth-en");
    }
}
