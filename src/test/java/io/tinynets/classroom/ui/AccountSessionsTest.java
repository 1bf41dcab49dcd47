package io.tinynets.classroom.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.github.mvysny.fakeservlet.FakeHttpSession;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.Account;
import io.tinynets.classroom.AccountLogins;
import io.tinynets.classroom.AccountPrincipal;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AdminService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.SchoolClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A deleted user's open session does not keep working, nor one whose password was changed or reset. */
class AccountSessionsTest extends KaribuTest {

    @Autowired
    AccountLogins logins;

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    AdminService admin;
    @Autowired
    AccountSessions accountSessions;
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
        assertThat(AccountSessions.usernameOf(session)).isEqualTo("minji");
        UI.getCurrent().navigate("classes");

        admin.deleteAccount("admin", minji.id());
        MockVaadin.clientRoundtrip();
        // the redirect is pushed first; the session goes a moment later, once the browser has it
        assertThat(httpSession(session).isValid()).isTrue();
        awaitUi(AccountSessions.INVALIDATE_AFTER.plusSeconds(8), "the deleted user's session invalidated",
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

    /** The login a real form login leaves in the session: the account's principal with its credentials version. */
    private VaadinSession storeRealLoginInSession(String username) {
        AccountPrincipal principal = (AccountPrincipal) logins.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities()));
        return storeLoginInSession();
    }

    private long credentialsVersion(String username) {
        return jdbc.queryForObject("SELECT credentials_version FROM app_user WHERE username = ?", Long.class,
                username);
    }

    @Test
    void changingMyOwnPasswordKeepsThisSessionLoggedInWithTheNewVersion() {
        login("minji", "STUDENT");
        VaadinSession session = storeRealLoginInSession("minji");
        UI.getCurrent().navigate("password");
        ChangePasswordView view = _get(ChangePasswordView.class);
        view.current.setValue("minji password");
        view.next.setValue("a better password");
        view.confirm.setValue("a better password");
        assertThat(view.save()).isTrue();

        SecurityContext stored = (SecurityContext) session.getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        AccountPrincipal renewed = (AccountPrincipal) stored.getAuthentication().getPrincipal();
        assertThat(renewed.credentialsVersion()).isEqualTo(credentialsVersion("minji"));
        assertThat(accounts.loginStillValid("minji", renewed.credentialsVersion())).isTrue();
        MockVaadin.clientRoundtrip();
        assertThat(httpSession(session).isValid()).isTrue();
    }

    @Test
    void aResetByTheTeacherEndsTheStudentsOpenSessionAtOnce() {
        login("minji", "STUDENT");
        VaadinSession session = storeRealLoginInSession("minji");
        UI.getCurrent().navigate("classes");
        long before = credentialsVersion("minji");

        classes.resetPassword("kim", classes.classes("kim").get(0).id(), minji.id());
        assertThat(accounts.loginStillValid("minji", before)).isFalse();
        MockVaadin.clientRoundtrip();
        awaitUi(AccountSessions.INVALIDATE_AFTER.plusSeconds(8), "the reset student's session invalidated",
                () -> !httpSession(session).isValid());
    }

    @Test
    void aPasswordChangedFromAnotherSessionEndsThisOne() {
        login("minji", "STUDENT");
        VaadinSession session = storeRealLoginInSession("minji");
        UI.getCurrent().navigate("classes");
        // the change comes from another browser of hers: not from this session
        VaadinSession.setCurrent(null);
        try {
            accounts.changePassword("minji", "minji password", "changed on the phone");
        } finally {
            VaadinSession.setCurrent(session);
        }
        MockVaadin.clientRoundtrip();
        awaitUi(AccountSessions.INVALIDATE_AFTER.plusSeconds(8), "the older session invalidated",
                () -> !httpSession(session).isValid());
    }
}
