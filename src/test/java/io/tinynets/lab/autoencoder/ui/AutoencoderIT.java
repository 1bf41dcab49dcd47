package io.tinynets.lab.autoencoder.ui;

import io.tinynets.base.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/** The autoencoder lab in headless Chromium: train, see the latent scatter and reconstructions, decode a click. */
class AutoencoderIT extends BrowserTest {


    @Test
    void trainingDrawsTheLatentScatterAndReconstructionsAndTheDecoderAnswersAClick() throws Exception {
        open("autoencoder", "en");
        assertThat(heading()).isEqualTo("Autoencoder");

        click(By.xpath("//vaadin-button[contains(., 'Play')]"));
        // 300 latent points of radius 3 and 30 images of 34 px
        browser.waitFor(60, d -> browser.paintedPixels("tn-latent-plane") > 3000
                && browser.paintedPixels("tn-image-grid") > 20000);
        awaitEpoch(30); // let it learn a little so the clusters show
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

    /**
     * A script click: the side navigation or a tooltip may overlap the button in a small window. The button is found
     * again if a live update replaced it meanwhile.
     */
    private void click(By by) {
        browser.waitFor(30, "clicking " + by, d -> {
            browser.js("arguments[0].click()", d.findElement(by));
            return true;
        });
    }
}
