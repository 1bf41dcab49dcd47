package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomException;

/**
 * First start of a fresh server: the first visitor creates the admin account (there is no default password). Once
 * an admin exists this page only says so; the service refuses a second set-up whatever the page shows.
 */
@Route("setup")
@AnonymousAllowed
public class FirstStartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button create = new Button();
    final Paragraph closed = new Paragraph();
    final VerticalLayout form = new VerticalLayout();
    private final AccountService accounts;
    private final Binder<NewAccount> binder = new Binder<>();

    FirstStartView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("lab-view");
        addClassName("setup-view");
        add(new H2(getTranslation("classroom.setup.title")));
        closed.setText(getTranslation("classroom.setup.closed"));
        closed.setVisible(false);
        AccountForms.bind(this, binder, username, displayName, password, confirm);
        username.setValue("admin");
        create.setText(getTranslation("classroom.setup.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> create());
        binder.addStatusChangeListener(e -> create.setEnabled(binder.isValid()));
        create.setEnabled(false);
        form.setPadding(false);
        form.setMaxWidth("28rem");
        form.add(new Paragraph(getTranslation("classroom.setup.intro")), username, displayName, password, confirm,
                create);
        add(closed, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean open = !accounts.adminExists();
        form.setVisible(open);
        closed.setVisible(!open);
    }

    /** Creates the admin and goes to the login page; returns false when refused. */
    boolean create() {
        NewAccount a = new NewAccount();
        if (!binder.writeBeanIfValid(a)) {
            return false;
        }
        try {
            accounts.createFirstAdmin(a.username, a.displayName, a.password);
        } catch (ClassroomException e) {
            if (e.isDenied()) {
                // set up meanwhile, in another browser or on another instance: say so, and close the form
                Texts.error(this, new ClassroomException("classroom.setup.closed"));
                form.setVisible(false);
                closed.setVisible(true);
            } else {
                Texts.error(this, e);
            }
            return false;
        }
        Texts.success(getTranslation("classroom.setup.done"));
        UI.getCurrent().navigate(LoginView.class);
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.setup.title") + " · " + getTranslation("app.name");
    }

    /** The fields of a new account, as the binder fills them. */
    static final class NewAccount {
        String username = "";
        String displayName = "";
        String password = "";
        String confirm = "";
    }
}
