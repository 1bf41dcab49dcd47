package io.tinynets.classroom.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy as the real server sends it, read with a plain HTTP client: a real port, because MockMvc cannot run the
 * Vaadin servlet that writes the bootstrap page. No browser is involved, so these checks run wherever the server
 * does; {@link ContentSecurityPolicyIT} checks the same policy in Chromium. It is an {@code *IT} only to share the
 * running server (one Spring context) with the browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyHttpIT {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern NONCE_SOURCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @LocalServerPort
    int port;

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
