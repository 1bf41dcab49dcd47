package io.tinynets.base.ui;

import com.vaadin.flow.server.VaadinSession;

import java.util.UUID;

/**
 * Who is acting, as the services see it. Until accounts exist: every browser session is its own trainer of runs
 * (so per-user training limits apply per student), and saved experiments belong to the one local user.
 */
public final class CurrentUser {

    /** The owner of saved experiments while the server has no accounts. */
    public static final String LOCAL_USER = "local";
    private static final String SESSION_ATTRIBUTE = CurrentUser.class.getName() + ".trainer";

    private CurrentUser() {
    }

    /** The id training runs are owned by: one per browser session. */
    public static String trainerId() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("no Vaadin session: trainerId() must be called from a UI thread");
        }
        Object id = session.getAttribute(SESSION_ATTRIBUTE);
        if (id == null) {
            id = "session-" + UUID.randomUUID();
            session.setAttribute(SESSION_ATTRIBUTE, id);
        }
        return id.toString();
    }

    /** The id experiments are owned by. */
    public static String experimentOwner() {
        return LOCAL_USER;
    }
}
