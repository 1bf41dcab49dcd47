package io.tinynets.classroom.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AdminService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends the sessions of a deleted account. The services already refuse an unknown username, but a browser still
 * logged in would keep its pages (and could still train or save under the old name). So: when the admin deletes an
 * account, every open session of it is sent to the login page and invalidated at once (pushed to the browser); and
 * any navigation in a session whose stored login names an account that no longer exists logs it out, for whatever
 * the first step missed.
 */
@Component
class DeletedAccountSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(DeletedAccountSessions.class);

    /** Time for the pushed redirect to reach the browser before its session is invalidated. */
    static final Duration INVALIDATE_AFTER = Duration.ofSeconds(2);
    private static final String LOGGED_OUT = DeletedAccountSessions.class.getName() + ".loggedOut";
    private final AccountService accounts;
    /** Sessions with a UI; weak, so a session that ends without a destroy event is not kept alive here. */
    private final Set<VaadinSession> sessions = Collections.synchronizedSet(Collections.newSetFromMap(
            new WeakHashMap<>()));

    DeletedAccountSessions(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> sessions.remove(e.getSession()));
        event.getSource().addUIInitListener(e -> {
            sessions.add(e.getUI().getSession());
            e.getUI().addBeforeEnterListener(this::check);
        });
    }

    @EventListener
    void accountDeleted(AdminService.AccountDeleted deleted) {
        List<VaadinSession> open;
        synchronized (sessions) {
            open = List.copyOf(sessions);
        }
        for (VaadinSession s : open) {
            if (deleted.username().equals(usernameOf(s))) {
                end(s);
            }
        }
    }

    /** The username Spring Security keeps in the session (null for an anonymous or closed session). */
    static String usernameOf(VaadinSession s) {
        WrappedSession w = s.getSession();
        if (w == null) {
            return null;
        }
        try {
            Object context = w.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return context instanceof SecurityContext c && c.getAuthentication() != null
                    ? c.getAuthentication().getName() : null;
        } catch (IllegalStateException alreadyInvalidated) {
            return null;
        }
    }

    private void end(VaadinSession s) {
        // First the pages go to the login view, pushed now; then, a moment later, the session itself goes. Invalidating
        // at once closed the push connection before the message was written (seen in ClassroomIT): the page stayed.
        // Meanwhile every classroom service already refuses the deleted name.
        s.access(() -> s.getUIs().forEach(ui -> {
            ui.getPage().setLocation("login");
            ui.push();
        }));
        sessions.remove(s);
        CompletableFuture.delayedExecutor(INVALIDATE_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                s.access(() -> {
                    try {
                        s.getSession().invalidate();
                    } catch (IllegalStateException alreadyInvalidated) {
                        // logged out meanwhile
                    }
                }));
        log.info("ended a session of a deleted account");
    }

    /**
     * A navigation in a session whose stored login names an account that no longer exists logs it out and sends the
     * browser to the login page: the fallback for a session the first step missed. It reads the login the session
     * keeps (the same one {@link #accountDeleted} looks for). Once per request: the login view must not send a half
     * logged-out request back here.
     */
    void check(BeforeEnterEvent event) {
        VaadinSession session = event.getUI().getSession();
        String username = session == null ? null : usernameOf(session);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (username == null || event.getNavigationTarget() == LoginView.class
                || (request != null && request.getAttribute(LOGGED_OUT) != null)
                || accounts.find(username).isPresent()) {
            return;
        }
        event.getUI().getPage().setLocation("login");
        if (request != null) {
            request.setAttribute(LOGGED_OUT, Boolean.TRUE);
            // Vaadin's documented logout: invalidates the HTTP session and clears the security context
            new SecurityContextLogoutHandler().logout(request.getHttpServletRequest(), null, null);
        }
        event.rerouteTo(LoginView.class);
    }
}
