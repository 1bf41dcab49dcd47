package io.tinynets.lab.autoencoder.ui;

import io.tinynets.base.ui.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The autoencoder lab in headless Chromium: train, see the latent scatter and reconstructions, decode a click. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AutoencoderIT {

    /** UserPreferences.LANGUAGE_COOKIE, which is package-private. */
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
    void trainingDrawsTheLatentScatterAndReconstructionsAndTheDecoderAnswersAClick() throws Exception {
        browser.driver.get("http://localhost:" + port + "/autoencoder");
        browser.driver.manage().addCookie(new Cookie(LANGUAGE_COOKIE, "en"));
        browser.driver.navigate().refresh();
        browser.waitFor(300, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("Autoencoder");

        click(By.xpath("//vaadin-button[contains(., 'Play')]"));
        // 300 latent points of radius 3 and 30 images of 34 px
        browser.waitFor(60, d -> browser.paintedPixels("tn-latent-plane") > 3000
                && browser.paintedPixels("tn-image-grid") > 20000);
        Thread.sleep(6000); // let it learn a little so the clusters show
        WebElement canvas = (WebElement) browser.js(
                "return document.querySelector('tn-latent-plane').shadowRoot.querySelector('canvas')");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", canvas);
        new Actions(browser.driver).moveToElement(canvas, 40, -30).click().perform();
        browser.waitFor(20, d -> browser.driver.findElement(By.className("ae-decoded-text")).getText()
                .startsWith("The decoder at"));
        click(By.xpath("//vaadin-button[contains(., 'Pause')]"));
        browser.waitForVaadin();
        assertThat(browser.paintedPixels("tn-latent-plane")).isGreaterThan(3000);
        browser.screenshot("autoencoder-en");
        browser.js("document.querySelector('.ae-hourglass').scrollIntoView({block: 'center'})");
        browser.screenshot("autoencoder-en-architecture");
    }

    /** A script click: the side navigation or a tooltip may overlap the button in a small window. */
    private void click(By by) {
        browser.js("arguments[0].click()", browser.driver.findElement(by));
    }
}
