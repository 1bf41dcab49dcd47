package io.tinynets.classroom;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** How Spring Security finds an account at login: username, BCrypt hash, one role, the credentials version. */
@Component
public class AccountLogins implements UserDetailsService {

    private final AccountRepository accounts;

    AccountLogins(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Account a = accounts.find(u).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        AccountRepository.Credentials c = accounts.credentials(u)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return new AccountPrincipal(a.username(), c.passwordHash(),
                AuthorityUtils.createAuthorityList(a.role().authority()), c.version());
    }
}
