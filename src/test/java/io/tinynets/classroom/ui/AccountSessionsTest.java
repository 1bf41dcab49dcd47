package io.tinynets.classroom.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.github.mvysny.fakeservlet.FakeHttpSession;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.Account;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AdminService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.SchoolClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A deleted user's open session does not keep working. */
class DeletedAccountSessionsTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    AdminService admin;
    @Autowired
    DeletedAccountSessions deletedSessions;
    @Autowired
    JdbcTemplate jdbc;
    private Account minji;

    @BeforeEach
    void server() {
        ClassroomFixtures.clean(jdbc);
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        ClassroomFixtures.account(accounts, "kim", io.tinynets.classroom.Role.TEACHER);
        SchoolClass a = classes.create("kim", "3-A");
        minji = classes.signUp(a.joinCode(), "minji", "Minji", "minji password");
    }

    /** The mocked servlet session under the Vaadin session (a real server's would refuse reads once invalid). */
    private static FakeHttpSession httpSession(VaadinSession session) {
        return (FakeHttpSession) ((WrappedHttpSession) session.getSession()).getHttpSession();
    }

    /** What Spring Security keeps in the HTTP session of a browser that logged in (Karibu's login does not). */
    private static VaadinSession storeLoginInSession() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                SecurityContextHolder.getContext());
        return session;
    }

    @Test
    void theNextNavigationOfADeletedUserLogsThemOut() {
        login("minji", "STUDENT");
        VaadinSession session = storeLoginInSession();
        UI.getCurrent().navigate("classes");
        _get(ClassesView.class);
        // gone without the deletion event (what the first step could miss): straight from the tables
        jdbc.update("DELETE FROM class_member WHERE user_id = ?", minji.id());
        jdbc.update("DELETE FROM app_user WHERE id = ?", minji.id());
        UI.getCurrent().navigate("gallery");
        // the gallery is not shown; the browser is sent to the login page, logged out
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(GalleryView.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(httpSession(session).isValid()).isFalse();
    }

    @Test
    void deletingAnAccountSendsItsPagesToTheLoginThenEndsTheSession() {
        login("minji", "STUDENT");
        VaadinSession session = storeLoginInSession();
        assertThat(DeletedAccountSessions.usernameOf(session)).isEqualTo("minji");
        UI.getCurrent().navigate("classes");

        admin.deleteAccount("admin", minji.id());
        MockVaadin.clientRoundtrip();
        // the redirect is pushed first; the session goes a moment later, once the browser has it
        assertThat(httpSession(session).isValid()).isTrue();
        awaitUi(DeletedAccountSessions.INVALIDATE_AFTER.plusSeconds(8), "the deleted user's session invalidated",
                () -> !httpSession(session).isValid());
    }

    @Test
    void anotherUsersSessionIsLeftAlone() {
        login("kim", "TEACHER");
        VaadinSession session = storeLoginInSession();
        admin.deleteAccount("admin", minji.id());
        MockVaadin.clientRoundtrip();
        assertThat(httpSession(session).isValid()).isTrue();
        UI.getCurrent().navigate("classes");
        _get(ClassesView.class);
    }
}
