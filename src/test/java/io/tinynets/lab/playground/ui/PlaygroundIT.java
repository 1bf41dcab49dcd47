package io.tinynets.lab.playground.ui;

import io.tinynets.base.ui.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Trains the spiral in a real browser for a few seconds and keeps a screenshot of the boundary. */
class PlaygroundIT extends BrowserTest {

    /** Clicks the first element matching the selector whose own text is exactly {@code text}. */
    private void clickText(String selector, String text) {
        Object ok = browser.js("""
                for (const e of document.querySelectorAll(arguments[0])) {
                  if (e.textContent.trim() === arguments[1]) { e.click(); return true; }
                }
                return false;""", selector, text);
        assertThat(ok).as(selector + " '" + text + "'").isEqualTo(true);
        browser.waitForVaadin();
    }

    @Test
    void spiralTrainsAndTheBoundaryIsDrawn() throws Exception {
        open("playground", "en");
        assertThat(heading()).isEqualTo("Network playground");

        clickText("vaadin-radio-button", "Spiral");
        clickText("vaadin-checkbox", "sin x₁");
        clickText("vaadin-checkbox", "sin x₂");
        browser.js("""
                const f = [...document.querySelectorAll('vaadin-number-field')]
                    .find(e => e.label === 'Learning rate');
                f.value = '0.1';
                f.dispatchEvent(new CustomEvent('change', { bubbles: true }));""");
        browser.waitForVaadin();
        Object play = browser.js("const b = document.querySelector('.training-controls vaadin-button');"
                + " b.click(); return b.textContent.trim();");
        browser.waitForVaadin();
        assertThat((String) play).startsWith("Play");

        browser.waitFor(30, "every neuron's picture", d -> Boolean.TRUE.equals(browser.js("""
                const d = document.querySelector('tn-network-diagram');
                return !!d && d.shadowRoot.querySelectorAll('canvas').length >= 10;""")));
        awaitEpoch(11);
        // the 360 px boundary map is fully painted (plus the legend), and the diagram drew its links
        browser.waitFor(30, "the boundary fully painted",
                d -> browser.paintedPixels("tn-heat-map") > 360 * 360);
        assertThat(((Number) browser.js("return document.querySelector('tn-network-diagram').shadowRoot"
                + ".querySelectorAll('path.link').length")).intValue()).isEqualTo(4 * 4 + 4 * 2 + 2);
        browser.screenshot("playground-spiral");
    }
}
