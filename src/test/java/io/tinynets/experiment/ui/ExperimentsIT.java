package io.tinynets.experiment.ui;

import io.tinynets.base.ui.Browser;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import io.tinynets.experiment.ExperimentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The experiment pages in a real browser: the list, one experiment's page and a comparison, drawn. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExperimentsIT {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ExperimentService service;
    @Autowired
    AccountService accounts;

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

    private void open(String path) {
        browser.driver.get("http://localhost:" + port + "/" + path);
        browser.waitFor(120, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
    }

    @Test
    void listDetailAndComparisonRender() throws Exception {
        if (!accounts.adminExists()) {
            accounts.createFirstAdmin("admin", "Admin", "admin password");
        }
        String me = "it.student";
        if (accounts.find(me).isEmpty()) {
            ClassroomFixtures.account(accounts, me, Role.STUDENT);
        }
        browser.login("http://localhost:" + port, me, ClassroomFixtures.PASSWORD);
        long a = service.save(me, ExperimentsViewTest.draft("activation", "<b>lr 0.1</b>", 0.1, 42)
                .describedAs("<b>lr 0.1</b>", "first", java.util.List.of("xor")));
        long b = service.save(me, ExperimentsViewTest.draft("playground", "lr 0.3", 0.3, 42));

        open("experiments");
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("Experiments");
        browser.waitFor(30, d -> d.getPageSource().contains("lr 0.3"));
        assertThat(browser.driver.findElements(By.tagName("b"))).isEmpty(); // the name is text, not markup
        browser.screenshot("experiments-list");

        open("experiments/" + a);
        assertThat(browser.driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("<b>lr 0.1</b>");
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 2000);
        browser.screenshot("experiments-detail");

        open("experiments/compare?ids=" + a + "," + b);
        browser.waitFor(30, d -> browser.paintedPixels("tn-line-chart") > 2000);
        assertThat(browser.driver.getPageSource()).contains("optimizer.lr");
        browser.screenshot("experiments-compare");
    }
}
