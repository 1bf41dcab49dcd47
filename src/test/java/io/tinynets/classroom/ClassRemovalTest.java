package io.tinynets.classroom;

import io.tinynets.experiment.ExperimentFilter;
import io.tinynets.experiment.ExperimentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Removing a student from a class, deleting a class, handing it over and resetting a student's password. */
@SpringBootTest
class ClassRemovalTest {

    @Autowired
    ClassService classes;
    @Autowired
    AccountService accounts;
    @Autowired
    AssignmentService assignments;
    @Autowired
    GalleryService gallery;
    @Autowired
    ExperimentService experiments;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    private SchoolClass a;
    private SchoolClass b;
    private Account minji;
    private Account hana;
    private Assignment xorA;
    private Assignment xorB;
    private long minjiShared;

    /**
     * Class A (kim) with minji and hana, class B (lee) with minji too. Minji shares an experiment with both classes
     * and submits to an assignment of each; hana shares and submits in A.
     */
    @BeforeEach
    void school() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment");
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        a = classes.create("kim", "3-A");
        b = classes.create("lee", "3-B");
        minji = classes.signUp(a.joinCode(), "minji", "Minji", "long enough");
        classes.join("minji", b.joinCode());
        hana = classes.signUp(a.joinCode(), "hana", "Hana", "long enough");
        xorA = assignment("kim", a);
        xorB = assignment("lee", b);
        minjiShared = experiments.save("minji", ClassroomFixtures.draft("shared", 0.1));
        gallery.share("minji", minjiShared, a.id());
        gallery.share("minji", minjiShared, b.id());
        long hanaShared = experiments.save("hana", ClassroomFixtures.draft("hana's", 0.2));
        gallery.share("hana", hanaShared, a.id());
        submit("minji", xorA);
        submit("minji", xorB);
        submit("hana", xorA);
    }

    private Assignment assignment(String teacher, SchoolClass c) {
        long source = experiments.save(teacher, AssignmentServiceTest.run("playground", 0.1, 4, "xor", 0.3));
        return assignments.create(teacher, c.id(), source, "XOR", "", List.of("learningRate"), null);
    }

    private void submit(String student, Assignment to) {
        assignments.submit(student, to.id(),
                experiments.save(student, AssignmentServiceTest.run("playground", 0.2, 4, "xor", 0.01)));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static void refusedAs(String key, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClassroomException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void removingAStudentTakesTheirSubmissionsAndSharesInThatClassOnly() {
        assertThat(classes.membershipContents("kim", a.id(), minji.id())).isEqualTo(new MembershipContents(1, 1));
        int minjiExperiments = experiments.list("minji", ExperimentFilter.ALL).size();

        classes.removeMember("kim", a.id(), minji.id());

        assertThat(classes.members("kim", a.id())).extracting(Account::username).containsExactly("hana");
        assertThat(classes.classes("minji")).extracting(SchoolClass::name).containsExactly("3-B");
        refusedAs(ClassroomException.DENIED, () -> classes.get("minji", a.id()));
        refusedAs(ClassroomException.DENIED, () -> assignments.assignments("minji", a.id()));
        refusedAs(ClassroomException.DENIED, () -> gallery.gallery("minji", a.id()));
        // the class no longer sees her work, the teacher can no longer open it
        assertThat(gallery.gallery("kim", a.id())).extracting(GalleryEntry::owner).containsExactly("hana");
        assertThat(assignments.submissions("kim", xorA.id())).extracting(Submission::student)
                .containsExactly("hana");
        assertThat(classes.maySeeWorkOf("kim", "minji")).isFalse();
        // her account, experiments and other class are untouched
        assertThat(accounts.find("minji")).isPresent();
        assertThat(experiments.list("minji", ExperimentFilter.ALL)).hasSize(minjiExperiments);
        assertThat(gallery.gallery("lee", b.id())).extracting(GalleryEntry::experimentId).containsExactly(minjiShared);
        assertThat(assignments.submissions("lee", xorB.id())).hasSize(1);
        // joining again works and starts from nothing
        classes.join("minji", a.joinCode());
        assertThat(assignments.submissions("minji", xorA.id())).isEmpty();
    }

    @Test
    void onlyAStudentOfTheClassCanBeRemovedAndOnlyByItsTeacherOrTheAdmin() {
        long lee = accounts.find("lee").orElseThrow().id();
        refusedAs(ClassroomException.DENIED, () -> classes.removeMember("lee", a.id(), minji.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.removeMember("hana", a.id(), minji.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.removeMember("kim", a.id(), lee));
        refusedAs(ClassroomException.DENIED, () -> classes.removeMember("kim", a.id(), 999_999));
        refusedAs(ClassroomException.DENIED, () -> classes.membershipContents("lee", a.id(), minji.id()));
        classes.removeMember("admin", a.id(), hana.id());
        assertThat(classes.members("kim", a.id())).extracting(Account::username).containsExactly("minji");
        refusedAs(ClassroomException.DENIED, () -> classes.removeMember("kim", a.id(), hana.id())); // already gone
    }

    @Test
    void deletingAClassTakesItsAssignmentsSubmissionsSharesAndMembersButNotTheStudentsWork() {
        assertThat(classes.contents("kim", a.id())).isEqualTo(new ClassContents(2, 1, 2, 2));
        int experimentsBefore = count("SELECT COUNT(*) FROM experiment");

        classes.deleteClass("kim", a.id());

        assertThat(classes.classes("kim")).isEmpty();
        assertThat(classes.classes("minji")).extracting(SchoolClass::name).containsExactly("3-B");
        assertThat(classes.classes("hana")).isEmpty();
        refusedAs(ClassroomException.DENIED, () -> classes.get("kim", a.id()));
        refusedAs(ClassroomException.DENIED, () -> assignments.get("kim", xorA.id()));
        assertThat(count("SELECT COUNT(*) FROM assignment WHERE class_id = ?", a.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM submission WHERE assignment_id = ?", xorA.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM experiment_share WHERE class_id = ?", a.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM class_member WHERE class_id = ?", a.id())).isZero();
        // every experiment stays its owner's, the other class keeps its share and submission
        assertThat(count("SELECT COUNT(*) FROM experiment")).isEqualTo(experimentsBefore);
        assertThat(accounts.find("hana")).isPresent();
        assertThat(gallery.gallery("lee", b.id())).extracting(GalleryEntry::experimentId).containsExactly(minjiShared);
        assertThat(assignments.submissions("lee", xorB.id())).hasSize(1);
    }

    @Test
    void onlyTheClassesTeacherOrTheAdminDeletesIt() {
        refusedAs(ClassroomException.DENIED, () -> classes.deleteClass("lee", a.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.deleteClass("minji", a.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.contents("minji", a.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.deleteClass("kim", b.id() + 1000));
        assertThat(classes.classes("admin")).hasSize(2);
        classes.deleteClass("admin", b.id());
        assertThat(classes.classes("admin")).extracting(SchoolClass::name).containsExactly("3-A");
    }

    @Test
    void aClassIsHandedOverToAnotherTeacherWithEverythingInIt() {
        long lee = accounts.find("lee").orElseThrow().id();
        refusedAs(ClassroomException.DENIED, () -> classes.handOver("lee", a.id(), lee));
        refusedAs(ClassroomException.DENIED, () -> classes.handOver("kim", a.id(), minji.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.handOver("kim", a.id(), 999_999));
        assertThat(classes.handOverCandidates("kim", a.id())).extracting(Account::username)
                .containsExactlyInAnyOrder("admin", "lee"); // staff only, not the teacher themself
        SchoolClass moved = classes.handOver("admin", a.id(), lee);
        assertThat(moved.teacherName()).isEqualTo("lee");
        assertThat(classes.classes("kim")).isEmpty();
        assertThat(classes.members("lee", a.id())).hasSize(2);
        assertThat(assignments.submissions("lee", xorA.id())).hasSize(2);
        refusedAs(ClassroomException.DENIED, () -> classes.members("kim", a.id()));
    }

    @Test
    void aResetPasswordWorksOnceThenMustBeChangedAndTheOldOneStopsWorking() {
        OneTimeLogin reset = classes.resetPassword("kim", a.id(), minji.id());
        assertThat(reset.username()).isEqualTo("minji");
        assertThat(reset.displayName()).isEqualTo("Minji");
        assertThat(reset.password()).hasSize(10);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, minji.id());
        assertThat(encoder.matches(reset.password(), hash)).isTrue();
        assertThat(encoder.matches("long enough", hash)).isFalse();
        assertThat(accounts.find("minji").orElseThrow().mustChangePassword()).isTrue();
        accounts.changePassword("minji", reset.password(), "my new password");
        assertThat(accounts.find("minji").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void onlyTheTeacherOfTheStudentsClassOrTheAdminResetsTheirPassword() {
        refusedAs(ClassroomException.DENIED, () -> classes.resetPassword("lee", a.id(), hana.id()));
        refusedAs(ClassroomException.DENIED, () -> classes.resetPassword("lee", b.id(), hana.id())); // not in B
        refusedAs(ClassroomException.DENIED, () -> classes.resetPassword("minji", a.id(), hana.id()));
        long kim = accounts.find("kim").orElseThrow().id();
        refusedAs(ClassroomException.DENIED, () -> classes.resetPassword("admin", a.id(), kim)); // not a member
        assertThat(classes.resetPassword("admin", a.id(), hana.id()).username()).isEqualTo("hana");
        assertThat(accounts.find("minji").orElseThrow().mustChangePassword()).isFalse();
    }
}
