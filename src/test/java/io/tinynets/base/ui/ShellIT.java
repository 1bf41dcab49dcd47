package io.tinynets.base.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The real thing: the app in dev mode with its committed frontend bundle, driven by headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShellIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(String path, String language) {
        browser.driver.get("http://localhost:" + port + "/" + path);
        browser.driver.manage().addCookie(new Cookie(UserPreferences.LANGUAGE_COOKIE, language));
        browser.driver.navigate().refresh();
        browser.waitFor(120, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
    }

    @Test
    void homeAndActivationExplorerRenderInEnglishAndKorean() throws Exception {
        open("", "en");
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText())
                .isEqualTo("Learn neural networks by watching tiny ones learn");
        browser.screenshot("home-en");

        open("activation", "en");
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("Activation explorer");
        // uPlot has drawn the curves: three charts with many painted pixels
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 5000);
        assertThat(browser.paintedPixels("tn-line-chart")).isGreaterThan(5000);
        browser.screenshot("activation-en");

        open("", "ko");
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText())
                .isEqualTo("작은 신경망이 배우는 모습을 보며 신경망을 익혀요");
        browser.screenshot("home-ko");

        open("activation", "ko");
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("활성화 함수 탐색기");
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 5000);
        browser.screenshot("activation-ko");
    }
}
