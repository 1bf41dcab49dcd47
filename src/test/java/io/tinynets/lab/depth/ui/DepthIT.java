package io.tinynets.lab.depth.ui;

import io.tinynets.base.ui.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The depth lab in a real browser: bars, histograms and boundaries are drawn, and training visibly makes progress. */
class DepthIT extends BrowserTest {

    /**
     * The loss curves as the page's chart holds them (the points push delivered): per network, its first and its
     * latest loss, or nothing while a curve has fewer than two points.
     */
    @SuppressWarnings("unchecked")
    private List<List<Number>> firstAndLatestLoss() {
        return (List<List<Number>>) browser.js("""
                const chart = document.querySelector('.depth-lab tn-line-chart');
                return (chart && chart.ys ? chart.ys : []).filter(y => y.length >= 2)
                    .map(y => [y[0], y[y.length - 1]]);""");
    }

    @Test
    void comparisonDrawsBarsAndMapsAndTrains() throws Exception {
        open("depth", "en");
        assertThat(heading()).isEqualTo("Vanishing gradient");
        browser.waitFor(30, d -> browser.paintedPixels("tn-heat-map") > 10000);
        Object bars = browser.js("return document.querySelector('tn-bar-chart').shadowRoot.querySelectorAll('rect').length;");
        assertThat(((Number) bars).intValue()).isEqualTo(11);

        clickPlay();
        long early = awaitEpoch(1);
        // training makes progress: the epoch counter advances and at least one network's loss falls by a tenth
        awaitEpoch(early + 50);
        browser.waitFor(60, "a network's loss falling below 90 % of its first value",
                d -> firstAndLatestLoss().stream()
                        .anyMatch(p -> p.get(1).doubleValue() < 0.9 * p.get(0).doubleValue()));
        assertThat(firstAndLatestLoss()).as("both networks' loss curves").hasSize(2);
        browser.waitFor(30, "the loss curves drawn", d -> browser.paintedPixels("tn-line-chart") > 500);
        browser.screenshot("depth-en");
    }

    /**
     * Navigating away and back (through the side navigation, then the browser's Back) leaves no picture empty: the
     * heat maps are painted again and the gradient bars drawn again, found by their canvas pixels and SVG bars.
     */
    @Test
    void thePicturesArePaintedAgainAfterNavigatingAwayAndBack() {
        open("depth", "en");
        browser.waitFor(30, "the depth lab's maps painted", d -> browser.paintedPixels("tn-heat-map") > 10000);
        long paintedBefore = browser.paintedPixels("tn-heat-map");

        browser.js("document.querySelector(\"vaadin-side-nav-item[path='activation']\").shadowRoot"
                + ".querySelector('a').click()");
        browser.waitFor(60, "the activation explorer shown", d -> heading().equals("Activation explorer"));
        browser.waitForVaadin();
        browser.waitFor(30, "the depth lab's pictures gone", d -> browser.paintedPixels("tn-heat-map") == 0);

        browser.driver.navigate().back();
        browser.waitFor(60, "the depth lab shown again", d -> heading().equals("Vanishing gradient"));
        browser.waitFor(30, "the maps painted again", d -> browser.paintedPixels("tn-heat-map") >= paintedBefore * 9 / 10);
        browser.waitFor(30, "the gradient bars drawn again", d -> ((Number) browser.js(
                "return document.querySelector('tn-bar-chart').shadowRoot.querySelectorAll('rect').length;"))
                .intValue() == 11);
    }
}
