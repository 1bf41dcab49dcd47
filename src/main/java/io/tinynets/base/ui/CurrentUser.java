package io.tinynets.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is acting, as the services see it. A logged-in user is their username everywhere (training runs, experiments,
 * classes). An anonymous visitor (the labs are open without login) trains under an id of their browser session, so
 * the per-user training limits apply per browser, and cannot save experiments.
 */
public final class CurrentUser {

    private static final String SESSION_ATTRIBUTE = CurrentUser.class.getName() + ".trainer";

    private CurrentUser() {
    }

    /** The logged-in user's username, or empty for an anonymous visitor. */
    public static Optional<String> username() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)) {
            return Optional.of(a.getName());
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal p = request == null ? null : request.getUserPrincipal();
        return p == null ? Optional.empty() : Optional.of(p.getName());
    }

    public static boolean isLoggedIn() {
        return username().isPresent();
    }

    /** True when the logged-in user has the role ("ADMIN", "TEACHER", "STUDENT"). */
    public static boolean hasRole(String role) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)) {
            return a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(("ROLE_" + role)::equals);
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.getUserPrincipal() != null && request.isUserInRole(role);
    }

    /** The id training runs are owned by: the username when logged in, else one per browser session. */
    public static String trainerId() {
        Optional<String> user = username();
        if (user.isPresent()) {
            return user.get();
        }
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

    /** The id experiments are owned by: the username. Refused for an anonymous visitor, who must log in to save. */
    public static String experimentOwner() {
        return username().orElseThrow(LoginRequiredException::new);
    }

    /**
     * Saving and the experiment pages need a login. Translatable, so every place that shows a refused experiment
     * operation (a lab reopening {@code ?experiment=}, the save dialog) tells an anonymous visitor to log in.
     */
    public static final class LoginRequiredException extends IllegalStateException
            implements io.tinynets.training.TranslatableProblem {
        public LoginRequiredException() {
            super("log in to save and open experiments");
        }

        @Override
        public String messageKey() {
            return "experiments.loginRequired";
        }

        @Override
        public Object[] messageArgs() {
            return new Object[0];
        }
    }
}
