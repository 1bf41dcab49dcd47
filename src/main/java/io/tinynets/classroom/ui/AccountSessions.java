package io.tinynets.classroom.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.tinynets.classroom.AccountPrincipal;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AdminService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
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
 * Ends the open sessions of an account that was deleted or whose password changed, on this instance. The services
 * already refuse an unknown username, and every request of a session whose login no longer holds is logged out by the
 * security filter (that is what reaches the other instances), but a page open in a browser would stay on screen until
 * its next request. So: when the admin deletes an account, or its password is changed or reset, every open session of
 * it here is sent to the login page and invalidated at once (pushed to the browser), except the session that changed
 * its own password, whose login is renewed with the new credentials version; and any navigation in a session whose
 * stored login names an account that no longer exists logs it out, for whatever the first step missed.
 */
@Component
class AccountSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    /** Time for the pushed redirect to reach the browser before its session is invalidated. */
    static final Duration INVALIDATE_AFTER = Duration.ofSeconds(2);
    private static final String LOGGED_OUT = AccountSessions.class.getName() + ".loggedOut";
    private final AccountService accounts;
    /** Sessions with a UI; weak, so a session that ends without a destroy event is not kept alive here. */
    private final Set<VaadinSession> sessions = Collections.synchronizedSet(Collections.newSetFromMap(
            new WeakHashMap<>()));

    AccountSessions(AccountService accounts) {
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

    /**
     * A password changed (by its owner, or a reset by a teacher or the admin): every open session of the account
     * ends, except the one in which the owner made the change, which stays logged in with the new credentials version.
     */
    @EventListener
    void credentialsChanged(AccountService.CredentialsChanged changed) {
        VaadinSession current = changed.byOwner() ? VaadinSession.getCurrent() : null;
        List<VaadinSession> open;
        synchronized (sessions) {
            open = List.copyOf(sessions);
        }
        for (VaadinSession s : open) {
            if (s != current && changed.username().equals(usernameOf(s))) {
                end(s);
            }
        }
        if (current != null && changed.username().equals(usernameOf(current))) {
            renewLogin(current, changed.credentialsVersion());
        }
    }

    /** The session's stored login, now with the account's new credentials version. */
    private static void renewLogin(VaadinSession s, long credentialsVersion) {
        WrappedSession w = s.getSession();
        Object stored = w == null ? null
                : w.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(stored instanceof SecurityContext c) || c.getAuthentication() == null
                || !(c.getAuthentication().getPrincipal() instanceof AccountPrincipal p)) {
            return;
        }
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(
                p.withCredentialsVersion(credentialsVersion), null, p.getAuthorities());
        renewed.setDetails(c.getAuthentication().getDetails());
        SecurityContext context = new SecurityContextImpl(renewed);
        w.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && p.getUsername().equals(SecurityContextHolder.getContext().getAuthentication().getName())) {
            SecurityContextHolder.setContext(context);
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
                    // logged out meanwhile (the security filter invalidates it on the next request): then the
                    // Vaadin session has no HTTP session left, or one that refuses a second invalidate
                    WrappedSession w = s.getSession();
                    if (w == null) {
                        return;
                    }
                    try {
                        w.invalidate();
                    } catch (IllegalStateException alreadyInvalidated) {
                        // logged out meanwhile
                    }
                }));
        log.info("ended a session of a deleted account or a changed password");
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
