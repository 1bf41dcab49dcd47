package io.tinynets.classroom.security;

import io.tinynets.base.ui.BrowserTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy as the real server sends it (a real port: MockMvc cannot run the Vaadin servlet that writes the bootstrap
 * page), and in a real browser: home, the labs training live, the login page and a login all run with no CSP violation
 * in the console (dev mode, with its dev tools), while an injected inline script is refused.
 */
class ContentSecurityPolicyIT extends BrowserTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern NONCE_SOURCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @Autowired
    AccountService accounts;

    /** Everything the browser's console said so far in this test. */
    private final List<String> console = new ArrayList<>();

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The one policy header of a response, as directive name to its sources. */
    private static Map<String, List<String>> policyOf(HttpResponse<?> response) {
        List<String> headers = response.headers().allValues(ContentSecurityPolicy.HEADER);
        assertThat(headers).as("exactly one policy header").hasSize(1);
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : headers.get(0).split(";")) {
            String[] words = directive.trim().split("\\s+");
            directives.put(words[0], List.of(Arrays.copyOfRange(words, 1, words.length)));
        }
        return directives;
    }

    private static String nonceOf(Map<String, List<String>> policy) {
        Matcher m = NONCE_SOURCE.matcher(String.join(" ", policy.get("script-src")));
        assertThat(m.find()).as("a nonce in script-src " + policy.get("script-src")).isTrue();
        return m.group(1);
    }

    /** Everything but the nonce is the same on every response. */
    private static void assertFixedDirectives(Map<String, List<String>> policy) {
        assertThat(policy.keySet()).containsExactly("default-src", "script-src", "script-src-attr", "style-src",
                "img-src", "font-src", "connect-src", "object-src", "base-uri", "form-action", "frame-ancestors");
        assertThat(policy.get("default-src")).containsExactly("'self'");
        assertThat(policy.get("script-src")).contains("'self'", "'unsafe-eval'").doesNotContain("'unsafe-inline'");
        assertThat(policy.get("script-src-attr")).containsExactly("'none'");
        assertThat(policy.get("style-src")).containsExactly("'self'", "'unsafe-inline'");
        assertThat(policy.get("img-src")).containsExactly("'self'", "data:");
        assertThat(policy.get("font-src")).containsExactly("'self'", "data:");
        assertThat(policy.get("connect-src")).containsExactly("'self'");
        assertThat(policy.get("object-src")).containsExactly("'none'");
        assertThat(policy.get("base-uri")).containsExactly("'self'");
        assertThat(policy.get("form-action")).containsExactly("'self'");
        assertThat(policy.get("frame-ancestors")).containsExactly("'self'");
        // no other host anywhere
        assertThat(policy.values()).allSatisfy(sources -> assertThat(sources)
                .allMatch(s -> s.startsWith("'") || s.equals("data:")));
    }

    private static void assertEveryScriptCarries(String html, String nonce) {
        List<String> tags = SCRIPT_TAG.matcher(html).results().map(m -> m.group()).toList();
        assertThat(tags).as("the bootstrap page's scripts").hasSizeGreaterThan(3)
                .allMatch(tag -> tag.contains("nonce=\"" + nonce + "\""));
    }

    /** Reads the console since the last call and keeps it, so a failure shows everything the browser said. */
    private List<String> violations() {
        console.addAll(browser.consoleLog());
        return console.stream().filter(l -> l.contains("Content Security Policy") || l.contains("Refused to")
                || l.contains("violates"))
                .toList();
    }

    private void assertNoViolations(String where) {
        assertThat(violations()).as("CSP violations on " + where + "; console: " + console).isEmpty();
    }

    /** Presses Play (by script: on some labs the button is below the fold) and lets it train. */
    private void playFor(int millis) throws InterruptedException {
        browser.js("document.querySelector(\".training-controls vaadin-button[theme~='primary']\").click()");
        browser.waitForVaadin();
        Thread.sleep(millis);
    }

    private int epoch() {
        String text = browser.driver.findElement(By.cssSelector(".epoch-counter")).getText();
        return Integer.parseInt(text.replaceAll("\\D", ""));
    }

    @Test
    void theLabsAndTheLoginRunWithoutAViolationWhileInjectedScriptIsRefused() throws Exception {
        open("", "en");
        assertNoViolations("home");

        open("playground", "en");
        playFor(4000);
        // push delivered the epochs (a refused websocket would show in the console)
        assertThat(epoch()).isGreaterThan(3);
        assertThat(browser.paintedPixels("tn-heat-map")).isGreaterThan(10_000);
        assertNoViolations("playground");
        // by websocket: a refused one would make the Flow client fall back to long polling instead
        assertThat(console).anyMatch(l -> l.contains("Push connection established using websocket"));
        browser.screenshot("csp-playground");

        open("sequence", "en");
        playFor(3000);
        browser.waitFor(30, d -> browser.paintedPixels("tn-heat-map") > 20_000);
        assertNoViolations("sequence lab");

        // the other labs: their charts and diagrams draw (and train briefly where they have a Play button)
        for (String lab : List.of("activation", "descent", "depth", "autoencoder")) {
            open(lab, "en");
            if (!browser.driver.findElements(By.cssSelector(".training-controls")).isEmpty()) {
                playFor(1500);
            }
            assertNoViolations(lab);
        }

        if (!accounts.adminExists()) {
            accounts.createFirstAdmin("admin", "Admin", "admin password");
        }
        if (accounts.find("it.csp").isEmpty()) {
            ClassroomFixtures.account(accounts, "it.csp", Role.STUDENT);
        }
        // the login page's form posts (form-action) with the CSRF token the page's inline module script fills in
        browser.login("http://localhost:" + port, "it.csp", ClassroomFixtures.PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/login");
        assertNoViolations("login");
        browser.screenshot("csp-after-login");

        // and the policy does bite: an injected script element and an inline handler never run, and say so
        browser.js("""
                const s = document.createElement('script');
                s.textContent = 'window.injectedScript = true';
                document.body.appendChild(s);
                document.body.insertAdjacentHTML('beforeend',
                    '<img src="data:," onerror="window.injectedHandler = true" onload="window.injectedHandler = true">');""");
        Thread.sleep(500);
        assertThat(browser.js("return window.injectedScript === undefined && window.injectedHandler === undefined"))
                .isEqualTo(true);
        assertThat(violations()).anyMatch(l -> l.contains("inline script"))
                .anyMatch(l -> l.contains("inline event handler"));
    }

    @Test
    void theBootstrapPageTrustsItsOwnScriptsByAFreshNonce() throws Exception {
        HttpResponse<String> first = get("/");
        assertThat(first.statusCode()).isEqualTo(200);
        Map<String, List<String>> policy = policyOf(first);
        assertFixedDirectives(policy);
        String nonce = nonceOf(policy);
        assertThat(policy.get("script-src")).containsExactly("'self'", "'nonce-" + nonce + "'", "'unsafe-eval'");
        assertThat(nonce).hasSize(24); // 128 bits, base64
        assertEveryScriptCarries(first.body(), nonce);

        // a nonce is good for one response only
        assertThat(nonceOf(policyOf(get("/")))).isNotEqualTo(nonce);
    }

    @Test
    void theLoginPageCarriesThePolicyToo() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        Map<String, List<String>> policy = policyOf(login);
        assertFixedDirectives(policy);
        assertEveryScriptCarries(login.body(), nonceOf(policy));
    }

    @Test
    void otherResponsesAllowNoInlineScriptAtAll() throws Exception {
        // a resource and a redirect of the security filter chain: the same policy without a nonce
        for (HttpResponse<String> response : List.of(get("/VAADIN/static/push/vaadinPush.js"), get("/logout"))) {
            Map<String, List<String>> policy = policyOf(response);
            assertFixedDirectives(policy);
            assertThat(policy.get("script-src")).as(response.uri().toString())
                    .containsExactly("'self'", "'unsafe-eval'");
        }
    }
}
