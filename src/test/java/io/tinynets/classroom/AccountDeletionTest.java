package io.tinynets.classroom;

import io.tinynets.experiment.ExperimentFilter;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.training.RunSettings;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin deletes accounts (with their rules and what goes with them) and resets passwords. */
@SpringBootTest
class AccountDeletionTest {

    @Autowired
    AdminService admin;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    AssignmentService assignments;
    @Autowired
    GalleryService gallery;
    @Autowired
    ExperimentService experiments;
    @Autowired
    TrainingService training;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    private SchoolClass a;
    private Account minji;
    private Account kim;
    private Assignment xor;
    private final List<String> deletedEvents = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof AdminService.AccountDeleted d) {
            deletedEvents.add(d.username());
        }
    };

    @BeforeEach
    void school() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment");
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        kim = ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        a = classes.create("kim", "3-A");
        minji = classes.signUp(a.joinCode(), "minji", "Minji", "long enough");
        classes.signUp(a.joinCode(), "hana", "Hana", "long enough");
        long source = experiments.save("kim", AssignmentServiceTest.run("playground", 0.1, 4, "xor", 0.3));
        xor = assignments.create("kim", a.id(), source, "XOR", "", List.of("learningRate"), null);
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopRuns() {
        context.removeApplicationListener(listener);
        for (String user : List.of("minji", "hana")) {
            training.runsOf(user).forEach(r -> training.cancel(user, r.id()));
        }
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static void refusedAs(String key, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClassroomException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void deletingAStudentRemovesTheirExperimentsSubmissionsSharesMembershipsAndRuns() {
        long shared = experiments.save("minji", ClassroomFixtures.draft("shared", 0.1));
        gallery.share("minji", shared, a.id());
        long trashed = experiments.save("minji", ClassroomFixtures.draft("in the bin", 0.1));
        experiments.delete("minji", trashed); // soft-deleted ones go too
        assignments.submit("minji", xor.id(),
                experiments.save("minji", AssignmentServiceTest.run("playground", 0.2, 4, "xor", 0.01)));
        long hanas = experiments.save("hana", ClassroomFixtures.draft("hana's", 0.2));
        TrainingRun<Double> run = training.create("minji", "playground", DecayTrainer.FACTORY, RunSettings.seeded(1));
        training.start("minji", run.id());

        assertThat(admin.contents("admin", minji.id()))
                .isEqualTo(new AccountContents(minji, 0, 1, 2, 1, 1, 1));

        admin.deleteAccount("admin", minji.id());

        assertThat(accounts.find("minji")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM experiment WHERE owner = 'minji'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM submission WHERE student = 'minji'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM experiment_share")).isZero();
        assertThat(count("SELECT COUNT(*) FROM class_member WHERE user_id = ?", minji.id())).isZero();
        assertThat(training.runsOf("minji")).isEmpty();
        assertThat(classes.members("kim", a.id())).extracting(Account::username).containsExactly("hana");
        assertThat(experiments.get("hana", hanas).name()).isEqualTo("hana's"); // others untouched
        assertThat(deletedEvents).containsExactly("minji");
    }

    @Test
    void aDeletedUsersOpenSessionIsRefusedAtItsNextServiceCall() {
        admin.deleteAccount("admin", minji.id());
        // the session still carries "minji": every classroom service loads the account and finds none
        refusedAs(ClassroomException.DENIED, () -> classes.classes("minji"));
        refusedAs(ClassroomException.DENIED, () -> classes.get("minji", a.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.join("minji", a.joinCode()));
        refusedAs(ClassroomException.DENIED, () -> assignments.assignments("minji", a.id()));
        refusedAs(ClassroomException.DENIED, () -> gallery.gallery("minji", a.id()));
        refusedAs(ClassroomException.DENIED, () -> accounts.changePassword("minji", "long enough", "another one"));
    }

    @Test
    void aTeacherWhoStillHasClassesIsRefusedUntilTheyAreHandedOver() {
        assertThat(admin.contents("admin", kim.id()).classesTaught()).isEqualTo(1);
        refusedAs("classroom.account.teachesClasses", () -> admin.deleteAccount("admin", kim.id()));
        assertThat(accounts.find("kim")).isPresent();
        assertThat(classes.members("kim", a.id())).hasSize(2); // nothing half done

        classes.handOver("admin", a.id(), accounts.find("lee").orElseThrow().id());
        admin.deleteAccount("admin", kim.id());
        assertThat(accounts.find("kim")).isEmpty();
        // the teacher's own experiments go; the assignment (a copy of the configuration) stays with the class
        assertThat(count("SELECT COUNT(*) FROM experiment WHERE owner = 'kim'")).isZero();
        assertThat(assignments.assignments("lee", a.id())).extracting(Assignment::id).containsExactly(xor.id());
    }

    @Test
    void theAdminCannotDeleteThemselvesNorTheLastAdmin() {
        refusedAs("classroom.account.deleteSelf", () -> admin.deleteAccount("admin", accounts.find("admin")
                .orElseThrow().id()));
        Account second = accounts.createStaff("admin", "second", "Second", "long enough", Role.ADMIN);
        admin.deleteAccount("admin", second.id());
        assertThat(accounts.find("second")).isEmpty();
        assertThat(accounts.adminExists()).isTrue();
    }

    @Test
    void twoAdminsDeletingEachOtherLeaveOneAdmin() throws Exception {
        Account second = accounts.createStaff("admin", "second", "Second", "long enough", Role.ADMIN);
        long first = accounts.find("admin").orElseThrow().id();
        Thread t1 = new Thread(() -> tryDelete("admin", second.id()));
        Thread t2 = new Thread(() -> tryDelete("second", first));
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'")).isEqualTo(1);
    }

    private void tryDelete(String actor, long id) {
        try {
            admin.deleteAccount(actor, id);
        } catch (ClassroomException e) {
            // the loser finds its own account gone
        }
    }

    @Test
    void onlyTheAdminDeletesAccountsAndUnknownIdsAreRefusedLikeForeignOnes() {
        refusedAs(ClassroomException.DENIED, () -> admin.deleteAccount("kim", minji.id()));
        refusedAs(ClassroomException.DENIED, () -> admin.deleteAccount("minji", kim.id()));
        refusedAs(ClassroomException.DENIED, () -> admin.contents("kim", minji.id()));
        refusedAs(ClassroomException.DENIED, () -> admin.deleteAccount("admin", 999_999));
        refusedAs(ClassroomException.DENIED, () -> admin.deleteAccount("ghost", minji.id()));
        assertThat(accounts.find("minji")).isPresent();
    }

    @Test
    void theAdminResetsAnotherAccountsPasswordToAOneTimeOne() {
        OneTimeLogin reset = admin.resetPassword("admin", kim.id());
        assertThat(reset.username()).isEqualTo("kim");
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, kim.id());
        assertThat(encoder.matches(reset.password(), hash)).isTrue();
        assertThat(encoder.matches(ClassroomFixtures.PASSWORD, hash)).isFalse();
        assertThat(accounts.find("kim").orElseThrow().mustChangePassword()).isTrue();
        refusedAs("classroom.account.resetSelf", () -> admin.resetPassword("admin",
                accounts.find("admin").orElseThrow().id()));
        refusedAs(ClassroomException.DENIED, () -> admin.resetPassword("kim", minji.id()));
        refusedAs(ClassroomException.DENIED, () -> admin.resetPassword("admin", 999_999));
    }
}
