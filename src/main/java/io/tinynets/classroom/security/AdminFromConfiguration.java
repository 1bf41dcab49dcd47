package io.tinynets.classroom.security;

import io.tinynets.classroom.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The admin password given by configuration ({@code TINYNETS_ADMIN_PASSWORD}, or {@code --tinynets.admin.password}):
 * at start, while no admin exists, creates the admin account with it. Nothing is set by default, so a fresh server
 * has no default password: then the first visitor sets up the admin at /setup.
 */
@Component
class AdminFromConfiguration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminFromConfiguration.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    AdminFromConfiguration(AccountService accounts,
                           @Value("${tinynets.admin.username:admin}") String username,
                           @Value("${tinynets.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.adminExists()) {
            return;
        }
        if (password == null || password.isEmpty()) {
            log.warn("no admin account yet: the first visitor of /setup creates it (or set TINYNETS_ADMIN_PASSWORD)");
            return;
        }
        accounts.createFirstAdmin(username, "Administrator", password);
    }
}
