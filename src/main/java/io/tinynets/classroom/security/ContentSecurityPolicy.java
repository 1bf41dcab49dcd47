package io.tinynets.classroom.security;

import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one Content-Security-Policy of the app: what the browser may load and run. Vaadin's bootstrap page gets a fresh
 * nonce on every request, stamped on each of its script tags, so only the scripts the server wrote run inline; every
 * other response (redirects, resources, error pages) gets the same policy without a nonce, that is no inline script
 * at all.
 *
 * <p>What Vaadin Flow 24.9 needs is documented at vaadin.com/docs (security, "Content Security Policy"): inline
 * bootstrap scripts (here allowed by nonce instead of 'unsafe-inline'), 'unsafe-eval', and inline styles. The
 * Flow client copies the nonce it finds on the page's head scripts to the scripts it adds later (push, app id).
 */
final class ContentSecurityPolicy implements IndexHtmlRequestListener {

    static final String HEADER = "Content-Security-Policy";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The policy for a page whose inline scripts carry {@code nonce}; {@code null} allows no inline script. */
    static String policy(String nonce) {
        String inlineScripts = nonce == null ? "" : " 'nonce-" + nonce + "'";
        return String.join("; ",
                // anything not named below: only from this server, never another host
                "default-src 'self'",
                // the bundle is served by us; the bootstrap page's inline scripts (initial state, CSRF form hook,
                // dev tools set-up) run by nonce; 'unsafe-eval' because the Flow client builds a Function from every
                // executeJs() and event-data expression the server sends (no way around it before Vaadin 25.4)
                "script-src 'self'" + inlineScripts + " 'unsafe-eval'",
                // no onclick="..." style handler attributes: nothing in the app writes them
                "script-src-attr 'none'",
                // Lumo and the web components inject <style> tags and style="" attributes without a nonce (Vaadin
                // 24.9 cannot give them one), and our charts size their canvases with style attributes
                "style-src 'self' 'unsafe-inline'",
                // images from us; data: for the SVG data URIs in Lumo's and the components' CSS
                "img-src 'self' data:",
                // Lumo's icon font is embedded in its CSS as a data: URL
                "font-src 'self' data:",
                // UIDL requests, heartbeats and the @Push websocket all go back to this server ('self' also matches
                // ws:/wss: of the same host in CSP3 browsers; an older one falls back to long polling)
                "connect-src 'self'",
                // no plugins (Flash, <object>, <embed>) at all
                "object-src 'none'",
                // Vaadin's bootstrap page sets <base href=".">, which is same origin; nothing else may set a base
                "base-uri 'self'",
                // the login form (and logout) post to this server only
                "form-action 'self'",
                // the app may be framed only by itself, as X-Frame-Options SAMEORIGIN says for older browsers
                "frame-ancestors 'self'");
    }

    /** A fresh unguessable nonce: 128 random bits, base64. */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Stamps one fresh nonce on every script tag of Vaadin's bootstrap page and sends the policy that trusts it.
     * Vaadin calls this after it has added its own scripts (initial state, CSRF, dev tools), so none is missed.
     */
    @Override
    public void modifyIndexHtmlResponse(IndexHtmlResponse response) {
        String nonce = newNonce();
        response.getDocument().getElementsByTag("script").attr("nonce", nonce);
        // set before the body is written, so Spring Security's header writer (which adds the policy without a
        // nonce) sees a policy already there and leaves it
        response.getVaadinResponse().setHeader(HEADER, policy(nonce));
    }
}
