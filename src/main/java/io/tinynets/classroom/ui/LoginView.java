package io.tinynets.classroom.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.classroom.AccountService;

/**
 * The login page. A failure always shows the same message, whether the username, the password or too many attempts
 * was the cause. On a fresh server (no admin yet) it sends the visitor to the admin set-up instead.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    final Anchor signUp = new Anchor("signup", "");
    final LoginI18n i18n;
    private final AccountService accounts;

    LoginView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        i18n = i18n();
        form.setI18n(i18n);
        signUp.setText(getTranslation("classroom.login.signUp"));
        add(form, new Paragraph(signUp));
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("classroom.login.title"));
        f.setUsername(getTranslation("classroom.field.username"));
        f.setPassword(getTranslation("classroom.field.password"));
        f.setSubmit(getTranslation("classroom.login.submit"));
        LoginI18n.ErrorMessage e = i18n.getErrorMessage();
        e.setTitle(getTranslation("classroom.login.failed.title"));
        e.setMessage(getTranslation("classroom.login.failed"));
        // the form's own checks of empty fields, in English only unless given
        e.setUsername(getTranslation("classroom.login.usernameRequired"));
        e.setPassword(getTranslation("classroom.login.passwordRequired"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.adminExists()) {
            event.forwardTo(FirstStartView.class);
            return;
        }
        if (CurrentUser.isLoggedIn()) {
            event.forwardTo("");
            return;
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.login.title") + " · " + getTranslation("app.name");
    }
}
