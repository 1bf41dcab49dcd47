package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Login, first-start set-up and which pages need a login, driven through the views. */
class AccountViewsTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshServer() {
        ClassroomFixtures.clean(jdbc);
    }

    @Test
    void aFreshServerSendsTheFirstVisitorToTheAdminSetUpAndClosesItAfterwards() {
        UI.getCurrent().navigate("login");
        FirstStartView setup = _get(FirstStartView.class);
        assertThat(setup.form.isVisible()).isTrue();
        assertThat(setup.create.isEnabled()).isFalse();
        setup.displayName.setValue("Head of IT");
        setup.password.setValue("a good password");
        setup.confirm.setValue("a different one");
        assertThat(setup.create.isEnabled()).isFalse();
        setup.confirm.setValue("a good password");
        assertThat(setup.create.isEnabled()).isTrue();
        _click(setup.create);
        assertThat(accounts.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);

        UI.getCurrent().navigate("setup");
        FirstStartView again = _get(FirstStartView.class);
        assertThat(again.form.isVisible()).isFalse();
        assertThat(again.closed.isVisible()).isTrue();
        assertThat(again.closed.getText()).contains("already set up");
    }

    @Test
    void theLoginPageShowsOneGenericErrorAfterAFailure() {
        accounts.createFirstAdmin("admin", "Admin", "a good password");
        UI.getCurrent().navigate("login");
        assertThat(_get(LoginForm.class).isError()).isFalse();
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        LoginView view = _get(LoginView.class);
        assertThat(view.form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getMessage())
                .isEqualTo("Check your username and password and try again. After several failed attempts each "
                        + "new try has to wait a little longer, a few minutes at most.");
    }

    @Test
    void labsAreOpenWithoutLoginButExperimentsNeedOne() {
        accounts.createFirstAdmin("admin", "Admin", "a good password");
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");
        UI.getCurrent().navigate("activation");
        assertThat(UI.getCurrent().getCurrentView().getClass().getSimpleName()).isEqualTo("ActivationExplorerView");
        UI.getCurrent().navigate("experiments");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);

        login("kim", "STUDENT");
        UI.getCurrent().navigate("experiments");
        assertThat(UI.getCurrent().getCurrentView().getClass().getSimpleName()).isEqualTo("ExperimentsView");
    }
}
