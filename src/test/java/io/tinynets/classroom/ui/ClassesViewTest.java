package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.tinynets.classroom.Account;
import io.tinynets.classroom.ClassroomException;
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

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
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
    @Autowired
    io.tinynets.experiment.ExperimentService experiments;
    @Autowired
    io.tinynets.classroom.AssignmentService assignments;

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
        // the whole link to hand out, and the same link as a QR code whose squares are the encoder's modules
        String link = view.joinLink.link.getValue();
        assertThat(link).matches("https?://[^/]+/signup\\?code=" + made.joinCode());
        io.nayuki.qrcodegen.QrCode qr = QrSvg.encode(link);
        String svg = view.joinLink.qr.getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("fill=\"#ffffff\"").contains("aria-label=\"QR code of the join link of 3-A\"");
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                String module = "M" + (x + QrSvg.BORDER) + "," + (y + QrSvg.BORDER) + "h1v1h-1z";
                assertThat(svg.contains(module)).as("module %d,%d", x, y).isEqualTo(qr.getModule(x, y));
            }
        }
        _click(view.joinLink.large);
        assertThat(view.joinLink.largeDialog.isOpened()).isTrue();
        assertThat(view.joinLink.largeDialog.getHeaderTitle()).isEqualTo("Join 3-A");
        view.joinLink.largeDialog.close();

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
        // the page names the class the code opens, before the student chooses a password
        assertThat(signUp.joining.getText()).isEqualTo("You are joining 3-A (teacher: kim).");
        signUp.code.setValue("ZZZZ9999");
        assertThat(signUp.joining.getText()).startsWith("No class has this join code");
        signUp.code.setValue(a.joinCode());
        signUp.username.setValue("minji");
        signUp.displayName.setValue("Minji");
        signUp.password.setValue("minji password");
        signUp.confirm.setValue("minji password");
        assertThat(signUp.create.isEnabled()).isTrue();
        _click(signUp.create);
        // logged in at once (no second typing of the new username and password); the classes page greets them
        assertThat(io.tinynets.base.ui.CurrentUser.username()).contains("minji");
        assertThat(io.tinynets.base.ui.CurrentUser.hasRole("STUDENT")).isTrue();

        login("minji", "STUDENT");
        clearNotifications();
        UI.getCurrent().navigate("classes");
        ClassesView view = _get(ClassesView.class);
        expectNotifications("Welcome, Minji: you are logged in. Pick your class to see its assignments.");
        assertThat(view.grid.asSingleSelect().getValue().name()).isEqualTo("3-A");
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormattedRow(view.grid, 0)).containsExactly("3-A", "kim"); // no code, no count for students
        view.joinCode.setValue(b.joinCode().toLowerCase());
        _click(view.joinButton);
        assertThat(_size(view.grid)).isEqualTo(2);
        view.grid.select(view.grid.getListDataView().getItem(0));
        // a student sees the class's assignments, never its members, code or import
        assertThat(view.details.isVisible()).isTrue();
        assertThat(view.classAssignments.isAttached()).isTrue();
        assertThat(view.members.isAttached()).isFalse();
        assertThat(view.importButton.isAttached()).isFalse();
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

    @Test
    void aTeacherHandsAClassOverAndNoLongerSeesIt() {
        SchoolClass a = classes.create("kim", "3-A");
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        login("kim", "TEACHER");
        UI.getCurrent().navigate("classes");
        ClassesView view = _get(ClassesView.class);
        view.grid.select(view.grid.getListDataView().getItem(0));
        _click(view.handOver);
        assertThat(view.handOverDialog.confirm.isEnabled()).isFalse();
        assertThat(view.handOverDialog.to.getListDataView().getItems().map(Account::username))
                .containsExactlyInAnyOrder("admin", "lee");
        view.handOverDialog.to.setValue(view.handOverDialog.to.getListDataView().getItems()
                .filter(x -> x.username().equals("lee")).findFirst().orElseThrow());
        _click(view.handOverDialog.confirm);
        expectNotifications("3-A now belongs to lee.");
        assertThat(_size(view.grid)).isZero();
        assertThat(view.details.isVisible()).isFalse();
        assertThat(classes.get("lee", a.id()).teacherName()).isEqualTo("lee");
    }

    @Test
    void aStudentOpensAnAssignmentFromTheClassPage() {
        SchoolClass a = classes.create("kim", "3-A");
        classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
        jdbc.update("DELETE FROM experiment WHERE owner = 'kim'");
        long source = experiments.save("kim", new io.tinynets.experiment.ExperimentDraft("playground", "circle", "",
                java.util.List.of(), io.tinynets.lab.playground.PlaygroundConfigJson.write(
                        io.tinynets.lab.playground.PlaygroundConfig.defaults(), null), 1, 1, java.util.List.of(),
                java.util.Map.of(), null, null));
        assignments.create("kim", a.id(), source, "Circle warm-up", "", java.util.List.of("learningRate"),
                new io.tinynets.classroom.Goal("test loss", true, 0.1));
        login("minji", "STUDENT");
        UI.getCurrent().navigate("classes");
        ClassesView view = _get(ClassesView.class);
        view.grid.select(view.grid.getListDataView().getItem(0));
        assertThat(view.details.isVisible()).isTrue();
        assertThat(_getFormattedRow(view.classAssignments, 0)).startsWith("Circle warm-up", "test loss at most 0.1");
        _click((Button) _getCellComponent(view.classAssignments, 0, "open"));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("playground");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getSingleParameter("assignment")).isPresent();
        assertThat(_get(AssignmentBar.class).title.getText()).isEqualTo("Assignment: Circle warm-up");
    }

    private static Button rowButton(ClassesView view, int row, String className) {
        Component cell = _getCellComponent(view.members, row, "actions");
        return _get(cell, Button.class, spec -> spec.withClasses(className));
    }

    private static void confirm(ConfirmDialog d) {
        ComponentUtil.fireEvent(d, new ConfirmDialog.ConfirmEvent(d, false));
    }

    private ClassesView teacherOpens(SchoolClass c) {
        login("kim", "TEACHER");
        UI.getCurrent().navigate("classes");
        ClassesView view = _get(ClassesView.class);
        view.grid.select(view.grid.getListDataView().getItems().filter(x -> x.id() == c.id()).findFirst()
                .orElseThrow());
        return view;
    }

    @Test
    void theTeacherRemovesAStudentAfterAConfirmationThatSaysWhatGoes() {
        SchoolClass a = classes.create("kim", "3-A");
        classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
        classes.signUp(a.joinCode(), "hana", "Hana", "hana password");
        ClassesView view = teacherOpens(a);
        assertThat(_size(view.members)).isEqualTo(2);
        Button remove = rowButton(view, 1, "remove-member"); // sorted by name: Hana, Minji
        assertThat(remove.getAriaLabel()).contains("Remove Minji from this class");
        assertThat(remove.getTooltip().getText()).isEqualTo("Remove Minji from this class");

        _click(remove);
        assertThat(view.confirm.isOpened()).isTrue();
        assertThat(view.confirm.getElement().getProperty("header")).isEqualTo("Remove Minji from 3-A?");
        assertThat(RemovalDialogs.text(view.confirm)).contains("Submissions: 0", "gallery: 0",
                "keeps their account");
        assertThat(_size(view.members)).isEqualTo(2); // nothing happens before the confirmation

        clearNotifications();
        confirm(view.confirm);
        expectNotifications("Minji is no longer in 3-A.");
        assertThat(view.confirm.isOpened()).isFalse();
        assertThat(classes.members("kim", a.id())).extracting(Account::username).containsExactly("hana");
        assertThat(_size(view.members)).isEqualTo(1);
        assertThat(_getFormattedRow(view.grid, 0)).contains("1"); // the class list's count follows
        assertThat(classes.classes("minji")).isEmpty();
    }

    @Test
    void theTeacherResetsAPasswordAndSeesTheOneTimePasswordOnce() {
        SchoolClass a = classes.create("kim", "3-A");
        classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
        ClassesView view = teacherOpens(a);
        _click(rowButton(view, 0, "reset-password"));
        assertThat(view.confirm.getElement().getProperty("header")).isEqualTo("Give Minji a new one-time password?");
        assertThat(accounts.find("minji").orElseThrow().mustChangePassword()).isFalse();
        confirm(view.confirm);
        assertThat(view.resetDialog.isOpened()).isTrue();
        String shown = view.resetDialog.password.getText();
        assertThat(shown).hasSize(10);
        assertThat(accounts.find("minji").orElseThrow().mustChangePassword()).isTrue();
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'minji'",
                String.class);
        assertThat(context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                .matches(shown, hash)).isTrue();
        assertThat(_getFormattedRow(view.members, 0)).contains("one-time password not changed yet");
    }

    @Test
    void theTeacherDeletesAClassAfterAConfirmationListingWhatGoes() {
        SchoolClass a = classes.create("kim", "3-A");
        classes.create("kim", "Science club");
        classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
        ClassesView view = teacherOpens(a);
        assertThat(view.deleteClass.getIcon()).isNotNull();
        _click(view.deleteClass);
        assertThat(view.confirm.getElement().getProperty("header")).isEqualTo("Delete the class 3-A?");
        assertThat(RemovalDialogs.text(view.confirm)).contains("Class memberships: 1", "Assignments: 0",
                "keep their accounts and their own experiments");
        confirm(view.confirm);
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormattedRow(view.grid, 0)).startsWith("Science club");
        assertThat(view.details.isVisible()).isFalse();
        assertThat(accounts.find("minji")).isPresent();
        assertThat(classes.classes("minji")).isEmpty();
    }

    @Test
    void aRemovalRefusedMeanwhileShowsTheTranslatedRefusal() {
        SchoolClass a = classes.create("kim", "3-A");
        Account minji = classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
        ClassesView view = teacherOpens(a);
        _click(rowButton(view, 0, "remove-member"));
        classes.removeMember("admin", a.id(), minji.id()); // the admin was faster
        clearNotifications();
        confirm(view.confirm);
        expectNotifications(
                "This is not available to you, or it does not exist.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> classes.removeMember("kim", a.id(), minji.id()))
                .isInstanceOf(ClassroomException.class);
    }
}
