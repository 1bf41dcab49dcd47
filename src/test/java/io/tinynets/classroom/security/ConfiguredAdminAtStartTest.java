package io.tinynets.classroom.security;

import io.tinynets.classroom.Account;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AdminFromConfiguration} at a real start: a server started with {@code tinynets.admin.username} and
 * {@code tinynets.admin.password} (as {@code TINYNETS_ADMIN_PASSWORD} or {@code --tinynets.admin.password} give them)
 * has that admin once it is up.
 */
@SpringBootTest(properties = {"tinynets.admin.username=principal", "tinynets.admin.password=configured at start"})
class ConfiguredAdminAtStartTest {

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theConfiguredAdminExistsOnceTheServerHasStarted() {
        Account admin = accounts.find("principal").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isFalse();
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                "principal");
        assertThat(encoder.matches("configured at start", hash)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(1);
    }
}
