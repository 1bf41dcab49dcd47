package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The real thing: the app in dev mode with its committed frontend bundle, driven by headless Chromium. */
class ShellIT extends BrowserTest {

    @Test
    void homeAndActivationExplorerRenderInEnglishAndKorean() throws Exception {
        open("", "en");
        assertThat(heading())
                .isEqualTo("Learn neural networks by watching tiny ones learn");
        browser.screenshot("home-en");

        open("activation", "en");
        assertThat(heading()).isEqualTo("Activation explorer");
        // uPlot has drawn the curves: three charts with many painted pixels
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 5000);
        assertThat(browser.paintedPixels("tn-line-chart")).isGreaterThan(5000);
        browser.screenshot("activation-en");

        open("", "ko");
        assertThat(heading())
                .isEqualTo("작은 신경망이 배우는 모습을 보며 신경망을 익힙니다");
        browser.screenshot("home-ko");

        open("activation", "ko");
        assertThat(heading()).isEqualTo("활성화 함수 탐색기");
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 5000);
        browser.screenshot("activation-ko");
    }
}
