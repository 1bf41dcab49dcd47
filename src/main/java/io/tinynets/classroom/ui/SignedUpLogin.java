package io.tinynets.classroom.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import io.tinynets.classroom.AccountLogins;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Logs in a student who has just signed up, in the same request, so they do not type their new username and
 * password a second time. Only ever called right after {@code ClassService.signUp} created the account with the
 * password the student typed; the login itself is what Spring Security's form login stores: a new session id (no
 * fixation) holding the authenticated context.
 */
@Component
class SignedUpLogin {

    private final AccountLogins logins;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignedUpLogin(AccountLogins logins) {
        this.logins = logins;
    }

    /** True when the current browser session is now logged in as {@code username}. */
    boolean logIn(String username) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null || response == null) {
            return false;
        }
        UserDetails user = logins.loadUserByUsername(username);
        UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        HttpServletRequest http = request.getHttpServletRequest();
        if (http.getSession(false) != null) {
            http.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, http, response.getHttpServletResponse());
        return true;
    }
}
