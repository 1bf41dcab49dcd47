package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.Dates;
import io.tinynets.classroom.Account;
import io.tinynets.classroom.AccountContents;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AdminService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.OneTimeLogin;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import jakarta.annotation.security.RolesAllowed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The admin's page: accounts (and new teacher accounts), every class, server load and a database backup download. */
@Route("admin")
@RolesAllowed("ADMIN")
@Menu(title = "nav.admin", order = 30, icon = "vaadin:cogs")
public class AdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Account> users = new Grid<>();
    final Grid<SchoolClass> classGrid = new Grid<>();
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Select<Role> role = new Select<>();
    final Button createUser = new Button();
    final Span load = new Span();
    final Anchor backup = new Anchor();
    /** The open confirmation (delete an account, reset a password), for tests. */
    ConfirmDialog confirmDialog;
    /** The one-time password just made by a reset, shown once. */
    OneTimePasswordDialog resetDialog;
    /** Asks for a new teacher for the classes of a teacher the admin wants to delete. */
    HandOverDialog handOverDialog;
    private final Binder<FirstStartView.NewAccount> binder = new Binder<>();
    private final AccountService accounts;
    private final ClassService classes;
    private final AdminService admin;
    private final String user = CurrentUser.experimentOwner();

    AdminView(AccountService accounts, ClassService classes, AdminService admin) {
        this.accounts = accounts;
        this.classes = classes;
        this.admin = admin;
        addClassName("lab-view");
        addClassName("admin-view");
        add(new H2(getTranslation("classroom.admin.title")));
        add(new H3(getTranslation("classroom.admin.load")), load, configureBackup());
        add(new H3(getTranslation("classroom.admin.users")), configureUsers(), configureNewUser());
        add(new H3(getTranslation("classroom.admin.classes")), configureClasses());
        refresh();
    }

    private Grid<Account> configureUsers() {
        users.addColumn(Account::username).setHeader(getTranslation("classroom.field.username"));
        users.addColumn(Account::displayName).setHeader(getTranslation("classroom.field.displayName"));
        users.addColumn(a -> getTranslation("classroom.role." + a.role().name().toLowerCase()))
                .setHeader(getTranslation("classroom.admin.role"));
        users.addColumn(a -> Dates.dateTime(a.createdAt(), getLocale())).setHeader(getTranslation("classroom.admin.created"));
        // two icon buttons, always whole, at the row's end however narrow the page
        users.addComponentColumn(this::userActions).setHeader(getTranslation("classroom.admin.actions"))
                .setKey("actions").setWidth("7rem").setFlexGrow(0).setFrozenToEnd(true);
        users.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        users.setHeight("18rem");
        return users;
    }

    private HorizontalLayout configureNewUser() {
        AccountForms.bind(this, binder, username, displayName, password, confirm);
        role.setLabel(getTranslation("classroom.admin.role"));
        role.setItems(Role.TEACHER, Role.ADMIN);
        role.setItemLabelGenerator(r -> getTranslation("classroom.role." + r.name().toLowerCase()));
        role.setValue(Role.TEACHER);
        createUser.setText(getTranslation("classroom.admin.createUser"));
        createUser.setIcon(VaadinIcon.USER.create());
        createUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createUser.setEnabled(false);
        binder.addStatusChangeListener(e -> createUser.setEnabled(binder.isValid()));
        createUser.addClickListener(e -> createUser());
        HorizontalLayout form = new HorizontalLayout(username, displayName, password, confirm, role, createUser);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Grid<SchoolClass> configureClasses() {
        classGrid.addColumn(SchoolClass::name).setHeader(getTranslation("classroom.classes.name"));
        classGrid.addColumn(SchoolClass::teacherName).setHeader(getTranslation("classroom.classes.teacher"));
        classGrid.addColumn(SchoolClass::memberCount).setHeader(getTranslation("classroom.classes.members"));
        classGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        classGrid.setAllRowsVisible(true);
        classGrid.setEmptyStateText(getTranslation("classroom.admin.noClasses"));
        classGrid.addItemClickListener(e -> UI.getCurrent().navigate("dashboard/" + e.getItem().id()));
        return classGrid;
    }

    private Anchor configureBackup() {
        backup.setText(getTranslation("classroom.admin.backup"));
        backup.getElement().setAttribute("download", true);
        backup.setHref(DownloadHandler.fromInputStream(event -> {
            Path file = admin.backup(user);
            try {
                byte[] bytes = Files.readAllBytes(file);
                return new DownloadResponse(new java.io.ByteArrayInputStream(bytes), file.getFileName().toString(),
                        "application/zip", bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        backup.setVisible(admin.backupSupported(user));
        return backup;
    }

    void refresh() {
        users.setItems(accounts.list(user));
        classGrid.setItems(classes.classes(user));
        AdminService.ServerLoad l = admin.load(user);
        load.setText(getTranslation("classroom.admin.loadText", l.runningTrainings(), l.maxRunningGlobal(),
                l.workerThreads(), l.maxRunningPerUser()));
    }

    void createUser() {
        FirstStartView.NewAccount a = new FirstStartView.NewAccount();
        if (!binder.writeBeanIfValid(a)) {
            return;
        }
        try {
            accounts.createStaff(user, a.username, a.displayName, a.password, role.getValue());
        } catch (ClassroomException e) {
            Texts.error(this, e);
            return;
        }
        Texts.success(getTranslation("classroom.admin.userCreated", a.username));
        // an empty form for the next account, without "required" errors on fields nobody has touched yet
        binder.readBean(null);
        for (var field : List.of(username, displayName, password, confirm)) {
            ((com.vaadin.flow.component.HasValidation) field).setInvalid(false);
        }
        createUser.setEnabled(false);
        refresh();
    }

    /** Icon buttons of one account's row; none on the admin's own row (they cannot delete or reset themselves). */
    private HorizontalLayout userActions(Account a) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        if (a.username().equals(user)) {
            return row;
        }
        Button reset = RemovalDialogs.iconButton(VaadinIcon.KEY, getTranslation("classroom.reset.button",
                a.username()), e -> confirmReset(a));
        reset.addClassName("reset-password");
        Button delete = RemovalDialogs.iconButton(VaadinIcon.TRASH, getTranslation("classroom.admin.deleteUser",
                a.username()), e -> confirmDelete(a));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClassName("delete-account");
        row.add(reset, delete);
        return row;
    }

    /**
     * Deleting an account: a teacher who still has classes is first asked to hand them over (the service would
     * refuse); anyone else gets the confirmation listing everything that goes with the account.
     */
    void confirmDelete(Account a) {
        run(() -> {
            AccountContents goes = admin.contents(user, a.id());
            if (goes.classesTaught() > 0) {
                offerHandOver(a, goes.classesTaught());
                return;
            }
            confirmDialog = RemovalDialogs.confirm(this, getTranslation("classroom.admin.deleteUser.header", a.username()),
                    getTranslation("classroom.admin.deleteUser.confirm"),
                    List.of(getTranslation("classroom.remove.item.experiments", goes.experiments()),
                            getTranslation("classroom.remove.item.submissions", goes.submissions()),
                            getTranslation("classroom.remove.item.shares", goes.shares()),
                            getTranslation("classroom.remove.item.memberships", goes.memberships()),
                            getTranslation("classroom.remove.item.trainings", goes.runningTrainings())),
                    getTranslation("classroom.admin.deleteUser.stays"),
                    () -> run(() -> {
                        admin.deleteAccount(user, a.id());
                        refresh();
                        Texts.success(getTranslation("classroom.admin.userDeleted", a.username()));
                    }));
        });
    }

    private void offerHandOver(Account teacher, int classCount) {
        List<Account> others = accounts.list(user).stream()
                .filter(x -> x.role() != Role.STUDENT && x.id() != teacher.id()).toList();
        handOverDialog = new HandOverDialog(getTranslation("classroom.admin.handOver.header", teacher.username()),
                getTranslation("classroom.admin.handOver.text", classCount),
                getTranslation("classroom.admin.handOver.confirm"), others, to -> handOver(teacher, to));
        handOverDialog.open();
    }

    void handOver(Account teacher, Account to) {
        run(() -> {
            for (SchoolClass c : classes.classes(user)) {
                if (c.teacherId() == teacher.id()) {
                    classes.handOver(user, c.id(), to.id());
                }
            }
            handOverDialog.close();
            refresh();
            Texts.success(getTranslation("classroom.admin.handedOver", teacher.username(), to.username()));
        });
    }

    void confirmReset(Account a) {
        confirmDialog = RemovalDialogs.confirm(this, getTranslation("classroom.reset.header", a.username()),
                getTranslation("classroom.reset.confirm"), List.of(), getTranslation("classroom.reset.text"),
                () -> run(() -> {
                    OneTimeLogin login = admin.resetPassword(user, a.id());
                    refresh();
                    resetDialog = new OneTimePasswordDialog(login);
                    resetDialog.open();
                }));
        confirmDialog.setConfirmButtonTheme("primary");
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (ClassroomException e) {
            Texts.error(this, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.admin.title") + " · " + getTranslation("app.name");
    }
}
