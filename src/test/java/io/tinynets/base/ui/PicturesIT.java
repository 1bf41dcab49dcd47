package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.share.LabLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three pictures of issue 20, in English and Korean, light and dark, saved under target/screenshots/pictures and
 * read back pixel by pixel: the decision map's points carry their class colour and their shape on the paled map,
 * the autoencoder's latent space shows its measured clusters, and every chart and colour bar names its quantity.
 */
class PicturesIT extends BrowserTest {

    private static final Path SHOTS = Browser.SCREENSHOTS.resolve("pictures");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens {@code path} in a language and a theme (both remembered in cookies, as the header's switches do). */
    private void openIn(String path, String language, boolean dark) {
        browser.driver.get("http://localhost:" + port + "/" + path);
        browser.driver.manage().addCookie(new Cookie(UserPreferences.LANGUAGE_COOKIE, language));
        browser.driver.manage().addCookie(new Cookie(UserPreferences.THEME_COOKIE, dark ? "dark" : "light"));
        browser.driver.navigate().refresh();
        browser.waitFor(240, "the view's heading", d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        browser.waitForVaadin();
        boolean pageDark = Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('[theme~=\"dark\"]')"));
        assertThat(pageDark).as("page in the dark theme").isEqualTo(dark);
        // the dev-mode notice would cover the pictures' right-hand side in the screenshots
        hideDevModeNotice();
    }

    private static void save(WebElement element, String name) throws IOException {
        Files.createDirectories(SHOTS);
        browser.js("arguments[0].scrollIntoView({ block: 'start' });", element);
        Path shot = element.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String attribute(String selector, String name) {
        return (String) browser.js("const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", selector, name);
    }

    @Test
    void theDecisionMapShowsClassAndSplitOnEveryBackground() throws Exception {
        for (String language : List.of("en", "ko")) {
            for (boolean dark : List.of(false, true)) {
                openIn("playground", language, dark);
                browser.waitFor(60, "points on the decision map", d -> Boolean.TRUE.equals(browser.js(
                        "const m = document.querySelector('.boundary-box tn-heat-map');"
                                + " return !!m && m.pointPosition(0).length === 2"
                                + " && m.shadowRoot.querySelectorAll('canvas.mark').length >= 4;")));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.js(MEASURE_POINTS);
                String where = language + (dark ? " dark" : " light") + ": " + m;
                // each class keeps its own fill: blue class 0, orange class 1 (lighter steps on the dark page)
                assertThat(distance(m.get("blueFill"), dark ? new int[]{103, 169, 207} : new int[]{33, 102, 172}))
                        .as("class-0 fill, " + where).isLessThan(25);
                assertThat(distance(m.get("orangeFill"), dark ? new int[]{241, 163, 64} : new int[]{224, 130, 20}))
                        .as("class-1 fill, " + where).isLessThan(25);
                // the paled map never looks like a point's fill
                assertThat(((Number) m.get("fillToMap")).doubleValue()).as("fill vs map, " + where)
                        .isGreaterThan(60);
                // the ring: dark ink on the light page, light ink on the dark one
                double ring = ((Number) m.get("ringLuminance")).doubleValue();
                if (dark) {
                    assertThat(ring).as("ring, " + where).isGreaterThan(170);
                } else {
                    assertThat(ring).as("ring, " + where).isLessThan(90);
                }
                // training circles: fill reaches less far along the diagonal than along the axis; test squares: as far
                assertThat(((Number) m.get("circleRatio")).doubleValue()).as("circle shape, " + where)
                        .isLessThan(0.85);
                assertThat(((Number) m.get("squareRatio")).doubleValue()).as("square shape, " + where)
                        .isGreaterThan(0.9);
                // words: the colour bar's quantity, the map's axes, and the legend of the marks
                assertThat(attribute(".boundary-box tn-heat-map", "value-label"))
                        .isEqualTo(language.equals("en") ? "network output" : "신경망 출력");
                assertThat(attribute(".boundary-box tn-heat-map", "x-label")).isEqualTo("x₁");
                assertThat((String) browser.js("return document.querySelector('.boundary-box tn-heat-map')"
                        + ".shadowRoot.querySelector('.marks').textContent"))
                        .contains(language.equals("en") ? "test point" : "테스트용 점");
                save(browser.driver.findElement(By.cssSelector(".boundary-box")),
                        "playground-map-" + language + (dark ? "-dark" : "-light"));
            }
        }
    }

    /**
     * Three classes: the map shows the predicted class in the points' own colours, so a region holds the points of its
     * colour (a sequential ramp had painted class 3's region yellow under green points).
     */
    @Test
    void aThreeClassMapPaintsEachRegionInItsPointsColour() throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree(PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null));
        config.put("dataset", "blobs3");
        config.put(PlaygroundConfigJson.OUTPUT_LOSS, OutputLoss.SOFTMAX_CROSS_ENTROPY.key());
        String link = LabLink.write(new LabLink.State("playground", config.toString(), PlaygroundConfigJson.VERSION,
                7));
        openIn("playground?lab=" + link, "en", false);
        browser.waitFor(60, "points on the decision map", d -> Boolean.TRUE.equals(browser.js(
                "const m = document.querySelector('.boundary-box tn-heat-map');"
                        + " return !!m && m.pointPosition(0).length === 2;")));
        assertThat(attribute(".boundary-box tn-heat-map", "color-map")).isEqualTo("classes");
        pressPlayOrPause();
        // the share of each class's training points whose surroundings are painted in that class's hue
        browser.waitFor(90, "each class's region in its points' colour", d -> {
            @SuppressWarnings("unchecked")
            List<Number> agree = (List<Number>) browser.js(REGION_AGREEMENT);
            return agree.size() == 3 && agree.stream().allMatch(a -> a.doubleValue() >= 0.8);
        });
        pressPlayOrPause();
        // the colour bar numbers the classes as the legend does: 1 to 3, not the indices 0 to 2
        assertThat(browser.js("return [...document.querySelector('.boundary-box tn-heat-map').shadowRoot"
                + ".querySelectorAll('.scale span')].map(s => s.textContent.trim())")).asString()
                .isEqualTo("[3, 1]");
        save(browser.driver.findElement(By.cssSelector(".boundary-box")), "playground-map-three-classes");
    }

    /** Per class: the share of its training points whose map pixel 12 px to the right has the hue of its colour. */
    private static final String REGION_AGREEMENT = """
            const m = document.querySelector('.boundary-box tn-heat-map');
            const canvas = m.shadowRoot.querySelector('canvas.grid');
            const ctx = canvas.getContext('2d');
            const hue = (r, g, b) => {
              const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
              if (d === 0) return -1;
              const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
              return (h * 60 + 360) % 360;
            };
            const classHues = [[33, 102, 172], [224, 130, 20], [27, 120, 55]].map(c => hue(...c));
            const nearest = h => classHues.map((c, i) => [Math.min(Math.abs(h - c), 360 - Math.abs(h - c)), i])
                .sort((a, b) => a[0] - b[0])[0][1];
            const agree = [0, 0, 0], total = [0, 0, 0];
            m.points.forEach((p, i) => {
              if (p.hollow || p.c > 2) return;
              const [x, y] = m.pointPosition(i);
              const px = Math.min(canvas.width - 1, Math.round(x + 12));
              const d = ctx.getImageData(px, Math.round(y), 1, 1).data;
              total[p.c]++;
              if (nearest(hue(d[0], d[1], d[2])) === p.c) agree[p.c]++;
            });
            return total.map((t, c) => t === 0 ? 0 : agree[c] / t);
            """;

    @Test
    void theLatentSpaceAndTheLossCurveSayWhatTheyShow() throws Exception {
        for (String language : List.of("en", "ko")) {
            for (boolean dark : List.of(false, true)) {
                openIn("autoencoder", language, dark);
                pressPlayOrPause();
                awaitEpoch(30);
                browser.waitFor(30, "the measured clusters in the latent caption", d -> Boolean.TRUE.equals(
                        browser.js("return [...document.querySelectorAll('p')].some(p => /\\d+%/.test(p.textContent)"
                                + " && p.textContent.includes('10%'));")));
                pressPlayOrPause(); // pause, so the pictures hold still for the screenshots
                browser.waitForVaadin();
                assertThat(attribute("tn-latent-plane", "x-label"))
                        .isEqualTo(language.equals("en") ? "code number 1" : "코드 숫자 1");
                assertThat(attribute("tn-line-chart", "y-label")).isEqualTo(language.equals("en")
                        ? "training loss (log scale)" : "학습 손실 (로그 눈금)");
                // the codes spread: points fill the plane instead of lining its border
                double rim = ((Number) browser.js("""
                        const p = document.querySelector('tn-latent-plane').pts;
                        let rim = 0, n = 0;
                        for (let i = 0; i + 2 < p.length; i += 3) {
                          n++;
                          if (p[i] < 30 || p[i] > 225 || p[i + 1] < 30 || p[i + 1] > 225) rim++;
                        }
                        return n ? rim / n : 1;""")).doubleValue();
                assertThat(rim).as("share of latent points near the border").isLessThan(0.35);
                String suffix = language + (dark ? "-dark" : "-light");
                WebElement latent = browser.driver.findElement(By.cssSelector("tn-latent-plane"));
                save((WebElement) browser.js("return arguments[0].closest('.chart-box') || arguments[0];", latent),
                        "autoencoder-latent-" + suffix);
                WebElement loss = browser.driver.findElement(By.cssSelector("tn-line-chart"));
                save((WebElement) browser.js("return arguments[0].closest('.chart-box') || arguments[0];", loss),
                        "autoencoder-loss-" + suffix);
            }
        }
        openIn("playground", "en", false);
        assertThat(attribute("tn-line-chart", "y-label")).isEqualTo("training and test loss");
    }

    @Test
    void theGradientFlowIsRelativeToTheAnswerWithTheFirstEpochAsAGhost() throws Exception {
        openIn("sequence", "en", false);
        pressPlayOrPause();
        awaitEpoch(5);
        String chart = "[...document.querySelectorAll('.chart-box')].find(b => b.querySelector('h3')"
                + " && b.querySelector('h3').textContent.startsWith('Gradient flow')).querySelector('tn-line-chart')";
        // current curves of the three cells, the LSTM's cell state, and the three first-epoch ghosts
        browser.waitFor(60, "the gradient flow and its ghosts", d -> Boolean.TRUE.equals(browser.js(
                "const c = " + chart + "; return [0, 1, 2, 3, 4, 5, 6].every(i => c.pointCount(i) > 0);")));
        pressPlayOrPause();
        assertThat((String) browser.js("return " + chart + ".getAttribute('y-label');"))
                .isEqualTo("‖∂L/∂hₜ‖ / ‖∂L/∂h_T‖ (log scale)");
        // relative to the answer step: every current curve ends at 1
        for (int series = 0; series < 3; series++) {
            Number last = (Number) browser.js("const c = " + chart + "; const y = c.ys[arguments[0]];"
                    + " return y[y.length - 1];", series);
            assertThat(last.doubleValue()).as("series " + series + " at t = T").isEqualTo(1.0);
        }
        WebElement box = (WebElement) browser.js("return " + chart + ".closest('.chart-box');");
        save(box, "sequence-gradient-en-light");
    }

    private static double distance(Object rgb, int[] expected) {
        @SuppressWarnings("unchecked")
        List<Number> c = (List<Number>) rgb;
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double d = c.get(i).doubleValue() - expected[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /**
     * Reads the decision map back: an isolated training point of each class and an isolated test point, their centre
     * colour, the ring's luminance, how far the fill reaches along the axis and the diagonal, and the least distance
     * between a fill and the map far from any point.
     */
    private static final String MEASURE_POINTS = """
            const m = document.querySelector('.boundary-box tn-heat-map');
            const c = m.shadowRoot.querySelector('canvas.grid');
            const ctx = c.getContext('2d');
            const img = ctx.getImageData(0, 0, c.width, c.height).data;
            const px = (x, y) => { const i = 4 * (Math.floor(y) * c.width + Math.floor(x)); return [img[i], img[i + 1], img[i + 2]]; };
            const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
            const pts = m.points.map((p, i) => ({ ...p, pos: m.pointPosition(i) }));
            const isolated = (p) => p.pos[0] > 12 && p.pos[1] > 12 && p.pos[0] < c.width - 12 && p.pos[1] < c.height - 12
                && pts.every((q) => q === p || Math.hypot(q.pos[0] - p.pos[0], q.pos[1] - p.pos[1]) > 16);
            const pick = (f) => pts.find((p) => f(p) && isolated(p)) || pts.find(f);
            const blue = pick((p) => p.c === 0 && !p.hollow);
            const orange = pick((p) => p.c === 1 && !p.hollow);
            const test = pick((p) => p.hollow);
            const reach = (p, dx, dy) => {
              const fill = px(p.pos[0], p.pos[1]);
              let k = 0;
              while (k < 12 && dist(px(p.pos[0] + (k + 1) * dx, p.pos[1] + (k + 1) * dy), fill) < 40) k++;
              return k;
            };
            const ratio = (p) => (reach(p, 1, 1) + reach(p, -1, -1)) / Math.max(1, reach(p, 1, 0) + reach(p, -1, 0));
            const ringAt = px(orange.pos[0] + 4.5, orange.pos[1]);
            const fills = [px(blue.pos[0], blue.pos[1]), px(orange.pos[0], orange.pos[1])];
            let fillToMap = 1e9;
            for (let y = 2; y < c.height; y += 6) {
              for (let x = 2; x < c.width; x += 6) {
                if (pts.some((q) => Math.hypot(q.pos[0] - x, q.pos[1] - y) < 10)) continue;
                for (const f of fills) fillToMap = Math.min(fillToMap, dist(px(x, y), f));
              }
            }
            return { blueFill: fills[0], orangeFill: fills[1], testFill: px(test.pos[0], test.pos[1]),
                     ringLuminance: 0.2126 * ringAt[0] + 0.7152 * ringAt[1] + 0.0722 * ringAt[2],
                     circleRatio: ratio(orange), squareRatio: ratio(test), fillToMap };""";
}
