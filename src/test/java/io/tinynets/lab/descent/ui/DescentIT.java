package io.tinynets.lab.descent.ui;

import io.tinynets.base.ui.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The descent lab in a real browser: the surface is painted, a race draws its paths live. */
class DescentIT extends BrowserTest {

    @Test
    void raceDrawsPathsOverThePaintedSurface() throws Exception {
        open("descent", "en");
        assertThat(heading()).isEqualTo("Gradient descent");
        browser.waitFor(30, d -> browser.paintedPixels("tn-heat-map") > 10000);

        clickPlay();
        browser.waitFor(30, d -> ((Number) browser.js("const o = document.querySelector('tn-path-overlay');"
                + "const p = o && o.shadowRoot.querySelector('polyline');"
                + "return p ? p.getAttribute('points').split(' ').length : 0;")).intValue() > 20);
        // one marker per racing optimizer at the head of its path
        browser.waitFor(30, "three racers' markers", d -> ((Number) browser.js("return document"
                + ".querySelector('tn-path-overlay').shadowRoot.querySelectorAll('circle').length;")).intValue() == 3);
        browser.screenshot("descent-en");
    }
}
