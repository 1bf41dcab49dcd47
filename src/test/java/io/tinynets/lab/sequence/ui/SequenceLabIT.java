package io.tinynets.lab.sequence.ui;

import io.tinynets.base.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real race in headless Chromium: the gate panels fill with colour while the three curves grow, and the live panels
 * keep within the lab's bandwidth budget of 30 KB/s to one browser.
 */
class SequenceLabIT extends BrowserTest {

    /** The budget for what the Sequence lab pushes to one browser, in KB/s (the view paces its panels to stay below). */
    static final double BUDGET_KB_PER_SECOND = 30.0;
    /** The traffic meter's averaging window (SequencePanels.bytesPerSecond). */
    static final long METER_WINDOW_NANOS = 5_000_000_000L;

    /** The figure the traffic meter shows ("Live panels send about 18.4 KB/s"), in KB/s. */
    private double shownTraffic() {
        String text = browser.driver.findElement(By.cssSelector(".sequence-traffic")).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?) KB/s").matcher(text);
        assertThat(m.find()).as("a KB/s figure in '" + text + "'").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void raceDrawsGatePanelsLiveWithinTheTrafficBudget() throws Exception {
        open("sequence", "en");
        assertThat(heading())
                .isEqualTo("Sequence lab: RNN, LSTM and GRU");

        clickPlay();
        browser.waitFor(30, "the gate panels painted", d -> browser.paintedPixels("tn-heat-map") > 20_000);
        long from = awaitEpoch(1);
        // The meter averages what the view sent over the last 5 s (at least 1 s), so its first readings measure the
        // start-up burst (every panel drawn in full once, the parameter counts) over a second or two; the budget is a
        // sustained rate. Readings are kept apart until the race has run one full window, then five are taken.
        long windowStart = System.nanoTime();
        List<Double> startUp = new ArrayList<>();
        List<Double> sustained = new ArrayList<>();
        browser.waitFor(60, "five traffic readings over a full 5-second window", d -> {
            boolean fullWindow = System.nanoTime() - windowStart > METER_WINDOW_NANOS;
            (fullWindow ? sustained : startUp).add(shownTraffic());
            return sustained.size() >= 5;
        });
        long epochs = epoch() - from;
        System.out.println(String.format(Locale.ROOT, "[SequenceLabIT] traffic (KB/s) at start-up %s, sustained %s;"
                + " %d epochs trained meanwhile", startUp, sustained, epochs));
        assertThat(epochs).as("epochs trained while measuring").isGreaterThan(10);
        assertThat(sustained).as("sustained traffic readings (KB/s)")
                .allSatisfy(kb -> assertThat(kb).isGreaterThan(0.0).isLessThanOrEqualTo(BUDGET_KB_PER_SECOND));
        assertThat(browser.paintedPixels("tn-heat-map")).isGreaterThan(20_000);
        // the diagram's SVG has gate boxes with values
        Object gates = browser.js(
                "return document.querySelector('tn-cell-diagram').shadowRoot.querySelectorAll('rect').length");
        assertThat(((Number) gates).intValue()).isGreaterThanOrEqualTo(5);
        browser.js("document.querySelector('.sequence-gates').scrollIntoView()");
        browser.screenshot("sequence-gates");
    }
}
