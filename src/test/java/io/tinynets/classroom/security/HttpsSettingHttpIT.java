package io.tinynets.classroom.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tinynets.https}: behind a TLS proxy the session cookie is sent over HTTPS only and every response asks the
 * browser to keep to HTTPS (HSTS); without it (a plain-HTTP trial) neither, so the trial keeps working. Read from
 * the real server, since the cookie's flags are the servlet container's doing.
 */
class HttpsSettingHttpIT {

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(cookies).as("the session cookie of " + response.uri()).hasSize(1);
        return cookies.get(0);
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = SecurityConfig.HTTPS + "=true")
    class OverHttps {
        @LocalServerPort
        int port;

        @Test
        void theSessionCookieIsSecureAndEveryResponseCarriesHsts() throws Exception {
            HttpResponse<String> page = get(port, "/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(sessionCookie(page)).contains("; Secure").contains("; HttpOnly");
            for (String path : List.of("/login", "/", "/VAADIN/static/push/vaadinPush.js", "/logout",
                    "/actuator/health/readiness")) {
                assertThat(get(port, path).headers().allValues("Strict-Transport-Security")).as(path)
                        .containsExactly("max-age=31536000");
            }
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OverPlainHttp {
        @LocalServerPort
        int port;

        @Test
        void neitherSecureCookieNorHsts() throws Exception {
            HttpResponse<String> page = get(port, "/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(sessionCookie(page)).doesNotContain("Secure").contains("; HttpOnly");
            for (String path : List.of("/login", "/", "/logout", "/actuator/health/readiness")) {
                assertThat(get(port, path).headers().allValues("Strict-Transport-Security")).as(path).isEmpty();
            }
        }
    }
}
