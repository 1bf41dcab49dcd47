package io.tinynets.classroom.security;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a client's address comes from, on the real embedded Tomcat: the connection's own address unless it is a
 * configured trusted proxy, whose X-Forwarded-For is then believed. A probe filter answers with what the application
 * sees as {@code request.getRemoteAddr()} (what the login limits and the per-address training caps read).
 */
class TrustedProxiesTest {

    static final String PROBE = "/remote-address-probe";

    /** Answers {@link #PROBE} with the request's remote address, before anything else runs. */
    @TestConfiguration
    static class RemoteAddressProbe {
        @Bean
        FilterRegistrationBean<Filter> remoteAddressProbe() {
            FilterRegistrationBean<Filter> probe = new FilterRegistrationBean<>((request, response, chain) ->
                    response.getWriter().write(request.getRemoteAddr()));
            probe.setUrlPatterns(List.of(PROBE));
            probe.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return probe;
        }
    }

    static String remoteAddressSeen(int port, String forwardedFor) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PROBE));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The default: no proxy trusted, even where Spring Boot would switch forwarded headers on by itself. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.main.cloud-platform=kubernetes")
    @Import(RemoteAddressProbe.class)
    class NoTrustedProxy {

        @LocalServerPort
        int port;

        @Test
        void aSpoofedForwardedForFromAnUntrustedAddressIsIgnored() throws Exception {
            assertThat(remoteAddressSeen(port, null)).isEqualTo("127.0.0.1");
            // 127.0.0.1 is in Tomcat's default internal proxies: the header would have been believed without us
            assertThat(remoteAddressSeen(port, "203.0.113.9")).isEqualTo("127.0.0.1");
            assertThat(remoteAddressSeen(port, "10.0.0.8, 203.0.113.9")).isEqualTo("127.0.0.1");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = TrustedProxies.SETTING + "=127.0.0.1, ::1")
    @Import(RemoteAddressProbe.class)
    class TrustedLocalProxy {

        @LocalServerPort
        int port;

        @Test
        void theForwardedClientOfATrustedProxyIsTheRemoteAddress() throws Exception {
            assertThat(remoteAddressSeen(port, "203.0.113.9")).isEqualTo("203.0.113.9");
            // a client that sends its own header through the proxy: the proxy appends the real address, which wins
            assertThat(remoteAddressSeen(port, "198.51.100.1, 203.0.113.9")).isEqualTo("203.0.113.9");
            // without the header, the proxy itself
            assertThat(remoteAddressSeen(port, null)).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theSettingListsExactIpAddressesInTomcatsForm() {
        assertThat(TrustedProxies.parse("")).isEmpty();
        assertThat(TrustedProxies.parse(" 10.0.0.5 , ::1,[fe80::1], 10.0.0.5")).containsExactly("10.0.0.5",
                "0:0:0:0:0:0:0:1", "fe80:0:0:0:0:0:0:1");
        String regex = TrustedProxies.regex(TrustedProxies.parse("10.0.0.5"));
        assertThat("10.0.0.5").matches(regex);
        // a dot is a dot, not any character
        assertThat("10.0.0.59").doesNotMatch(regex);
        assertThat("10a0.0.5").doesNotMatch(regex);
    }

    @Test
    void aHostNameOrAMalformedAddressStopsTheStartWithAMessage() {
        for (String bad : new String[] {"proxy.school.local", "10.0.0.0/8", "999.1.1.1", "10.0.0", "*", "1::2::3"}) {
            assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5," + bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(TrustedProxies.SETTING).hasMessageContaining(bad);
        }
    }
}
