package io.tinynets.classroom.security;

import io.tinynets.classroom.AccountPrincipal;
import io.tinynets.classroom.AccountService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every request of a logged-in session asks the database whether that login still holds: the account still exists
 * and its password has not changed (or been reset) since the session logged in. Otherwise the session is logged out
 * before the request does anything, and it goes on as an anonymous visitor's. This is what ends the sessions of a
 * deleted account or a changed password on the other instances of a shared database; on the instance where the change
 * happens they are ended at once as well (see {@code AccountSessions}).
 *
 * <p>One query by a unique key per request: Vaadin sends a request per user interaction, not a stream of them.
 */
final class CurrentLoginFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CurrentLoginFilter.class);

    private final AccountService accounts;
    /**
     * The security context this application's filter chain fills, captured once: the holder's static strategy can be
     * replaced later (another application context in the same JVM), and the filter must read the one its chain wrote.
     */
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentLoginFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = contexts.getContext().getAuthentication();
        if (login != null && login.isAuthenticated() && login.getPrincipal() instanceof AccountPrincipal p
                && !accounts.loginStillValid(p.getUsername(), p.credentialsVersion())) {
            log.info("logged out a session of '{}': the account was deleted or its password changed since",
                    p.getUsername());
            // invalidates the HTTP session (with its Vaadin session) and clears the security context
            SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();
            logout.setSecurityContextHolderStrategy(contexts);
            logout.logout(request, response, login);
        }
        chain.doFilter(request, response);
    }
}
