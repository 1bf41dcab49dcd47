package io.tinynets.base.ui;

import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.experiment.ExperimentService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the copy bundled in Deque's Maven artifact, injected into the page) on every route, in English and Korean,
 * light and dark: no serious or critical violation anywhere, every picture an image with a name, and the page's
 * language on {@code <html>}. Public pages are checked signed out, the rest signed in as an administrator (who may see
 * every page); one browser and one login serve the whole run.
 */
class AccessibilityIT extends BrowserTest {

    /** Pages a signed-out visitor sees as themselves (signed in, they redirect or show the same form). */
    private static final List<String> SIGNED_OUT = List.of("login", "signup", "setup");
    private static final List<String> LABS = List.of("playground", "descent", "depth", "sequence", "autoencoder");

    /** All of axe's default rules (WCAG 2.x A and AA, best practices); the serious and critical findings come back. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run({ exclude: [['vaadin-dev-tools'], ['copilot-main']] },
                    { resultTypes: ['violations'] })
              .then(r => done(r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.impact + ' ' + v.id + ': ' + v.help + '\\n      '
                      + v.nodes.slice(0, 6).map(n => JSON.stringify(n.target) + ' ' + n.failureSummary
                          .replace(/\\s+/g, ' ')).join('\\n      '))))
              .catch(e => done(['axe failed: ' + e]));""";

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    ExperimentService experiments;

    private String axeSource;

    @Test
    void everyRouteHasNoSeriousOrCriticalViolationInBothLanguagesAndThemes() throws Exception {
        long started = System.nanoTime();
        axeSource = axeSource();
        String me = "it.a11y.admin";
        if (accounts.find(me).isEmpty()) {
            ClassroomFixtures.account(accounts, me, Role.ADMIN);
        }
        SchoolClass schoolClass = classes.create(me, "A11y class");
        long a = experiments.save(me, ClassroomFixtures.playgroundDraft("a11y first", 0.2));
        long b = experiments.save(me, ClassroomFixtures.playgroundDraft("a11y second", 0.3));

        List<String> signedIn = new ArrayList<>(List.of("", "activation"));
        signedIn.addAll(LABS);
        signedIn.addAll(List.of("experiments", "experiments/" + a, "experiments/compare?ids=" + a + "," + b,
                "gallery", "classes", "assignments", "password", "admin", "dashboard/" + schoolClass.id()));

        List<String> problems = new ArrayList<>();
        int pages = 0;
        browser.driver.get("http://localhost:" + port + "/login");
        problems.addAll(darkCookieShowsDark());
        for (String language : List.of("en", "ko")) {
            pages += checkAll(SIGNED_OUT, language, problems);
        }
        browser.login("http://localhost:" + port, me, ClassroomFixtures.PASSWORD);
        for (String language : List.of("en", "ko")) {
            pages += checkAll(signedIn, language, problems);
        }
        System.out.printf("AccessibilityIT: %d page checks in %.1f s%n", pages,
                (System.nanoTime() - started) / 1e9);
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * The keyboard alone: Tab from the top of the page reaches Play (above the form), Enter trains and pauses, and Tab
     * goes on into the lab's form.
     */
    @Test
    void tabReachesPlayAndTheFormAndEnterStartsTraining() {
        open("playground", "en");
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<String> visited = new ArrayList<>();
        assertThat(tabUntil("play", visited)).as("Tab reaches Play; focus went through " + visited).isTrue();
        long before = epoch();
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        awaitEpoch(before + 2);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform(); // the same button is Pause now
        browser.waitForVaadin();
        assertThat(tabUntil("inForm", visited)).as("Tab goes on from Play into the lab's form: " + visited).isTrue();
    }

    /** Presses Tab until the focused element is {@code what} ("play" or "inForm"); false after 120 presses. */
    private static boolean tabUntil(String what, List<String> visited) {
        for (int i = 0; i < 120; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) browser.js("""
                    const e = document.activeElement;
                    return { name: e ? e.localName : 'none',
                             inForm: !!e && !!e.closest('.lab-controls') && !e.closest('.training-controls')
                                 && e.localName !== 'body',
                             play: !!e && e.matches(".training-controls vaadin-button[theme~='primary']") };""");
            visited.add((String) focus.get("name"));
            if (Boolean.TRUE.equals(focus.get(what))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each route is loaded once per language, light; the dark check then sets the theme attribute the header's switch
     * sets (all the theme is: Lumo's colours under [theme~=dark]), which halves the page loads. This checks once that
     * the dark cookie gives the very same attribute on a fresh load.
     */
    private List<String> darkCookieShowsDark() {
        browser.driver.manage().addCookie(new Cookie(UserPreferences.THEME_COOKIE, "dark"));
        load("login");
        Object dark = browser.js(DARK_SHOWN);
        String carrier = (String) browser.js(
                "const e = document.querySelector('[theme~=dark]'); return e ? e.localName : 'nothing';");
        browser.driver.manage().addCookie(new Cookie(UserPreferences.THEME_COOKIE, "light"));
        return Boolean.TRUE.equals(dark) ? List.of()
                : List.of("the dark cookie did not give [theme~=dark] on <body>, but on " + carrier);
    }

    /** The UI's element, {@code <body>}, carries the theme Vaadin applies from the cookie and the header's switch. */
    private static final String DARK_SHOWN = "return document.body.matches('[theme~=dark]');";

    private int checkAll(List<String> routes, String language, List<String> problems) {
        browser.driver.manage().addCookie(new Cookie(UserPreferences.LANGUAGE_COOKIE, language));
        int pages = 0;
        for (String route : routes) {
            load(route);
            for (boolean dark : List.of(false, true)) {
                String where = "/" + route + " [" + language + (dark ? ", dark" : ", light") + "]";
                if (dark) {
                    browser.js("document.body.setAttribute('theme', 'dark');");
                    // field labels fade to their new colour: axe must see where they end, not the way there
                    browser.waitFor(10, "the colour transitions of the dark theme", d -> Boolean.TRUE.equals(
                            browser.js("return document.getAnimations().every(a => !(a instanceof CSSTransition)"
                                    + " || a.playState !== 'running');")));
                }
                if (!Boolean.valueOf(dark).equals(browser.js(DARK_SHOWN))) {
                    problems.add(where + " shown in the wrong theme");
                }
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) ((JavascriptExecutor) browser.driver)
                        .executeAsyncScript(RUN_AXE);
                found.forEach(v -> problems.add(where + " " + v));
                found.forEach(v -> System.out.println("AXE " + where + " " + v));
                problems.addAll(pictureProblems(where));
                Object lang = browser.js("return document.documentElement.lang;");
                if (!language.equals(lang)) {
                    problems.add(where + " <html lang> is '" + lang + "', not '" + language + "'");
                }
                pages++;
            }
        }
        return pages;
    }

    /** Every picture (our tn-* canvases) is announced as an image with a name that says what it shows. */
    private static List<String> pictureProblems(String where) {
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) browser.js("""
                return [...document.querySelectorAll('*')]
                  .filter(e => e.localName.startsWith('tn-'))
                  .filter(e => e.getAttribute('role') !== 'img' || !(e.getAttribute('aria-label') || '').trim())
                  .map(e => e.localName + (e.id ? '#' + e.id : ''));""");
        return unnamed.stream().map(e -> where + " picture " + e + " has no role=img with an aria-label").toList();
    }

    /** Opens {@code route} (language and theme come from the cookies the header's switches set) and injects axe. */
    private void load(String route) {
        browser.driver.get("http://localhost:" + port + "/" + route);
        browser.waitFor(120, "the page of /" + route, d -> Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('h1, h2, vaadin-login-form, vaadin-login-overlay');")));
        browser.waitForVaadin();
        browser.js(axeSource);
    }

    private static String axeSource() throws IOException {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js of com.deque.html.axe-core:selenium on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
