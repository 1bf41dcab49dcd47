package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.tinynets.classroom.PasswordRule;

/** The username / name / password / confirmation fields shared by the set-up and sign-up forms, with validation. */
final class AccountForms {

    static final String USERNAME = "[a-zA-Z][a-zA-Z0-9._]{2,39}";

    private AccountForms() {
    }

    /** The password rule as the forms say it: the same words the service refuses with. */
    static String passwordRule(Component c) {
        return c.getTranslation(PasswordRule.MESSAGE_KEY, PasswordRule.messageArgs());
    }

    static void bind(Component c, Binder<FirstStartView.NewAccount> binder, TextField username, TextField displayName,
                     PasswordField password, PasswordField confirm) {
        username.setLabel(c.getTranslation("classroom.field.username"));
        username.setHelperText(c.getTranslation("classroom.field.username.help"));
        username.setRequiredIndicatorVisible(true);
        displayName.setLabel(c.getTranslation("classroom.field.displayName"));
        password.setLabel(c.getTranslation("classroom.field.password"));
        password.setHelperText(c.getTranslation("classroom.field.password.help", PasswordRule.messageArgs()));
        confirm.setLabel(c.getTranslation("classroom.field.confirm"));
        for (var f : new com.vaadin.flow.data.value.HasValueChangeMode[] {username, displayName, password,
                confirm}) {
            f.setValueChangeMode(ValueChangeMode.EAGER);
        }
        binder.forField(username)
                .asRequired(c.getTranslation("classroom.invalid.username", 3, 40))
                .withValidator(v -> v.strip().matches(USERNAME), c.getTranslation("classroom.invalid.username", 3, 40))
                .bind(a -> a.username, (a, v) -> a.username = v.strip());
        binder.forField(displayName)
                .asRequired(c.getTranslation("classroom.invalid.displayName", 100))
                .withValidator(v -> v.strip().length() <= 100, c.getTranslation("classroom.invalid.displayName", 100))
                .bind(a -> a.displayName, (a, v) -> a.displayName = v.strip());
        binder.forField(password)
                .asRequired(passwordRule(c))
                .withValidator(PasswordRule::accepts, passwordRule(c))
                .bind(a -> a.password, (a, v) -> a.password = v);
        binder.forField(confirm)
                .asRequired(c.getTranslation("classroom.invalid.confirm"))
                .withValidator(v -> v.equals(password.getValue()), c.getTranslation("classroom.invalid.confirm"))
                .bind(a -> a.confirm, (a, v) -> a.confirm = v);
        password.addValueChangeListener(e -> {
            if (!confirm.isEmpty()) {
                binder.validate();
            }
        });
    }
}
