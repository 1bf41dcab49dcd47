package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.tinynets.classroom.Account;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void server() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment"); // other tests' experiments of the same usernames
        accounts.createFirstAdmin("admin", "Admin", "admin password");
    }

    @Test
    void theAdminCreatesATeacherAndSeesAccountsClassesLoadAndBackup() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("admin");
        AdminView view = _get(AdminView.class);
        assertThat(_size(view.users)).isEqualTo(1);
        assertThat(view.load.getText()).startsWith("0 trainings running now");
        assertThat(view.backup.isVisible()).isTrue();
        assertThat(view.createUser.isEnabled()).isFalse();
        view.username.setValue("teacher.kim");
        view.displayName.setValue("Ms Kim");
        view.password.setValue("kim password");
        view.confirm.setValue("kim password");
        assertThat(view.createUser.isEnabled()).isTrue();
        _click(view.createUser);
        assertThat(accounts.find("teacher.kim").orElseThrow().role()).isEqualTo(Role.TEACHER);
        // an empty form for the next account, and no red "required" errors on fields nobody touched yet
        assertThat(java.util.List.of(view.username, view.displayName)).allSatisfy(f -> {
            assertThat(f.getValue()).isEmpty();
            assertThat(f.isInvalid()).isFalse();
        });
        assertThat(java.util.List.of(view.password, view.confirm)).allSatisfy(f -> {
            assertThat(f.getValue()).isEmpty();
            assertThat(f.isInvalid()).isFalse();
        });
        assertThat(view.createUser.isEnabled()).isFalse();
        assertThat(_size(view.users)).isEqualTo(2);
        classes.create("teacher.kim", "3-A");
        view.refresh();
        assertThat(_getFormattedRow(view.classGrid, 0)).containsExactly("3-A", "Ms Kim", "0");
    }

    @Test
    void teachersAndStudentsCannotOpenTheAdminPage() {
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        login("kim", "TEACHER");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin"))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }

    private AdminView adminOpens() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("admin");
        return _get(AdminView.class);
    }

    /** The row of the account in the users grid (sorted by role, then username). */
    private static int row(AdminView view, String username) {
        List<Account> items = view.users.getListDataView().getItems().toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " not listed");
    }

    private static List<Button> rowButtons(AdminView view, String username) {
        Component cell = _getCellComponent(view.users, row(view, username), "actions");
        return _find(cell, Button.class);
    }

    private static Button rowButton(AdminView view, String username, String className) {
        Component cell = _getCellComponent(view.users, row(view, username), "actions");
        return _get(cell, Button.class, spec -> spec.withClasses(className));
    }

    private static void confirm(ConfirmDialog d) {
        ComponentUtil.fireEvent(d, new ConfirmDialog.ConfirmEvent(d, false));
    }

    @Test
    void theAdminDeletesAStudentAfterAConfirmationListingEverythingThatGoes() {
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        SchoolClass a = classes.create("kim", "3-A");
        classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
        AdminView view = adminOpens();
        assertThat(_size(view.users)).isEqualTo(3);
        assertThat(rowButtons(view, "admin")).isEmpty(); // no delete or reset on one's own row
        Button delete = rowButton(view, "minji", "delete-account");
        assertThat(delete.getAriaLabel()).contains("Delete the account minji");

        _click(delete);
        assertThat(view.confirmDialog.getElement().getProperty("header")).isEqualTo("Delete the account minji?");
        assertThat(RemovalDialogs.text(view.confirmDialog)).contains("Saved experiments: 0", "Submissions: 0",
                "Class memberships: 1", "Running trainings, stopped now: 0", "can no longer log in");
        clearNotifications();
        confirm(view.confirmDialog);
        expectNotifications("Account minji deleted.");
        assertThat(accounts.find("minji")).isEmpty();
        assertThat(_size(view.users)).isEqualTo(2);
        assertThat(_getFormattedRow(view.classGrid, 0)).containsExactly("3-A", "kim", "0");
    }

    @Test
    void deletingATeacherWithClassesFirstOffersToHandThemOver() {
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        classes.create("kim", "3-A");
        classes.create("kim", "3-B");
        AdminView view = adminOpens();
        _click(rowButton(view, "kim", "delete-account"));
        assertThat(view.handOverDialog.isOpened()).isTrue();
        assertThat(view.handOverDialog.to.getListDataView().getItems().map(Account::username))
                .containsExactlyInAnyOrder("admin", "lee");
        assertThat(view.handOverDialog.confirm.isEnabled()).isFalse();
        view.handOverDialog.to.setValue(accounts.find("lee").orElseThrow());
        _click(view.handOverDialog.confirm);
        assertThat(view.handOverDialog.isOpened()).isFalse();
        assertThat(classes.classes("lee")).extracting(SchoolClass::name).containsExactly("3-A", "3-B");
        assertThat(classes.classes("kim")).isEmpty();

        _click(rowButton(view, "kim", "delete-account"));
        confirm(view.confirmDialog);
        assertThat(accounts.find("kim")).isEmpty();
    }

    @Test
    void theAdminResetsATeachersPasswordAndSeesTheOneTimePasswordOnce() {
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        AdminView view = adminOpens();
        _click(rowButton(view, "kim", "reset-password"));
        assertThat(view.confirmDialog.getElement().getProperty("header"))
                .isEqualTo("Give kim a new one-time password?");
        confirm(view.confirmDialog);
        assertThat(view.resetDialog.isOpened()).isTrue();
        String shown = view.resetDialog.password.getText();
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'kim'", String.class);
        assertThat(context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                .matches(shown, hash)).isTrue();
        assertThat(accounts.find("kim").orElseThrow().mustChangePassword()).isTrue();
    }
}
