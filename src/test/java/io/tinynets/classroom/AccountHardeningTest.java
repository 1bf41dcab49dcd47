package io.tinynets.classroom;

import io.tinynets.experiment.BackupService;
import io.tinynets.experiment.ExperimentAccessException;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentValidationException;
import io.tinynets.experiment.ImportResult;
import io.tinynets.training.TranslatableProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The smaller leaks of a shared server, closed in the services: reserved usernames, passwords BCrypt can hash, one
 * refusal for missing and someone else's, a deleted account refused everywhere, the backup for admins only, password
 * changes ending older logins, and a first start that one instance wins.
 */
@SpringBootTest
class AccountHardeningTest {

    static final String KOREAN_24 = "가".repeat(24);
    static final String KOREAN_25 = "가".repeat(25);

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    AdminService admin;
    @Autowired
    AssignmentService assignments;
    @Autowired
    GalleryService gallery;
    @Autowired
    ExperimentService experiments;
    @Autowired
    BackupService backups;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    private SchoolClass c;

    @BeforeEach
    void kimsClass() {
        c = ClassroomFixtures.kimsClass(jdbc, accounts, classes, "minji", "jisoo");
        accounts.createFirstAdmin("admin", "Admin", "admin password");
    }

    private static String key(Throwable t) {
        return ((TranslatableProblem) t).messageKey();
    }

    @Test
    void reservedUsernamesCannotBeSignedUpAndImportedNamesAvoidThem() {
        for (String name : new String[] {"local", "anonymous", "admin2", "administrator", "root"}) {
            assertThatThrownBy(() -> classes.signUp(c.joinCode(), name, "X", "long enough")).as(name)
                    .isInstanceOfSatisfying(ClassroomException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.usernameReserved"));
        }
        assertThatThrownBy(() -> accounts.createStaff("admin", "root", "Root", "long enough", Role.TEACHER))
                .isInstanceOfSatisfying(ClassroomException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("classroom.invalid.usernameReserved"));
        // an admin may be called like one
        assertThat(accounts.createStaff("admin", "admin.lee", "Lee", "long enough", Role.ADMIN).username())
                .isEqualTo("admin.lee");
        List<OneTimeLogin> imported = classes.importStudents("kim", c.id(), "Local\nAdmin\nAdmin Kim\nRoot");
        assertThat(imported).extracting(OneTimeLogin::username)
                .containsExactly("student.local", "student.admin", "student.admin.kim", "student.root");
        assertThat(accounts.find("local")).isEmpty();
    }

    @Test
    void passwordsOverBcryptsLimitAreRefusedWithTheRuleEverywhereOneIsSet() {
        assertThat(key(catchThrowableOfType(ClassroomException.class,
                () -> classes.signUp(c.joinCode(), "yuna", "Yuna", KOREAN_25))))
                .isEqualTo("classroom.invalid.password");
        assertThat(key(catchThrowableOfType(ClassroomException.class,
                () -> accounts.changePassword("minji", "long enough", KOREAN_25))))
                .isEqualTo("classroom.invalid.password");
        assertThat(key(catchThrowableOfType(ClassroomException.class,
                () -> accounts.createStaff("admin", "teacher.park", "Park", KOREAN_25, Role.TEACHER))))
                .isEqualTo("classroom.invalid.password");
        ClassroomFixtures.clean(jdbc);
        assertThat(key(catchThrowableOfType(ClassroomException.class,
                () -> accounts.createFirstAdmin("admin", "Admin", KOREAN_25))))
                .isEqualTo("classroom.invalid.password");
        assertThat(accounts.adminExists()).isFalse();
        // 24 Korean characters are 72 bytes: accepted, and the hash checks exactly that password
        accounts.createFirstAdmin("admin", "Admin", KOREAN_24);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'admin'",
                String.class);
        assertThat(encoder.matches(KOREAN_24, hash)).isTrue();
        assertThat(encoder.matches("가".repeat(23) + "나", hash)).isFalse();
    }

    @Test
    void aMissingAndSomeoneElsesExperimentAreRefusedAlikeOnEveryPath() {
        long theirs = experiments.save("jisoo", ClassroomFixtures.draft("jisoo's", 0.2));
        long mine = experiments.save("minji", ClassroomFixtures.draft("mine", 0.3));
        long missing = theirs + 1000;
        ExperimentAccessException notYours = catchThrowableOfType(ExperimentAccessException.class,
                () -> experiments.get("minji", theirs));
        ExperimentAccessException notThere = catchThrowableOfType(ExperimentAccessException.class,
                () -> experiments.get("minji", missing));
        assertThat(notYours.reason()).isEqualTo(ExperimentAccessException.Reason.NOT_OWNER);
        assertThat(notThere.reason()).isEqualTo(ExperimentAccessException.Reason.NOT_FOUND);
        assertThat(notYours.messageKey()).isEqualTo(notThere.messageKey());
        for (Runnable attempt : List.<Runnable>of(
                () -> experiments.compare("minji", List.of(mine, theirs)),
                () -> experiments.rename("minji", theirs, "mine now"),
                () -> experiments.delete("minji", theirs),
                () -> experiments.undoDelete("minji", theirs),
                () -> experiments.exportJson("minji", List.of(theirs)))) {
            assertThat(key(catchThrowableOfType(ExperimentAccessException.class, attempt::run)))
                    .isEqualTo(notThere.messageKey());
        }
        // the classroom paths: one "denied" for both
        Assignment a = assignments.create("kim", c.id(), experiments.save("kim",
                ClassroomFixtures.playgroundDraft("task", 0.5)), "Task", "", List.of(), null);
        for (long id : new long[] {theirs, missing}) {
            assertThat(catchThrowableOfType(ClassroomException.class,
                    () -> assignments.submit("minji", a.id(), id)).isDenied()).isTrue();
            assertThat(catchThrowableOfType(ClassroomException.class,
                    () -> gallery.open("minji", id)).isDenied()).isTrue();
            assertThat(catchThrowableOfType(ClassroomException.class,
                    () -> gallery.share("minji", id, c.id())).isDenied()).isTrue();
        }
        assertThat(catchThrowableOfType(ClassroomException.class,
                () -> assignments.get("minji", a.id() + 1000)).isDenied()).isTrue();
    }

    @Test
    void aDeletedAccountIsRefusedByEveryServiceFromTheDatabase() {
        Account minji = accounts.find("minji").orElseThrow();
        long kept = experiments.save("minji", ClassroomFixtures.playgroundDraft("before", 0.3));
        byte[] export = experiments.exportJson("minji", List.of(kept));
        // deleted the way another instance would: nothing on this one was told
        admin.deleteAccount("admin", minji.id());
        assertThat(key(catchThrowableOfType(ExperimentValidationException.class,
                () -> experiments.save("minji", ClassroomFixtures.draft("after", 0.1)))))
                .isEqualTo("experiments.error.accountGone");
        ImportResult imported = experiments.importFile("minji", export);
        assertThat(imported.ok()).isFalse();
        assertThat(imported.problem().messageKey()).isEqualTo("experiments.error.accountGone");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE owner = 'minji'", Long.class))
                .isZero();
        assertThat(catchThrowableOfType(ClassroomException.class, () -> classes.classes("minji")).isDenied())
                .isTrue();
        assertThat(catchThrowableOfType(ClassroomException.class, () -> classes.join("minji", c.joinCode()))
                .isDenied()).isTrue();
        assertThat(accounts.loginStillValid("minji", 0)).isFalse();
        assertThat(accounts.exists("minji")).isFalse();
    }

    @Test
    void onlyAnAdministratorMayBackUpWhateverTheCallerChecked() {
        for (String actor : new String[] {"kim", "minji", "nobody", null}) {
            assertThatThrownBy(() -> backups.backupNow(actor)).as(String.valueOf(actor))
                    .isInstanceOfSatisfying(BackupService.AdminOnlyException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("experiments.backup.adminOnly"));
            assertThatThrownBy(() -> backups.backupTo(actor, Path.of("target", "never.zip")))
                    .isInstanceOf(BackupService.AdminOnlyException.class);
        }
        assertThat(Path.of("target", "never.zip")).doesNotExist();
        assertThat(accounts.isAdmin("admin")).isTrue();
        assertThat(accounts.isAdmin("kim")).isFalse();
    }

    @Test
    void aPasswordChangeOrResetEndsOlderLogins() {
        long before = jdbc.queryForObject("SELECT credentials_version FROM app_user WHERE username = 'minji'",
                Long.class);
        assertThat(accounts.loginStillValid("minji", before)).isTrue();
        accounts.changePassword("minji", "long enough", "a new password");
        long changed = jdbc.queryForObject("SELECT credentials_version FROM app_user WHERE username = 'minji'",
                Long.class);
        assertThat(changed).isGreaterThan(before);
        assertThat(accounts.loginStillValid("minji", before)).isFalse();
        assertThat(accounts.loginStillValid("minji", changed)).isTrue();
        classes.resetPassword("kim", c.id(), accounts.find("minji").orElseThrow().id());
        assertThat(accounts.loginStillValid("minji", changed)).isFalse();
        admin.resetPassword("admin", accounts.find("kim").orElseThrow().id());
        assertThat(accounts.loginStillValid("kim", 0)).isFalse();
        // others are untouched
        assertThat(accounts.loginStillValid("jisoo", 0)).isTrue();
    }

    @Test
    void aSetUpMarkedByAnotherInstanceIsFinalEvenBeforeItsAdminIsVisible() {
        ClassroomFixtures.clean(jdbc);
        // another instance's set-up has written its marker (its admin may still be on the way)
        jdbc.update("INSERT INTO first_start (id, done_at) VALUES (1, CURRENT_TIMESTAMP)");
        assertThat(catchThrowableOfType(ClassroomException.class,
                () -> accounts.createFirstAdmin("admin", "Admin", "long enough")).isDenied()).isTrue();
        assertThat(accounts.adminExists()).isFalse();
        // the table holds one marker at most, whatever writes it
        assertThatThrownBy(() -> jdbc.update("INSERT INTO first_start (id, done_at) VALUES (2, CURRENT_TIMESTAMP)"))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
