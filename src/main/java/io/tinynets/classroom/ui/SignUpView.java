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
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomException;

/** A new student signs up with the join code their teacher shows; the code may come in the link (?code=...). */
@Route("signup")
@AnonymousAllowed
public class SignUpView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextField code = new TextField();
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button create = new Button();
    /** Which class the code in the link opens, or that it opens none. */
    final Paragraph joining = new Paragraph();
    private final Binder<FirstStartView.NewAccount> binder = new Binder<>();
    private final ClassService classes;
    private final SignedUpLogin login;
    private String codeValue = "";
    /** Session attribute: the name of a student who has just signed up, greeted once by the classes page. */
    static final String WELCOME = SignUpView.class.getName() + ".welcome";

    SignUpView(ClassService classes, SignedUpLogin login) {
        this.classes = classes;
        this.login = login;
        addClassName("lab-view");
        joining.addClassName("signup-class");
        joining.setVisible(false);
        add(new H2(getTranslation("classroom.signup.title")), new Paragraph(getTranslation("classroom.signup.intro")),
                joining);
        code.setLabel(getTranslation("classroom.field.joinCode"));
        code.setValueChangeMode(ValueChangeMode.EAGER);
        code.setRequiredIndicatorVisible(true);
        binder.forField(code).asRequired(getTranslation("classroom.join.codeRequired"))
                .withValidator(v -> v.replaceAll("[\\s-]", "").matches("[A-Za-z0-9]{8}"),
                        getTranslation("classroom.join.codeShape"))
                .bind(a -> codeValue, (a, v) -> codeValue = v);
        code.addValueChangeListener(e -> nameTheClass(e.getValue()));
        AccountForms.bind(this, binder, username, displayName, password, confirm);
        create.setText(getTranslation("classroom.signup.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setEnabled(false);
        binder.addStatusChangeListener(e -> create.setEnabled(binder.isValid()));
        create.addClickListener(e -> create());
        VerticalLayout form = new VerticalLayout(code, username, displayName, password, confirm, create);
        form.setPadding(false);
        form.setMaxWidth("28rem");
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("code").ifPresent(c -> {
            code.setValue(c);
            nameTheClass(c);
        });
    }

    /** "You are joining 3-A (Ms Kim)": the student sees that the code is the right one before choosing a password. */
    private void nameTheClass(String typed) {
        String c = typed.replaceAll("[\\s-]", "");
        if (!c.matches("[A-Za-z0-9]{8}")) {
            joining.setVisible(false);
            return;
        }
        joining.setVisible(true);
        joining.setText(classes.invitation(c)
                .map(i -> getTranslation("classroom.signup.joining", i.className(), i.teacherName()))
                .orElseGet(() -> getTranslation("classroom.join.unknownCode")));
    }

    boolean create() {
        FirstStartView.NewAccount a = new FirstStartView.NewAccount();
        if (!binder.writeBeanIfValid(a)) {
            return false;
        }
        try {
            classes.signUp(codeValue, a.username, a.displayName, a.password);
        } catch (ClassroomException e) {
            Texts.error(this, e);
            return false;
        }
        if (login.logIn(a.username)) {
            // a fresh page for the logged-in student: the menu and every view see the new login; the classes page
            // greets them there
            VaadinSession.getCurrent().setAttribute(WELCOME, a.displayName);
            UI.getCurrent().getPage().setLocation("classes");
        } else {
            Texts.success(getTranslation("classroom.signup.done"));
            UI.getCurrent().navigate(LoginView.class);
        }
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.signup.title") + " · " + getTranslation("app.name");
    }
}
