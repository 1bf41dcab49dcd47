package io.tinynets.classroom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for accounts (table app_user). Only this class and the login lookup ever read password hashes. */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, role, must_change_password, created_at";
    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String displayName, String hash, Role role, boolean mustChange, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role, must_change_password, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(username, displayName, hash, role.name(), mustChange, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Account> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username)
                .query(AccountRepository::account).optional();
    }

    Optional<Account> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id)
                .query(AccountRepository::account).optional();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional();
    }

    /** The hash and the credentials version, read together for a login. */
    record Credentials(String passwordHash, long version) {
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT password_hash, credentials_version FROM app_user WHERE username = ?").param(username)
                .query((rs, row) -> new Credentials(rs.getString(1), rs.getLong(2))).optional();
    }

    /** The account's credentials version (raised by every password change); empty when the account is gone. */
    Optional<Long> credentialsVersion(String username) {
        return jdbc.sql("SELECT credentials_version FROM app_user WHERE username = ?").param(username)
                .query(Long.class).optional();
    }

    /**
     * Records that the first-start set-up happened: true for the one caller whose row goes in, false for everyone
     * after it (the table's key admits one row), on any instance.
     */
    boolean markFirstStart(Instant now) {
        try {
            jdbc.sql("INSERT INTO first_start (id, done_at) VALUES (1, ?)").param(Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException alreadySetUp) {
            return false;
        }
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    long countWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = ?").param(role.name()).query(Long.class).single();
    }

    /** Sets a new password hash and raises the credentials version (ending older sessions); returns the version. */
    long updatePassword(long id, String hash, boolean mustChange) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = ?, "
                        + "credentials_version = credentials_version + 1 WHERE id = ?")
                .params(hash, mustChange, id).update();
        return jdbc.sql("SELECT credentials_version FROM app_user WHERE id = ?").param(id).query(Long.class).single();
    }

    List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY role, username").query(AccountRepository::account)
                .list();
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("must_change_password"),
                rs.getTimestamp("created_at").toInstant());
    }
}
