package io.tinynets.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * A long playground run stays readable: on a log epoch axis the first epochs, where the loss falls, get as much room
 * as the last thousands; the moving window shows only the last 500 epochs. Screenshots under
 * target/screenshots/epoch-axis.
 */
class EpochAxisIT extends BrowserTest {

    private static final Path SHOTS = Browser.SCREENSHOTS.resolve("epoch-axis");

    /** The loss chart's x scale as uPlot drew it: distribution (1 linear, 3 log), min and max. */
    @SuppressWarnings("unchecked")
    private static List<Number> lossXScale() {
        return (List<Number>) browser.js("const p = document.querySelector('tn-line-chart').plot;"
                + " return p ? [p.scales.x.distr, p.scales.x.min, p.scales.x.max] : null;");
    }

    /** Picks an item of the epoch-axis choice as a user would: opens its list and clicks the item. */
    private static void choose(String item) {
        browser.js("const s = document.querySelector('vaadin-select.epoch-axis-choice');"
                + " s.scrollIntoView({ block: 'center' }); s.opened = true;");
        browser.waitFor(10, "the axis choices", d -> Boolean.TRUE.equals(browser.js(
                "return [...document.querySelectorAll('vaadin-select-item')].some(i => i.offsetParent !== null);")));
        Object clicked = browser.js("const i = [...document.querySelectorAll('vaadin-select-item')]"
                + ".find(i => i.offsetParent !== null && i.textContent.trim() === arguments[0]);"
                + " if (i) { i.click(); } return !!i;", item);
        assertThat(clicked).as("item '" + item + "' offered").isEqualTo(Boolean.TRUE);
        browser.waitFor(10, "the list closed", d -> Boolean.FALSE.equals(browser.js(
                "return document.querySelector('vaadin-select.epoch-axis-choice').opened;")));
        browser.waitForVaadin();
    }

    /** The epoch counter, read from the page whatever is scrolled into view. */
    private static long epochShown() {
        return Browser.number((String) browser.js("return document.querySelector('.epoch-counter').textContent;"));
    }

    private static void save(String name) throws Exception {
        WebElement chart = browser.driver.findElement(By.cssSelector("tn-line-chart"));
        WebElement box = (WebElement) browser.js("return arguments[0].closest('.chart-row') || arguments[0];", chart);
        browser.js("arguments[0].scrollIntoView({ block: 'start' });", box);
        Files.createDirectories(SHOTS);
        Files.copy(box.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aLongRunOnALogAxisKeepsItsFirstEpochsReadableAndTheWindowFollowsTheRun() throws Exception {
        open("playground", "en");
        hideDevModeNotice();
        // the lab opens at its watchable pace; one click makes it as fast as possible
        assertThat(browser.driver.findElement(By.cssSelector(".training-controls vaadin-select")).getText())
                .contains("10 epochs/s");
        browser.js("document.querySelector(\".training-controls vaadin-button[aria-label='As fast as possible']\")"
                + ".click();");
        browser.waitForVaadin();
        choose("All epochs, log scale");
        pressPlayOrPause();
        browser.waitFor(120, "3000 epochs", d -> epochShown() >= 3000);
        pressPlayOrPause(); // pause: the picture holds still
        browser.waitForVaadin();
        long epochs = epochShown();
        browser.waitFor(10, "every epoch drawn", d -> ((Number) browser.js(
                "return document.querySelector('tn-line-chart').pointCount(0);")).longValue() >= epochs);

        assertThat(browser.driver.findElement(By.cssSelector("tn-line-chart")).getAttribute("x-label"))
                .isEqualTo("epoch (log scale)");
        List<Number> log = lossXScale();
        assertThat(log.get(0).intValue()).as("log distribution").isEqualTo(3);
        assertThat(log.get(1).doubleValue()).as("from epoch 1 or below").isLessThanOrEqualTo(1);
        assertThat(log.get(2).doubleValue()).as("to the last epoch or above").isGreaterThanOrEqualTo(epochs);
        // the first 100 epochs take a good share of the width, not a sliver at the left edge
        double share = ((Number) browser.js("const p = document.querySelector('tn-line-chart').plot;"
                + " return (p.valToPos(100, 'x') - p.valToPos(1, 'x')) / p.bbox.width * devicePixelRatio;"))
                .doubleValue();
        // on a log axis epochs 1–100 span log(100)/log(max/min) of it: 0.5 up to 10,000 epochs, 0.4 up to 100,000
        // (uPlot rounds the ends to powers of ten, and a fast machine passes 10,000 before the pause lands); on the
        // linear axis the same epochs would be a sliver of 0.001–0.03
        assertThat(share).as("share of the width for epochs 1-100").isGreaterThanOrEqualTo(0.39)
                .isCloseTo(2 / Math.log10(log.get(2).doubleValue() / log.get(1).doubleValue()),
                        org.assertj.core.data.Offset.offset(0.02));
        save("playground-log-en-light");

        choose("Last 500 epochs");
        browser.waitFor(10, "the moving window drawn", d -> lossXScale() != null && lossXScale().get(0).intValue() == 1
                && lossXScale().get(1).doubleValue() >= epochs - 500);
        List<Number> window = lossXScale();
        assertThat(window.get(2).doubleValue()).isGreaterThanOrEqualTo(epochs);
        save("playground-window-en-light");
    }
}
