package io.tinynets.share.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.base.ui.Browser;
import io.tinynets.base.ui.BrowserTest;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.share.LabLink;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared link opened in a real browser without an account: the controls hold its settings, the address follows a
 * changed control, a picture downloads as a PNG and the curves as CSV (under the page's Content-Security-Policy),
 * and the print style lays the lab out as a handout (screenshot in target/screenshots).
 */
class ShareAndExportIT extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSharedLinkOpensAnonymouslyAndThePicturesDownload() throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree(PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null));
        config.put("dataset", "xor");
        config.put("noise", 0.25);
        config.put("seed", 4242);
        String link = LabLink.write(new LabLink.State("playground", config.toString(), PlaygroundConfigJson.VERSION,
                4242));
        Path downloads = Files.createTempDirectory("tinynets-downloads");
        ((ChromeDriver) browser.driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        open("playground?lab=" + link, "en");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/playground?lab=" + link);
        assertThat(fieldValue("Seed")).isEqualTo("4242");
        assertThat(fieldValue("Noise %")).isEqualTo("25");
        assertThat(browser.js("return document.querySelector('vaadin-radio-button[checked]').textContent"))
                .asString().containsIgnoringCase("xor");
        assertThat(browser.js("return [...document.head.querySelectorAll('link[rel=icon]')].map(l => l.href)"))
                .asString().contains("/icons/favicon.svg").contains("/favicon.ico");

        // a control changed: the address follows (no reload), and it still opens the same lab
        browser.js("const f = [...document.querySelectorAll('vaadin-integer-field')].find(f => f.label === 'Seed');"
                + "f.value = '77'; f.dispatchEvent(new Event('change'));");
        browser.waitFor(20, "the address to carry seed 77", d -> {
            String url = d.getCurrentUrl();
            return url.contains("?lab=") && LabLink.read(url.substring(url.indexOf("?lab=") + 5)).seed() == 77;
        });

        // "Copy link": the clipboard takes it where the browser allows, and the link is shown to copy by hand
        browser.click(By.cssSelector(".share-copy"));
        browser.waitFor(20, "the link shown", d -> Boolean.TRUE.equals(browser.js(
                "const f = document.querySelector('.share-link'); return !!f && !f.hidden && !!f.value")));
        assertThat(browser.js("return document.querySelector('.share-link').value"))
                .isEqualTo(browser.driver.getCurrentUrl());

        // train a few epochs so the curves have something to draw
        clickPlay();
        awaitEpoch(20);
        clickPlay();
        browser.waitForVaadin();

        download("Picture: Decision (PNG)");
        Path png = browser.waitFor(30, "the PNG download", d -> finished(downloads, "playground-decision.png"));
        byte[] bytes = Files.readAllBytes(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a PNG").isNotNull();
        assertThat(image.getWidth()).isGreaterThan(300);
        assertThat(colours(image)).as("a picture, not a blank").isGreaterThan(50);

        download("Curves: Loss (CSV)");
        Path csv = browser.waitFor(30, "the CSV download", d -> finished(downloads, "playground-loss.csv"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFF\"epoch\",\"train loss\",\"test loss\",\"previous run\"");
        assertThat(lines.size()).isGreaterThan(20);
        assertThat(lines.get(1)).matches("1,[0-9.e-]+,[0-9.e-]*,");

        assertThat(browser.consoleLog()).noneMatch(l -> l.contains("Content Security Policy"))
                .noneMatch(l -> l.contains("SEVERE"));

        // the handout: print media, one page of title, pictures and explanation
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.js("return getComputedStyle(document.querySelector('.training-controls')).display"))
                .isEqualTo("none");
        assertThat(browser.js("return getComputedStyle(document.querySelector('.lab-explanation')).display"))
                .isNotEqualTo("none");
        // the printable area of A4 with the style's 10 mm margins, in CSS pixels (96 per inch): 718 x 1047
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(718, 1047));
        browser.waitFor(10, "the page laid out at A4 width", d -> ((Number) browser.js(
                "return document.documentElement.clientWidth")).intValue() <= 718);
        long height = ((Number) browser.js("return Math.max(document.documentElement.scrollHeight,"
                + " document.body.scrollHeight)")).longValue();
        browser.screenshot("print-preview-playground");
        assertThat(height).as("the handout's height at A4 width, in CSS pixels").isLessThanOrEqualTo(1047);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        // printed on A4 (210 x 297 mm, in inches), as the browser's Print would: one page
        Map<String, Object> pdf = ((ChromeDriver) browser.driver).executeCdpCommand("Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true, "printBackground", true));
        byte[] document = java.util.Base64.getDecoder().decode((String) pdf.get("data"));
        Path handout = Browser.SCREENSHOTS.resolve("handout-playground.pdf");
        Files.write(handout, document);
        String text = new String(document, StandardCharsets.ISO_8859_1);
        assertThat(java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count())
                .as("pages of the handout (" + handout + ")").isEqualTo(1);
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private String fieldValue(String label) {
        return String.valueOf(browser.js("const f = [...document.querySelectorAll('vaadin-integer-field')]"
                + ".find(f => f.label === arguments[0]); return f ? f.value : null;", label));
    }

    private void download(String item) {
        browser.click(By.cssSelector(".lab-export vaadin-menu-bar-button"));
        browser.click(By.xpath("//vaadin-menu-bar-item[normalize-space(.)='" + item + "']"));
    }

    private static Path finished(Path folder, String name) {
        Path file = folder.resolve(name);
        try {
            return Files.exists(file) && Files.size(file) > 0 ? file : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

}
