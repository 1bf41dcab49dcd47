package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
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
}
