package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.OneTimeLogin;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The classes page as a teacher and as a student, sign-up with a code, and the forced password change. */
class ClassesViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void server() {
        ClassroomFixtures.clean(jdbc);
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
    }

    @Test
    void aTeacherCreatesAClassSeesItsCodeAndImportsStudents() {
        login("kim", "TEACHER");
        UI.getCurrent().navigate("classes");
        ClassesView view = _get(ClassesView.class);
        assertThat(_size(view.grid)).isZero();
        assertThat(view.createButton.isEnabled()).isFalse();
        view.newName.setValue("3-A");
        _click(view.createButton);
        assertThat(_size(view.grid)).isEqualTo(1);
        SchoolClass made = classes.classes("kim").get(0);
        assertThat(_getFormattedRow(view.grid, 0)).containsExactly("3-A", "kim", made.joinCode(), "0");
        assertThat(view.details.isVisible()).isTrue();
        assertThat(view.code.getText()).isEqualTo(made.joinCode());

        view.importNames.setValue("Ann Lee\nBo Kim");
        _click(view.importButton);
        assertThat(view.importDialog.isOpened()).isTrue();
        assertThat(_size(view.importResult)).isEqualTo(2);
        OneTimeLogin first = view.importResult.getListDataView().getItem(0);
        assertThat(first.username()).isEqualTo("ann.lee");
        assertThat(_size(view.members)).isEqualTo(2);
        assertThat(_getFormattedRow(view.members, 0)).contains("one-time password not changed yet");
    }

    @Test
    void aStudentSignsUpWithTheCodeAndJoinsAnotherClass() {
        SchoolClass a = classes.create("kim", "3-A");
        SchoolClass b = classes.create("kim", "Science club");
        UI.getCurrent().navigate("signup", com.vaadin.flow.router.QueryParameters.of("code", a.joinCode()));
        SignUpView signUp = _get(SignUpView.class);
        assertThat(signUp.code.getValue()).isEqualTo(a.joinCode());
        signUp.username.setValue("minji");
        signUp.displayName.setValue("Minji");
        signUp.password.setValue("minji password");
        signUp.confirm.setValue("minji password");
        assertThat(signUp.create.isEnabled()).isTrue();
        _click(signUp.create);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);

        login("minji", "STUDENT");
        UI.getCurrent().navigate("classes");
        ClassesView view = _get(ClassesView.class);
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormattedRow(view.grid, 0)).containsExactly("3-A", "kim"); // no code, no count for students
        view.joinCode.setValue(b.joinCode().toLowerCase());
        _click(view.joinButton);
        assertThat(_size(view.grid)).isEqualTo(2);
        view.grid.select(view.grid.getListDataView().getItem(0));
        assertThat(view.details.isVisible()).isFalse();
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        SchoolClass a = classes.create("kim", "3-A");
        OneTimeLogin otp = classes.importStudents("kim", a.id(), "Ann Lee").get(0);
        login(otp.username(), "STUDENT");
        UI.getCurrent().navigate("experiments");
        ChangePasswordView view = _get(ChangePasswordView.class);
        assertThat(view.oneTime.isVisible()).isTrue();
        view.current.setValue(otp.password());
        view.next.setValue("my own password");
        view.confirm.setValue("my own password");
        _click(view.save);
        assertThat(accounts.find(otp.username()).orElseThrow().mustChangePassword()).isFalse();
        UI.getCurrent().navigate("experiments");
        assertThat(UI.getCurrent().getCurrentView().getClass().getSimpleName()).isEqualTo("ExperimentsView");
    }

    @Test
    void aStudentCannotOpenTheAdminSideOfAClass() {
        SchoolClass a = classes.create("kim", "3-A");
        classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
        login("minji", "STUDENT");
        UI.getCurrent().navigate("classes");
        ClassesView view = _get(ClassesView.class);
        // a crafted call through the view's own service path is refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> classes.members("minji", a.id()))
                .isInstanceOf(io.tinynets.classroom.ClassroomException.class);
        assertThat(view.importButton.isAttached()).isFalse();
    }
}
