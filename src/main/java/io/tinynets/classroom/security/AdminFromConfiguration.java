package io.tinynets.classroom.security;

import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.PasswordRule;
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
 *
 * <p>A configured password that no form would accept (fewer than 8 characters, more than BCrypt's 72 bytes) stops
 * the start with a message naming the setting and the rule, before anything is created: a server must not come up
 * with an admin password other than the one its operator wrote down, nor silently without its admin.
 */
@Component
class AdminFromConfiguration implements ApplicationRunner {

    static final String SETTING = "tinynets.admin.password";
    private static final Logger log = LoggerFactory.getLogger(AdminFromConfiguration.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    AdminFromConfiguration(AccountService accounts,
                           @Value("${tinynets.admin.username:admin}") String username,
                           @Value("${" + SETTING + ":}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password != null && !password.isEmpty() && !PasswordRule.accepts(password)) {
            String problem = SETTING + " (TINYNETS_ADMIN_PASSWORD) is not a valid password: it needs at least "
                    + PasswordRule.MIN_CHARACTERS + " characters and at most " + PasswordRule.MAX_BYTES
                    + " bytes in UTF-8 (" + PasswordRule.MAX_BYTES + " Latin letters or digits, or "
                    + PasswordRule.MAX_BYTES / 3 + " Korean characters); it has "
                    + password.codePointCount(0, password.length()) + " characters, "
                    + password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes. Choose another "
                    + "and start again.";
            log.error(problem);
            throw new IllegalStateException(problem);
        }
        if (accounts.adminExists()) {
            return;
        }
        if (password == null || password.isEmpty()) {
            log.warn("no admin account yet: the first visitor of /setup creates it (or set TINYNETS_ADMIN_PASSWORD)");
            return;
        }
        try {
            accounts.createFirstAdmin(username, "Administrator", password);
        } catch (ClassroomException e) {
            if (e.isDenied()) {
                // another instance on the same database set the server up a moment earlier: its admin stands
                log.info("the admin account was created meanwhile (by /setup or another instance)");
                return;
            }
            String problem = "tinynets.admin.username \"" + username + "\" cannot be the admin's username ("
                    + e.messageKey() + "): choose letters, digits, dots and underscores, 3 to 40, starting with a "
                    + "letter, and start again.";
            log.error(problem);
            throw new IllegalStateException(problem, e);
        }
    }
}
