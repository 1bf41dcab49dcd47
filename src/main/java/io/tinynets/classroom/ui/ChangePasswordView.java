package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.PasswordRule;
import jakarta.annotation.security.PermitAll;

/**
 * Choose a new password. Students with a one-time password from their teacher are sent here first, and every other
 * page stays closed to them until they have (see {@link PasswordChangeGuard}).
 */
@Route("password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button save = new Button();
    final Paragraph oneTime = new Paragraph();
    private final Binder<String[]> binder = new Binder<>();
    private final AccountService accounts;

    ChangePasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("lab-view");
        add(new H2(getTranslation("classroom.password.title")));
        boolean forced = CurrentUser.username().flatMap(accounts::find).map(a -> a.mustChangePassword())
                .orElse(false);
        oneTime.setText(getTranslation("classroom.password.forced"));
        oneTime.setVisible(forced);
        current.setLabel(getTranslation(forced ? "classroom.password.oneTime" : "classroom.password.current"));
        next.setLabel(getTranslation("classroom.password.new"));
        next.setHelperText(getTranslation("classroom.field.password.help", PasswordRule.messageArgs()));
        confirm.setLabel(getTranslation("classroom.field.confirm"));
        for (PasswordField f : new PasswordField[] {current, next, confirm}) {
            f.setValueChangeMode(ValueChangeMode.EAGER);
        }
        binder.forField(current).asRequired(getTranslation("classroom.password.currentRequired"))
                .bind(a -> a[0], (a, v) -> a[0] = v);
        binder.forField(next).asRequired(AccountForms.passwordRule(this))
                .withValidator(PasswordRule::accepts, AccountForms.passwordRule(this))
                .bind(a -> a[1], (a, v) -> a[1] = v);
        binder.forField(confirm).asRequired(getTranslation("classroom.invalid.confirm"))
                .withValidator(v -> v.equals(next.getValue()), getTranslation("classroom.invalid.confirm"))
                .bind(a -> a[2], (a, v) -> a[2] = v);
        save.setText(getTranslation("classroom.password.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setEnabled(false);
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid()));
        save.addClickListener(e -> save());
        VerticalLayout form = new VerticalLayout(oneTime, current, next, confirm, save);
        form.setPadding(false);
        form.setMaxWidth("28rem");
        add(form);
    }

    boolean save() {
        String[] values = new String[3];
        if (!binder.writeBeanIfValid(values)) {
            return false;
        }
        try {
            accounts.changePassword(CurrentUser.experimentOwner(), values[0], values[1]);
        } catch (ClassroomException e) {
            Texts.error(this, e);
            return false;
        }
        Texts.success(getTranslation("classroom.password.changed"));
        UI.getCurrent().navigate("");
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.password.title") + " · " + getTranslation("app.name");
    }
}
