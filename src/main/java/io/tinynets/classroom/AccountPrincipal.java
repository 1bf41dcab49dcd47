package io.tinynets.classroom;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/**
 * Who a session logged in as, kept in the session by Spring Security: the username, the role and the account's
 * credentials version at login. Once the password changes (or is reset) the version in the database moves on and
 * the session is logged out at its next request, on whichever instance it lives.
 */
public final class AccountPrincipal extends User {

    private static final long serialVersionUID = 1L;
    private final long credentialsVersion;

    AccountPrincipal(String username, String passwordHash, Collection<? extends GrantedAuthority> authorities,
                     long credentialsVersion) {
        super(username, passwordHash, authorities);
        this.credentialsVersion = credentialsVersion;
    }

    public long credentialsVersion() {
        return credentialsVersion;
    }

    /** The same login after its own password change: the session that made the change stays logged in. */
    public AccountPrincipal withCredentialsVersion(long version) {
        return new AccountPrincipal(getUsername(), "", getAuthorities(), version);
    }
}
