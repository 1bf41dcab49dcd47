package io.tinynets.base.ui;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * Headless Debian Chromium for the end-to-end tests, without Selenium Manager (nothing may be downloaded). With
 * {@code CI=true} a missing browser fails the build; on a developer machine the test is skipped loudly.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
            }
            System.err.println("\n*** SKIPPING browser test: " + CHROMIUM + " / " + CHROMEDRIVER
                    + " not found. apt-get install chromium chromium-driver to run it. ***\n");
            Assumptions.abort("Debian chromium and chromium-driver are not installed");
        }
        Path profile = Files.createTempDirectory("tinynets-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile);
        // keep the console (CSP violations, errors) readable through consoleLog()
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** Waits up to {@code seconds} for the condition (the first dev-mode page load can be slow). */
    public <T> T waitFor(int seconds, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(200)).until(condition);
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
        waitFor(120, d -> !d.findElements(org.openqa.selenium.By.id("vaadinLoginUsername")).isEmpty());
        waitForVaadin();
        driver.findElement(org.openqa.selenium.By.id("vaadinLoginUsername")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("vaadinLoginPassword")).sendKeys(password,
                org.openqa.selenium.Keys.ENTER);
        waitFor(60, d -> !d.getCurrentUrl().contains("/login"));
        waitFor(60, d -> !d.findElements(org.openqa.selenium.By.cssSelector("h2")).isEmpty());
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
