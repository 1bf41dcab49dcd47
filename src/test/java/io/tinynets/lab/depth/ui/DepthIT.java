package io.tinynets.lab.depth.ui;

import io.tinynets.base.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The depth lab in a real browser: bars, histograms and boundaries are drawn, training updates them. */
class DepthIT extends BrowserTest {

    @Test
    void comparisonDrawsBarsAndMapsAndTrains() throws Exception {
        open("depth", "en");
        assertThat(heading()).isEqualTo("Vanishing gradient");
        browser.waitFor(30, d -> browser.paintedPixels("tn-heat-map") > 10000);
        Object bars = browser.js("return document.querySelector('tn-bar-chart').shadowRoot.querySelectorAll('rect').length;");
        assertThat(((Number) bars).intValue()).isEqualTo(11);
        clickPlay();
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 500);
        Thread.sleep(1500);
        browser.screenshot("depth-en");
    }
}
