package io.tinynets.classroom;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test data for the classroom: clean tables, accounts with known passwords. */
public final class ClassroomFixtures {

    public static final String PASSWORD = "correct horse";

    private ClassroomFixtures() {
    }

    /** No accounts, no classes (tables that reference accounts first). */
    public static void clean(JdbcTemplate jdbc) {
        for (String table : new String[] {"class_member", "school_class", "app_user"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Creates an account directly (no role check), password {@link #PASSWORD}. */
    public static Account account(AccountService accounts, String username, Role role) {
        return accounts.create(username, username, PASSWORD, role, false);
    }
}
