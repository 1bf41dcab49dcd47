package io.tinynets.classroom.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.classroom.Account;
import io.tinynets.classroom.AccountService;
import org.springframework.stereotype.Component;

/**
 * A user logged in with a one-time password sees only the password page until they choose their own: every other
 * navigation is rerouted there.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final AccountService accounts;

    PasswordChangeGuard(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        boolean mustChange = CurrentUser.username().flatMap(accounts::find).map(Account::mustChangePassword)
                .orElse(false);
        if (mustChange) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
