package io.tinynets.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WebBrowser;

/**
 * The network address of the client behind the current UI, as plain text for the services: the servlet request's
 * remote address (with the configured trusted proxies, Tomcat's RemoteIpValve has made it the real client's), or,
 * when no request is being handled (a push from a background thread), the address the session's browser came from.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** The address, or null when neither a request nor a session knows it. */
    static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        WebBrowser browser = session == null ? null : session.getBrowser();
        return browser == null ? null : browser.getAddress();
    }
}
