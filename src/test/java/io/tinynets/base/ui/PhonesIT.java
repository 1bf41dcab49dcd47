package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lab on a phone (390 × 844 CSS pixels): nothing scrolls sideways, the controls come above the pictures, Play
 * is shown and works, a few epochs train, and a screenshot of each lab lands in target/screenshots/phone-*.png (look at
 * them: a test cannot see a cramped picture).
 */
class PhonesIT extends BrowserTest {

    private static final int WIDTH = 390;
    private static final List<String> LIVE_LABS = List.of("playground", "descent", "depth", "sequence", "autoencoder");

    @Test
    void everyLabFitsAPhoneAndTrains() throws Exception {
        long started = System.nanoTime();
        browser.driver.manage().window().setSize(new Dimension(WIDTH, 844));
        List<String> problems = new ArrayList<>();
        for (String lab : LIVE_LABS) {
            open(lab, "en");
            assertThat(((Number) browser.js("return window.innerWidth;")).intValue()).as("viewport width")
                    .isEqualTo(WIDTH);
            checkFits(lab + " before training", problems);
            checkControlsAbovePictures(lab, problems);
            WebElement play = browser.driver.findElement(PLAY);
            browser.js("arguments[0].scrollIntoView({ block: 'center' });", play);
            assertThat(play.isDisplayed()).as(lab + ": Play shown").isTrue();
            assertThat(isTopmostAtItsCentre(play)).as(lab + ": Play not covered by anything").isTrue();
            long before = epoch();
            clickPlay();
            awaitEpoch(before + 3);
            browser.waitForVaadin();
            if (browser.driver.findElement(PLAY).getText().contains("Pause")) {
                clickPlay(); // the next lab starts from a quiet server (a race may have ended by itself)
                browser.waitForVaadin();
            }
            checkFits(lab + " after training", problems);
            hideDevModeNotice();
            browser.js("document.querySelector('h2').scrollIntoView({ block: 'start' });");
            browser.screenshot("phone-" + lab);
            browser.js("document.querySelector('.lab-charts').scrollIntoView({ block: 'start' });");
            browser.screenshot("phone-" + lab + "-pictures");
        }
        open("activation", "en");
        checkFits("activation", problems);
        hideDevModeNotice();
        browser.screenshot("phone-activation");
        open("", "ko");
        checkFits("home (ko)", problems);
        hideDevModeNotice();
        browser.screenshot("phone-home-ko");
        System.out.printf("PhonesIT: %d pages in %.1f s%n", LIVE_LABS.size() + 2, (System.nanoTime() - started) / 1e9);
        assertThat(problems).as("pages that do not fit a phone").isEmpty();
    }

    /** The page is no wider than the screen; names the widest elements that stick out when it is. */
    private void checkFits(String where, List<String> problems) {
        long width = ((Number) browser.js("return document.documentElement.scrollWidth;")).longValue();
        if (width > WIDTH) {
            problems.add(where + ": the page is " + width + " px wide: " + browser.js("""
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > arguments[0] + 1)
                      .map(e => e.localName
                          + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
                          + ' ' + Math.round(e.getBoundingClientRect().right))
                      .slice(-8).join(', ');""", WIDTH));
        }
    }

    /** On a phone the form comes first, the pictures below it (not squeezed beside it). */
    private void checkControlsAbovePictures(String lab, List<String> problems) {
        @SuppressWarnings("unchecked")
        Map<String, Object> boxes = (Map<String, Object>) browser.js("""
                const c = document.querySelector('.lab-controls').getBoundingClientRect();
                const p = document.querySelector('.lab-charts').getBoundingClientRect();
                return { controlsBottom: c.bottom, chartsTop: p.top, controlsWidth: c.width,
                         chartsWidth: p.width };""");
        double controlsBottom = ((Number) boxes.get("controlsBottom")).doubleValue();
        double chartsTop = ((Number) boxes.get("chartsTop")).doubleValue();
        double chartsWidth = ((Number) boxes.get("chartsWidth")).doubleValue();
        if (chartsTop < controlsBottom - 1 || chartsWidth < WIDTH * 0.8) {
            problems.add(lab + ": controls and pictures not stacked: " + boxes);
        }
    }

    private static boolean isTopmostAtItsCentre(WebElement element) {
        return Boolean.TRUE.equals(browser.js("""
                const r = arguments[0].getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return !!hit && (hit === arguments[0] || arguments[0].contains(hit));""", element));
    }
}
