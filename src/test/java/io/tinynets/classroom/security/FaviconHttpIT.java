package io.tinynets.classroom.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The icon every page names, over the real server and its security chain without an account: /favicon.ico (which a
 * browser asks for on its own) and the SVG the pages link, both served as images, and both linked from the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaviconHttpIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theIconsAreServedAnonymouslyAndLinkedFromEveryPage() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("icon"));
        // an ICO file: reserved 0, type 1 (icon), then at least one image
        assertThat(ico.body()).startsWith(0, 0, 1, 0);
        assertThat(ico.body()[4]).isPositive();

        HttpResponse<byte[]> svg = get("/icons/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("image/svg+xml"));
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).contains("<svg").contains("<circle");

        for (String page : new String[] {"/", "/playground", "/login"}) {
            HttpResponse<byte[]> html = get(page);
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(new String(html.body(), StandardCharsets.UTF_8)).as(page)
                    .containsPattern("<link[^>]*href=\"icons/favicon.svg\"[^>]*>")
                    .containsPattern("<link[^>]*href=\"favicon.ico\"[^>]*>");
        }
    }
}
