package io.tinynets.classroom.security;

import io.tinynets.classroom.AccountLogins;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username + password login against the accounts table, refused without trying while the {@link LoginAttemptLimiter}
 * says the attempt must wait (too many recent failures for this account from this address, from this address at all,
 * or for this account from anywhere). Every refusal is the same {@link BadCredentialsException}: the login page cannot
 * tell an unknown user from a wrong password from a wait (unknown users are checked against a dummy hash, so timing
 * tells nothing either). The address is the request's remote address: the real client's behind a trusted proxy.
 */
@Component
class RateLimitedAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginAttemptLimiter limiter;

    RateLimitedAuthenticationProvider(AccountLogins accounts, PasswordEncoder encoder, LoginAttemptLimiter limiter) {
        this.delegate = new DaoAuthenticationProvider(accounts);
        this.delegate.setPasswordEncoder(encoder);
        this.delegate.setHideUserNotFoundExceptions(true);
        this.limiter = limiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (limiter.blocked(username, address)) {
            throw new BadCredentialsException("refused");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            limiter.succeeded(username, address);
            return result;
        } catch (AuthenticationException e) {
            limiter.failed(username, address);
            throw new BadCredentialsException("refused");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
