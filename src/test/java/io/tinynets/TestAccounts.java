package io.tinynets;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts for tests that act as a user without caring how the account was made: the experiment services refuse to
 * save for a username that is not an account (a deleted one must not keep saving), so a test's user must exist.
 */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** Makes sure {@code username} is an account (a student unless a role is given), straight in the table. */
    public static void ensure(JdbcTemplate jdbc, String username, String... role) {
        jdbc.update("INSERT INTO app_user (username, display_name, password_hash, role, created_at) "
                        + "SELECT ?, ?, 'no login', ?, CURRENT_TIMESTAMP WHERE NOT EXISTS "
                        + "(SELECT 1 FROM app_user WHERE username = ?)",
                username, username, role.length == 0 ? "STUDENT" : role[0], username);
    }
}
