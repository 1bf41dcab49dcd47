package io.tinynets.classroom.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The policy text and the nonce stamping on Vaadin's bootstrap page, without a server. What the server really sends
 * and what a browser makes of it: {@link ContentSecurityPolicyIT}.
 */
class ContentSecurityPolicyTest {

    private static final String PAGE = """
            <html><head>
            <script initial="">window.Vaadin = {};</script>
            <script type="module">const csrfParameterName = '_csrf';</script>
            <script type="module" src="./VAADIN/build/indexhtml.js"></script>
            </head><body><div id="outlet"></div><script>window.late = 1;</script></body></html>""";

    /** Runs the listener on the page and returns the header it set. */
    private static String stamp(Document page) {
        VaadinResponse response = mock(VaadinResponse.class);
        new ContentSecurityPolicy().modifyIndexHtmlResponse(
                new IndexHtmlResponse(mock(VaadinRequest.class), response, page));
        ArgumentCaptor<String> header = ArgumentCaptor.forClass(String.class);
        verify(response).setHeader(org.mockito.ArgumentMatchers.eq("Content-Security-Policy"), header.capture());
        return header.getValue();
    }

    @Test
    void everyScriptOfTheBootstrapPageCarriesTheNonceTheHeaderTrusts() {
        Document page = Jsoup.parse(PAGE);
        String header = stamp(page);
        String nonce = page.getElementsByTag("script").first().attr("nonce");
        assertThat(nonce).hasSize(24);
        assertThat(page.getElementsByTag("script")).hasSize(4).extracting(e -> e.attr("nonce"))
                .containsOnly(nonce);
        assertThat(header).isEqualTo(ContentSecurityPolicy.policy(nonce))
                .contains("script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'");
    }

    @Test
    void eachPageGetsItsOwnNonce() {
        Document first = Jsoup.parse(PAGE);
        Document second = Jsoup.parse(PAGE);
        assertThat(stamp(first)).isNotEqualTo(stamp(second));
        Element a = first.getElementsByTag("script").first();
        Element b = second.getElementsByTag("script").first();
        assertThat(a.attr("nonce")).isNotEqualTo(b.attr("nonce"));
    }

    @Test
    void withoutANonceNoInlineScriptIsAllowed() {
        String policy = ContentSecurityPolicy.policy(null);
        assertThat(policy).doesNotContain("nonce").doesNotContain("'unsafe-inline' 'unsafe-eval'")
                .contains("script-src 'self' 'unsafe-eval'; ")
                .startsWith("default-src 'self'; ")
                .endsWith("; frame-ancestors 'self'");
    }
}
