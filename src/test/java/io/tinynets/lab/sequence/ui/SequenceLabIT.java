package io.tinynets.lab.sequence.ui;

import io.tinynets.base.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** A real race in headless Chromium: the gate panels fill with colour while the three curves grow. */
class SequenceLabIT extends BrowserTest {


    @Test
    void raceDrawsGatePanelsLive() throws Exception {
        open("sequence", "en");
        assertThat(heading())
                .isEqualTo("Sequence lab: RNN, LSTM and GRU");

        clickPlay();
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
