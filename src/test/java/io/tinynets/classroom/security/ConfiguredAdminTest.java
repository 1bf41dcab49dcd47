package io.tinynets.classroom.security;

import io.tinynets.classroom.Account;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AdminFromConfiguration}, the admin password given by configuration: it creates the admin at start while none
 * exists, and never touches an existing admin; without it nobody is created (the first visitor of /setup chooses).
 * Run against the real account service and database; main's AdminFromConfigurationTest starts a real server with the
 * setting and checks its password rules.
 */
@SpringBootTest
class ConfiguredAdminTest {

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void noAccounts() {
        ClassroomFixtures.clean(jdbc);
    }

    private void start(String username, String password) {
        new AdminFromConfiguration(accounts, username, password).run(null);
    }

    private boolean passwordMatches(String username, String password) {
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                username);
        return encoder.matches(password, hash);
    }

    private int admins() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'", Integer.class);
    }

    @Test
    void aConfiguredPasswordCreatesTheAdminWhileNoneExists() {
        start("principal", "from the environment");
        Account admin = accounts.find("principal").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isFalse();
        assertThat(passwordMatches("principal", "from the environment")).isTrue();
        assertThat(admins()).isEqualTo(1);

        // a restart with the variable still set changes nothing
        start("principal", "from the environment");
        assertThat(admins()).isEqualTo(1);
    }

    @Test
    void anExistingAdminIsNeverTouched() {
        accounts.createFirstAdmin("admin", "Admin", "chosen at setup");
        start("principal", "from the environment");
        start("admin", "from the environment");
        assertThat(accounts.find("principal")).isEmpty();
        assertThat(passwordMatches("admin", "chosen at setup")).isTrue();
        assertThat(passwordMatches("admin", "from the environment")).isFalse();
        assertThat(admins()).isEqualTo(1);
    }

    @Test
    void withoutAPasswordNobodyIsCreatedAndSetupStaysOpen() {
        start("admin", "");
        start("admin", null);
        assertThat(accounts.adminExists()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isZero();
    }
}
