package io.tinynets.base.ui;

import io.tinynets.Ci;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * Headless Debian Chromium for the end-to-end tests, without Selenium Manager (nothing may be downloaded). The browser
 * and its driver are looked for at the very paths {@code .ci/run} checks and Debian's {@code chromium} and
 * {@code chromium-driver} install ({@value #DEFAULT_CHROMIUM}, {@value #DEFAULT_CHROMEDRIVER}); the environment
 * variables {@value #CHROMIUM_VARIABLE} and {@value #CHROMEDRIVER_VARIABLE} point elsewhere. With {@code CI=true} a
 * missing browser or driver fails the test and names what is missing; on a developer machine the test is skipped
 * loudly.
 */
public final class Browser implements AutoCloseable {

    static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM_VARIABLE = "TINYNETS_TEST_CHROMIUM";
    static final String CHROMEDRIVER_VARIABLE = "TINYNETS_TEST_CHROMEDRIVER";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with Chromium's usual test arguments and {@code extraArguments} (e.g. for a test certificate). */
    public static Browser start(String... extraArguments) throws IOException {
        String chromium = configured(CHROMIUM_VARIABLE, DEFAULT_CHROMIUM);
        String chromedriver = configured(CHROMEDRIVER_VARIABLE, DEFAULT_CHROMEDRIVER);
        List<String> missing = new ArrayList<>();
        if (!new File(chromium).canExecute()) {
            missing.add("the browser " + chromium + " (Debian package chromium)");
        }
        if (!new File(chromedriver).canExecute()) {
            missing.add("the driver " + chromedriver + " (Debian package chromium-driver)");
        }
        if (!missing.isEmpty()) {
            String what = String.join(" and ", missing);
            if (Ci.isOn()) {
                throw new IllegalStateException("CI=true and " + what + (missing.size() > 1 ? " are" : " is")
                        + " missing: the browser tests must run in CI. Install it with apt-get install chromium"
                        + " chromium-driver (.ci/run does), or point " + CHROMIUM_VARIABLE + " / "
                        + CHROMEDRIVER_VARIABLE + " at it.");
            }
            System.err.println("\n*** SKIPPING browser test: " + what + " not found. apt-get install chromium"
                    + " chromium-driver to run it (with CI=true this is a failure). ***\n");
            Assumptions.abort(what + " not installed");
        }
        Path profile = Files.createTempDirectory("tinynets-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        // keep the console (CSP violations, errors) readable through consoleLog()
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    private static String configured(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Waits up to {@code seconds} for the condition (the first dev-mode page load can be slow). A condition that
     * meets an element a live update just replaced is simply evaluated again.
     */
    public <T> T waitFor(int seconds, Function<WebDriver, T> condition) {
        return waitFor(seconds, "a condition", condition);
    }

    /**
     * Waits like {@link #waitFor(int, Function)}; a timeout says what was awaited, where the browser was, and leaves
     * a screenshot and the page source in target/screenshots/timeouts for whoever reads the failure.
     */
    public <T> T waitFor(int seconds, String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class).withMessage("waiting for " + what).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String at = driver.getCurrentUrl();
            try {
                Path dir = SCREENSHOTS.resolve("timeouts");
                java.nio.file.Files.createDirectories(dir);
                String name = "timeout-" + System.currentTimeMillis();
                java.nio.file.Files.copy(((org.openqa.selenium.TakesScreenshot) driver)
                        .getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), dir.resolve(name + ".png"));
                java.nio.file.Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
                e.addSuppressed(new IllegalStateException("at " + at + "; screenshot and page source: " + dir
                        .resolve(name).toAbsolutePath() + ".png/.html"));
            } catch (RuntimeException | java.io.IOException notSaved) {
                e.addSuppressed(notSaved);
            }
            throw e;
        }
    }

    /**
     * Clicks the element {@code by} finds once it is shown and not disabled. A live page (a dashboard refreshing its
     * rows, a lab pushing snapshots) may replace the element between finding and clicking it: then it is found again
     * and clicked (a stale element is refused before the click is dispatched, so no click lands twice). Anything
     * else fails: a click intercepted by an overlay at once, an element that never becomes clickable after the wait.
     */
    public void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage("waiting to click " + by)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    if (!element.isDisplayed() || element.getDomAttribute("disabled") != null) {
                        return false;
                    }
                    element.click();
                    return true;
                });
    }

    /** The integer in a counter's text ("Epoch 1,234" is 1234). */
    public static long number(String text) {
        String digits = text.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new AssertionError("no number in '" + text + "'");
        }
        return Long.parseLong(digits);
    }

    /** The browser console lines logged since the last call (Chromium hands each line out once). */
    public List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until Vaadin has no pending server round trip. */
    public void waitForVaadin() {
        waitFor(60, d -> Boolean.TRUE.equals(js("return !!window.Vaadin && !!window.Vaadin.Flow"
                + " && window.Vaadin.Flow.clients && Object.values(window.Vaadin.Flow.clients)"
                + ".every(c => !c.isActive || !c.isActive())")));
    }

    /** Logs in through the login page of the server at {@code baseUrl} and waits until the app is shown again. */
    public void login(String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        waitFor(120, d -> !d.findElements(By.id("vaadinLoginUsername")).isEmpty());
        waitForVaadin();
        driver.findElement(By.id("vaadinLoginUsername")).sendKeys(username);
        driver.findElement(By.id("vaadinLoginPassword")).sendKeys(password,
                org.openqa.selenium.Keys.ENTER);
        waitFor(60, d -> !d.getCurrentUrl().contains("/login"));
        waitFor(60, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        waitForVaadin();
    }

    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Count of non-transparent pixels in the first canvas inside the shadow root of each matching element. */
    public long paintedPixels(String hostSelector) {
        Object n = js("""
                let total = 0;
                for (const host of document.querySelectorAll(arguments[0])) {
                  for (const c of host.shadowRoot ? host.shadowRoot.querySelectorAll('canvas') : []) {
                    if (!c.width || !c.height) continue;
                    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) total++;
                  }
                }
                return total;""", hostSelector);
        return ((Number) n).longValue();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
