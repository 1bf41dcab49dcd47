package io.tinynets.classroom.security;

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
 * The two probes a load balancer or monitor asks, over the real server without an account, and nothing else of
 * Actuator. An {@code *IT} only to share the running server (one Spring context) with the other HTTP tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthProbesHttpIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void livenessAndReadinessAnswerAnonymouslyWithAStatusOnly() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            // no details: no component names, no database product, no disk figures
            assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
            assertThat(response.headers().firstValue("Set-Cookie")).as("a probe opens no session").isEmpty();
        }
    }

    @Test
    void nothingElseOfActuatorIsServed() throws Exception {
        for (String path : List.of("/actuator", "/actuator/", "/actuator/env", "/actuator/beans",
                "/actuator/configprops", "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings",
                "/actuator/loggers", "/actuator/metrics", "/actuator/shutdown", "/actuator/health",
                "/actuator/health/db", "/actuator/health/diskSpace", "/actuator/info")) {
            HttpResponse<String> response = get(path);
            // anonymous: refused by the security chain (sent to the login page), never an answer of Actuator
            assertThat(response.statusCode()).as(path).isIn(302, 401, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("\"status\"").doesNotContain("propertySources")
                    .doesNotContain("beans").doesNotContain("\"_links\"");
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/shutdown")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(302, 401, 403, 404);
        // and the server is still here
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
