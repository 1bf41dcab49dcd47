package io.tinynets.classroom;

import io.tinynets.experiment.ExperimentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class GalleryServiceTest {

    @Autowired
    GalleryService gallery;
    @Autowired
    ClassService classes;
    @Autowired
    AccountService accounts;
    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;
    private SchoolClass a;
    private SchoolClass b;

    @BeforeEach
    void twoClasses() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment");
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        a = classes.create("kim", "3-A");
        b = classes.create("lee", "3-B");
        classes.signUp(a.joinCode(), "minji", "Minji", "long enough");
        classes.signUp(a.joinCode(), "hana", "Hana", "long enough");
        classes.signUp(b.joinCode(), "jisoo", "Jisoo", "long enough");
    }

    private static void denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClassroomException.class,
                e -> assertThat(e.isDenied()).isTrue());
    }

    @Test
    void aSharedExperimentIsSeenAndOpenedByTheClassOnly() {
        long id = experiments.save("minji", ClassroomFixtures.draft("my spiral", 0.01));
        gallery.share("minji", id, a.id());
        gallery.share("minji", id, a.id()); // sharing twice changes nothing

        List<GalleryEntry> seen = gallery.gallery("hana", a.id());
        assertThat(seen).extracting(GalleryEntry::name, GalleryEntry::ownerName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("my spiral", "Minji"));
        assertThat(gallery.open("hana", id).curves().get(0).last()).isEqualTo(0.01);
        assertThat(gallery.open("kim", id).name()).isEqualTo("my spiral");

        // another class, its teacher, and a guessed id: refused alike
        denied(() -> gallery.gallery("jisoo", a.id()));
        denied(() -> gallery.open("jisoo", id));
        denied(() -> gallery.open("lee", id));
        denied(() -> gallery.open("hana", id + 999));
    }

    @Test
    void onlyTheOwnerSharesAndOnlyWithTheirOwnClasses() {
        long id = experiments.save("minji", ClassroomFixtures.draft("mine", 0.1));
        denied(() -> gallery.share("hana", id, a.id()));        // someone else's experiment
        denied(() -> gallery.share("minji", id, b.id()));       // a class minji is not in
        gallery.share("minji", id, a.id());
        denied(() -> gallery.unshare("hana", id, a.id()));
        gallery.unshare("minji", id, a.id());
        assertThat(gallery.gallery("hana", a.id())).isEmpty();
    }

    @Test
    void aDeletedExperimentLeavesTheGallery() {
        long id = experiments.save("minji", ClassroomFixtures.draft("gone soon", 0.1));
        gallery.share("minji", id, a.id());
        experiments.delete("minji", id);
        assertThat(gallery.gallery("hana", a.id())).isEmpty();
        denied(() -> gallery.open("hana", id));
    }
}
