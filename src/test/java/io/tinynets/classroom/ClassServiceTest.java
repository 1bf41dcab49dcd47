package io.tinynets.classroom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class ClassServiceTest {

    @Autowired
    ClassService classes;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void teachers() {
        ClassroomFixtures.clean(jdbc);
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
    }

    private static void refusedAs(String key, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClassroomException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aTeacherCreatesClassesWithDistinctReadableJoinCodes() {
        SchoolClass a = classes.create("kim", " 3-A ");
        SchoolClass b = classes.create("kim", "3-B");
        assertThat(a.name()).isEqualTo("3-A");
        assertThat(a.joinCode()).matches("[A-HJ-NP-Z2-9]{8}").isNotEqualTo(b.joinCode());
        assertThat(classes.classes("kim")).extracting(SchoolClass::name).containsExactly("3-A", "3-B");
        assertThat(classes.classes("lee")).isEmpty();
        refusedAs("classroom.invalid.className", () -> classes.create("kim", "  "));
    }

    @Test
    void studentsSignUpWithTheCodeTypedLooselyAndSeeOnlyTheirClasses() {
        SchoolClass a = classes.create("kim", "3-A");
        classes.create("lee", "3-B");
        String typed = a.joinCode().substring(0, 4).toLowerCase() + "-" + a.joinCode().substring(4);
        Account s = classes.signUp(typed, "minji", "Minji", "minji's password");
        assertThat(s.role()).isEqualTo(Role.STUDENT);
        assertThat(classes.classes("minji")).extracting(SchoolClass::name).containsExactly("3-A");
        assertThat(classes.members("kim", a.id())).extracting(Account::username).containsExactly("minji");
        refusedAs("classroom.join.unknownCode", () -> classes.signUp("ZZZZZZZZ", "jisoo", "Jisoo", "long enough"));
        assertThat(accounts.find("jisoo")).isEmpty(); // nothing half made
    }

    @Test
    void aNewJoinCodeRetiresTheOldOne() {
        SchoolClass a = classes.create("kim", "3-A");
        SchoolClass renewed = classes.newJoinCode("kim", a.id());
        assertThat(renewed.joinCode()).isNotEqualTo(a.joinCode());
        refusedAs("classroom.join.unknownCode", () -> classes.signUp(a.joinCode(), "jisoo", "Jisoo", "long enough"));
        classes.signUp(renewed.joinCode(), "jisoo", "Jisoo", "long enough");
    }

    @Test
    void importingNamesMakesStudentsWithOneTimePasswordsAllOrNothing() {
        SchoolClass a = classes.create("kim", "3-A");
        List<OneTimeLogin> made = classes.importStudents("kim", a.id(),
                "name\nJosé Núñez\n\"Park, Jimin\",extra\n김민지\nJosé Núñez\n");
        assertThat(made).extracting(OneTimeLogin::username)
                .containsExactly("jose.nunez", "park.jimin", "student" + a.id(), "jose.nunez2");
        for (OneTimeLogin login : made) {
            Account acc = accounts.find(login.username()).orElseThrow();
            assertThat(acc.mustChangePassword()).isTrue();
            assertThat(acc.role()).isEqualTo(Role.STUDENT);
            String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                    login.username());
            assertThat(encoder.matches(login.password(), hash)).isTrue();
            assertThat(login.password()).hasSize(10);
        }
        assertThat(classes.members("kim", a.id())).hasSize(4);

        String tooLong = "x".repeat(101);
        refusedAs("classroom.import.badName", () -> classes.importStudents("kim", a.id(), "Ann\n" + tooLong));
        assertThat(accounts.find("ann")).isEmpty();
        refusedAs("classroom.import.empty", () -> classes.importStudents("kim", a.id(), " \n name \n"));
        refusedAs("classroom.import.tooMany", () -> classes.importStudents("kim", a.id(),
                "a\n".repeat(ClassService.IMPORT_MAX + 1).replace("a", "Abc")));
    }

    @Test
    void aTeacherSeesTheWorkOfTheirStudentsOnly() {
        SchoolClass a = classes.create("kim", "3-A");
        classes.signUp(a.joinCode(), "minji", "Minji", "long enough");
        ClassroomFixtures.account(accounts, "other", Role.STUDENT);
        assertThat(classes.maySeeWorkOf("kim", "minji")).isTrue();
        assertThat(classes.maySeeWorkOf("lee", "minji")).isFalse();
        assertThat(classes.maySeeWorkOf("kim", "other")).isFalse();
        assertThat(classes.maySeeWorkOf("minji", "other")).isFalse();
        assertThat(classes.maySeeWorkOf("minji", "minji")).isTrue();
    }
}
