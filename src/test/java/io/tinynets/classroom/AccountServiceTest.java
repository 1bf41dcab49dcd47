package io.tinynets.classroom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tinynets.classroom.ClassroomFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshServer() {
        ClassroomFixtures.clean(jdbc);
    }

    @Test
    void firstStartCreatesTheAdminOnceAndThenRefuses() {
        assertThat(accounts.adminExists()).isFalse();
        Account admin = accounts.createFirstAdmin("Admin", "The admin", "long enough");
        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(accounts.adminExists()).isTrue();
        assertThatThrownBy(() -> accounts.createFirstAdmin("other", "Other", "long enough"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.isDenied()).isTrue());
        assertThat(accounts.find("other")).isEmpty();
    }

    @Test
    void twoSimultaneousSetUpsMakeOneAdmin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : List.of("first", "second")) {
                Callable<Boolean> attempt = () -> {
                    try {
                        accounts.createFirstAdmin(name, name, "long enough");
                        return true;
                    } catch (ClassroomException e) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'", Long.class))
                    .isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        ClassroomFixtures.account(accounts, "teacher.kim", Role.TEACHER);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'teacher.kim'",
                String.class);
        assertThat(hash).startsWith("$2a$10$").doesNotContain(PASSWORD);
    }

    @Test
    void badAccountFieldsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> accounts.createFirstAdmin("ab", "A", "long enough"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.username"));
        assertThatThrownBy(() -> accounts.createFirstAdmin("session-x", "A", "long enough"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.usernameReserved"));
        assertThatThrownBy(() -> accounts.createFirstAdmin("admin", "A", "short"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.password"));
        assertThatThrownBy(() -> accounts.createFirstAdmin("admin", " ", "long enough"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.displayName"));
        assertThat(accounts.adminExists()).isFalse();
    }

    @Test
    void onlyTheAdminCreatesStaffAndNeverStudentsThatWay() {
        accounts.createFirstAdmin("admin", "Admin", "long enough");
        ClassroomFixtures.account(accounts, "teacher.kim", Role.TEACHER);
        Account t = accounts.createStaff("admin", "teacher.lee", "Ms Lee", "long enough", Role.TEACHER);
        assertThat(t.role()).isEqualTo(Role.TEACHER);
        assertThatThrownBy(() -> accounts.createStaff("teacher.kim", "teacher.x", "X", "long enough", Role.TEACHER))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.isDenied()).isTrue());
        assertThatThrownBy(() -> accounts.createStaff("admin", "stud", "S", "long enough", Role.STUDENT))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.role"));
        assertThatThrownBy(() -> accounts.createStaff("admin", "teacher.lee", "again", "long enough", Role.TEACHER))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.usernameTaken"));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndClearsTheOneTimeFlag() {
        Account s = accounts.create("student.park", "Park", "one time pw", Role.STUDENT, true);
        assertThat(s.mustChangePassword()).isTrue();
        assertThatThrownBy(() -> accounts.changePassword("student.park", "wrong!!!", "my new secret"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.password.wrongCurrent"));
        assertThatThrownBy(() -> accounts.changePassword("student.park", "one time pw", "one time pw"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.messageKey()).isEqualTo("classroom.password.sameAsOld"));
        accounts.changePassword("student.park", "one time pw", "my new secret");
        assertThat(accounts.find("student.park").orElseThrow().mustChangePassword()).isFalse();
    }
}
