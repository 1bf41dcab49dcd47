package io.tinynets.classroom;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account rules alone: passwords by UTF-8 bytes (BCrypt's limit), reserved usernames by role. */
class AccountRulesTest {

    @Test
    void passwordsAreLimitedByTheBytesBcryptReadsNotByCharacters() {
        String korean24 = "가".repeat(24);
        String korean25 = "가".repeat(25);
        assertThat(korean24.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThat(PasswordRule.accepts(korean24)).isTrue();
        // 25 Korean characters are 75 bytes: BCrypt cannot hash them, so the rule refuses them with its message
        assertThat(PasswordRule.accepts(korean25)).isFalse();
        assertThat(PasswordRule.accepts("x".repeat(72))).isTrue();
        assertThat(PasswordRule.accepts("x".repeat(73))).isFalse();
        // 8 characters, whatever their script; a surrogate pair (an emoji) is one character
        assertThat(PasswordRule.accepts("가나다라마바사아")).isTrue();
        assertThat(PasswordRule.accepts("가나다라마바사")).isFalse();
        assertThat(PasswordRule.accepts("\uD83D\uDE00".repeat(7) + "x")).isTrue();
        assertThat(PasswordRule.accepts("        ")).isFalse();
        assertThat(PasswordRule.accepts(null)).isFalse();
        assertThatThrownBy(() -> AccountRules.password(korean25))
                .isInstanceOfSatisfying(ClassroomException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("classroom.invalid.password");
                    assertThat(e.messageArgs()).containsExactly(8, 72, 24);
                });
    }

    @Test
    void namesTheServerUsesForItselfAreNobodysAndAdminNamesOnlyAnAdmins() {
        for (String name : new String[] {"local", "Local", "anonymous", "anonymousUser", "system", "session-abc"}) {
            for (Role role : Role.values()) {
                assertThatThrownBy(() -> AccountRules.username(name, role)).as(name + " as " + role)
                        .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey())
                                .isEqualTo("classroom.invalid.usernameReserved"));
            }
        }
        for (String name : new String[] {"admin", "Administrator", "root", "admin2", "admin.kim", "sysadmin"}) {
            assertThat(AccountRules.username(name, Role.ADMIN)).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
            assertThatThrownBy(() -> AccountRules.username(name, Role.STUDENT)).as(name)
                    .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey())
                            .isEqualTo("classroom.invalid.usernameReserved"));
            assertThatThrownBy(() -> AccountRules.username(name, Role.TEACHER)).as(name)
                    .isInstanceOf(ClassroomException.class);
        }
        // ordinary names that merely start alike are fine
        assertThat(AccountRules.username("adminah", Role.STUDENT)).isEqualTo("adminah");
        assertThat(AccountRules.username("locally", Role.STUDENT)).isEqualTo("locally");
        assertThat(AccountRules.username("sessions", Role.STUDENT)).isEqualTo("sessions");
    }
}
