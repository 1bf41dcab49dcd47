package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.classroom.Account;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassContents;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.MembershipContents;
import io.tinynets.classroom.OneTimeLogin;
import io.tinynets.classroom.SchoolClass;
import jakarta.annotation.security.PermitAll;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Classes. A teacher creates classes, shows the join code, sees the students and imports a list of names (each gets
 * a one-time password to hand out); the admin sees every class. A student sees the classes they joined and joins
 * another with its code.
 */
@Route("classes")
@PermitAll
@Menu(title = "nav.classes", order = 20, icon = "vaadin:academy-cap")
public class ClassesView extends VerticalLayout implements HasDynamicTitle {

    final TextField newName = new TextField();
    final Button createButton = new Button();
    final TextField joinCode = new TextField();
    final Button joinButton = new Button();
    final Grid<SchoolClass> grid = new Grid<>();
    final Div details = new Div();
    final Span code = new Span();
    final Button newCode = new Button();
    final Button dashboard = new Button();
    final Button deleteClass = new Button();
    /** Gives the class to another teacher (a teacher leaving, a class changing hands). */
    final Button handOver = new Button();
    HandOverDialog handOverDialog;
    /** The full sign-up link to copy, and its QR code to project. */
    final JoinLinkPanel joinLink = new JoinLinkPanel();
    final Grid<Account> members = new Grid<>();
    /** A student's view of the selected class: its assignments, each opened in its lab with one click. */
    final Grid<Assignment> classAssignments = new Grid<>();
    final TextArea importNames = new TextArea();
    final Button importButton = new Button();
    /** The last import's result, for tests and for the teacher to print. */
    Grid<OneTimeLogin> importResult;
    Dialog importDialog;
    /** The open confirmation (remove a student, reset a password, delete the class), for tests. */
    ConfirmDialog confirm;
    /** The one-time password just made by a reset, shown once. */
    OneTimePasswordDialog resetDialog;

    private final ClassService classes;
    private final AssignmentService assignments;
    private final String user = CurrentUser.experimentOwner();
    private final boolean manages = CurrentUser.hasRole("TEACHER") || CurrentUser.hasRole("ADMIN");

    ClassesView(ClassService classes, AssignmentService assignments) {
        this.assignments = assignments;
        this.classes = classes;
        addClassName("lab-view");
        addClassName("classes-view");
        add(new H2(getTranslation("classroom.classes.title")),
                new Paragraph(getTranslation(manages ? "classroom.classes.intro.teacher"
                        : "classroom.classes.intro.student")));
        add(manages ? createForm() : joinForm());
        configureGrid();
        configureDetails();
        add(grid, details);
        refresh(null);
        welcomeNewStudent();
    }

    /** Right after signing up (and being logged in), the student is greeted with the class they joined. */
    private void welcomeNewStudent() {
        VaadinSession session = VaadinSession.getCurrent();
        Object name = session == null ? null : session.getAttribute(SignUpView.WELCOME);
        if (name == null) {
            return;
        }
        session.setAttribute(SignUpView.WELCOME, null);
        List<SchoolClass> mine = classes.classes(user);
        if (mine.size() == 1) {
            grid.select(mine.get(0));
        }
        Texts.success(getTranslation("classroom.signup.welcome", name));
    }

    private HorizontalLayout createForm() {
        newName.setLabel(getTranslation("classroom.classes.newName"));
        newName.setValueChangeMode(ValueChangeMode.EAGER);
        newName.setMaxLength(100);
        newName.addValueChangeListener(e -> createButton.setEnabled(!e.getValue().isBlank()));
        createButton.setText(getTranslation("classroom.classes.create"));
        createButton.setIcon(VaadinIcon.PLUS.create());
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.setEnabled(false);
        createButton.addClickListener(e -> create());
        newName.addKeyPressListener(Key.ENTER, e -> create());
        HorizontalLayout row = new HorizontalLayout(newName, createButton);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout joinForm() {
        joinCode.setLabel(getTranslation("classroom.field.joinCode"));
        joinCode.setValueChangeMode(ValueChangeMode.EAGER);
        joinCode.addValueChangeListener(e -> joinButton.setEnabled(!e.getValue().isBlank()));
        joinButton.setText(getTranslation("classroom.classes.join"));
        joinButton.setEnabled(false);
        joinButton.addClickListener(e -> join());
        HorizontalLayout row = new HorizontalLayout(joinCode, joinButton);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void configureGrid() {
        grid.addColumn(SchoolClass::name).setHeader(getTranslation("classroom.classes.name")).setFlexGrow(2);
        grid.addColumn(SchoolClass::teacherName).setHeader(getTranslation("classroom.classes.teacher"));
        if (manages) {
            grid.addColumn(SchoolClass::joinCode).setHeader(getTranslation("classroom.field.joinCode"));
            grid.addColumn(SchoolClass::memberCount).setHeader(getTranslation("classroom.classes.members"));
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation(manages ? "classroom.classes.empty.teacher"
                : "classroom.classes.empty.student"));
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));
    }

    private void configureDetails() {
        details.addClassName("class-details");
        details.setVisible(false);
        newCode.setText(getTranslation("classroom.classes.newCode"));
        newCode.setTooltipText(getTranslation("classroom.classes.newCode.tooltip"));
        newCode.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        newCode.addClickListener(e -> run(() -> refresh(classes.newJoinCode(user, selected().id()))));
        dashboard.setText(getTranslation("classroom.classes.dashboard"));
        dashboard.setIcon(VaadinIcon.DASHBOARD.create());
        dashboard.addClickListener(e -> UI.getCurrent().navigate("dashboard/" + selected().id()));
        deleteClass.setText(getTranslation("classroom.classes.delete"));
        deleteClass.setIcon(VaadinIcon.TRASH.create());
        deleteClass.setTooltipText(getTranslation("classroom.classes.delete.tooltip"));
        deleteClass.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        deleteClass.addClickListener(e -> confirmDeleteClass());
        handOver.setText(getTranslation("classroom.classes.handOver"));
        handOver.setIcon(VaadinIcon.EXCHANGE.create());
        handOver.setTooltipText(getTranslation("classroom.classes.handOver.tooltip"));
        handOver.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        handOver.addClickListener(e -> openHandOver());
        members.addColumn(Account::displayName).setHeader(getTranslation("classroom.field.displayName"));
        members.addColumn(Account::username).setHeader(getTranslation("classroom.field.username"));
        members.addColumn(a -> a.mustChangePassword() ? getTranslation("classroom.classes.oneTimePending") : "")
                .setHeader(getTranslation("classroom.classes.passwordState")).setFlexGrow(2);
        // two icon buttons, always whole, at the row's end however narrow the page
        members.addComponentColumn(this::memberActions).setHeader(getTranslation("classroom.members.actions"))
                .setKey("actions").setWidth("7rem").setFlexGrow(0).setFrozenToEnd(true);
        members.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        members.setAllRowsVisible(true);
        members.setEmptyStateText(getTranslation("classroom.classes.noMembers"));
        importNames.setLabel(getTranslation("classroom.import.label"));
        importNames.setHelperText(getTranslation("classroom.import.help", ClassService.IMPORT_MAX));
        importNames.setWidthFull();
        importNames.setMaxLength(ClassService.IMPORT_MAX_CHARS);
        importNames.setValueChangeMode(ValueChangeMode.EAGER);
        importNames.addValueChangeListener(e -> importButton.setEnabled(!e.getValue().isBlank()));
        importButton.setText(getTranslation("classroom.import.button"));
        importButton.setIcon(VaadinIcon.UPLOAD.create());
        importButton.setEnabled(false);
        importButton.addClickListener(e -> importStudents());
    }

    private SchoolClass selected() {
        return grid.asSingleSelect().getValue();
    }

    private void showDetails(SchoolClass c) {
        details.removeAll();
        details.setVisible(c != null);
        if (c == null) {
            return;
        }
        if (!manages) {
            showStudentDetails(c);
            return;
        }
        code.setText(c.joinCode());
        code.addClassName("join-code");
        // large and spaced so it can be read from the back of the room when projected
        code.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600")
                .set("letter-spacing", "0.15em").set("font-family", "var(--lumo-font-family-monospace, monospace)");
        HorizontalLayout codeRow = new HorizontalLayout(new Span(getTranslation("classroom.field.joinCode") + ":"),
                code, newCode, dashboard, handOver, deleteClass);
        codeRow.setAlignItems(FlexComponent.Alignment.CENTER);
        members.setItems(classes.members(user, c.id()));
        joinLink.show(c);
        details.add(new H3(c.name()), codeRow, joinLink, members, importNames, importButton);
    }

    void openHandOver() {
        SchoolClass c = selected();
        if (c == null) {
            return;
        }
        try {
            handOverDialog = new HandOverDialog(getTranslation("classroom.classes.handOver.header", c.name()),
                    getTranslation("classroom.classes.handOver.text"),
                    getTranslation("classroom.classes.handOver.confirm"), classes.handOverCandidates(user, c.id()),
                    to -> handOver(c, to));
        } catch (ClassroomException e) {
            Texts.error(this, e);
            return;
        }
        handOverDialog.open();
    }

    void handOver(SchoolClass c, Account to) {
        try {
            SchoolClass moved = classes.handOver(user, c.id(), to.id());
            handOverDialog.close();
            // a teacher no longer sees the class they gave away; the admin still does
            refresh(moved);
            if (classes.classes(user).stream().noneMatch(x -> x.id() == moved.id())) {
                showDetails(null);
            }
            Texts.success(getTranslation("classroom.classes.handedOver", c.name(), to.displayName()));
        } catch (ClassroomException e) {
            Texts.error(this, e);
        }
    }

    /** What a student needs of a class: its assignments, to open in the lab, and the way to the gallery. */
    private void showStudentDetails(SchoolClass c) {
        if (classAssignments.getColumns().isEmpty()) {
            classAssignments.addColumn(Assignment::title).setHeader(getTranslation("classroom.assignments.assignment"))
                    .setFlexGrow(2);
            classAssignments.addColumn(a -> GoalText.of(this, a.goal()))
                    .setHeader(getTranslation("classroom.assignments.goal")).setFlexGrow(2);
            classAssignments.addComponentColumn(a -> {
                Button open = new Button(getTranslation("classroom.assignments.openInLab"),
                        VaadinIcon.FLASK.create(), e -> AssignmentBar.open(UI.getCurrent(), a));
                open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                open.setTooltipText(getTranslation("classroom.assignments.openInLab.tooltip"));
                return open;
            }).setKey("open").setAutoWidth(true).setFlexGrow(0);
            classAssignments.setAllRowsVisible(true);
            classAssignments.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
            classAssignments.setEmptyStateText(getTranslation("classroom.assignments.empty"));
        }
        classAssignments.setItems(assignments.assignments(user, c.id()));
        Button all = new Button(getTranslation("classroom.classes.toAssignments"), VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> UI.getCurrent().navigate(AssignmentsView.class));
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button gallery = new Button(getTranslation("classroom.classes.toGallery"), VaadinIcon.PICTURE.create(),
                e -> UI.getCurrent().navigate(GalleryView.class));
        gallery.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        details.add(new H3(c.name()), classAssignments, new HorizontalLayout(all, gallery));
    }

    void refresh(SchoolClass select) {
        List<SchoolClass> list = classes.classes(user);
        grid.setItems(list);
        if (select != null) {
            list.stream().filter(c -> c.id() == select.id()).findFirst().ifPresent(grid::select);
        }
    }

    void create() {
        if (newName.getValue().isBlank()) {
            return;
        }
        run(() -> {
            SchoolClass c = classes.create(user, newName.getValue());
            newName.clear();
            refresh(c);
            Texts.success(getTranslation("classroom.classes.created", c.name(), c.joinCode()));
        });
    }

    void join() {
        run(() -> {
            SchoolClass c = classes.join(user, joinCode.getValue());
            joinCode.clear();
            refresh(c);
            Texts.success(getTranslation("classroom.classes.joined", c.name()));
        });
    }

    void importStudents() {
        SchoolClass c = selected();
        if (c == null) {
            return;
        }
        run(() -> {
            List<OneTimeLogin> made = classes.importStudents(user, c.id(), importNames.getValue());
            importNames.clear();
            refresh(c);
            showImported(c, made);
        });
    }

    private void showImported(SchoolClass c, List<OneTimeLogin> made) {
        importDialog = new Dialog();
        importDialog.setHeaderTitle(getTranslation("classroom.import.done", made.size(), c.name()));
        importResult = new Grid<>();
        importResult.addColumn(OneTimeLogin::displayName).setHeader(getTranslation("classroom.field.displayName"));
        importResult.addColumn(OneTimeLogin::username).setHeader(getTranslation("classroom.field.username"));
        importResult.addColumn(OneTimeLogin::password).setHeader(getTranslation("classroom.import.oneTimePassword"));
        importResult.setItems(made);
        importResult.setAllRowsVisible(true);
        importResult.setWidth("40rem");
        StringBuilder csv = new StringBuilder("name,username,one-time password\n");
        for (OneTimeLogin l : made) {
            csv.append('"').append(l.displayName().replace("\"", "\"\"")).append("\",").append(l.username())
                    .append(',').append(l.password()).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), "logins.csv", "text/csv", bytes.length)),
                getTranslation("classroom.import.download"));
        download.getElement().setAttribute("download", true);
        importDialog.add(new Paragraph(getTranslation("classroom.import.handOut")), importResult);
        Button close = new Button(getTranslation("classroom.close"), e -> importDialog.close());
        importDialog.getFooter().add(download, close);
        importDialog.open();
    }

    /** Icon buttons of one student's row: a new one-time password, and removal from the class. */
    private HorizontalLayout memberActions(Account a) {
        Button reset = RemovalDialogs.iconButton(VaadinIcon.KEY, getTranslation("classroom.reset.button",
                a.displayName()), e -> confirmReset(a));
        reset.addClassName("reset-password");
        Button remove = RemovalDialogs.iconButton(VaadinIcon.CLOSE_CIRCLE, getTranslation("classroom.members.remove",
                a.displayName()), e -> confirmRemove(a));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClassName("remove-member");
        HorizontalLayout row = new HorizontalLayout(reset, remove);
        row.setSpacing(false);
        return row;
    }

    void confirmRemove(Account student) {
        SchoolClass c = selected();
        run(() -> {
            MembershipContents goes = classes.membershipContents(user, c.id(), student.id());
            confirm = RemovalDialogs.confirm(this,
                    getTranslation("classroom.members.remove.header", student.displayName(), c.name()),
                    getTranslation("classroom.members.remove.confirm"),
                    List.of(getTranslation("classroom.remove.item.memberships", 1),
                            getTranslation("classroom.remove.item.submissions", goes.submissions()),
                            getTranslation("classroom.remove.item.shares", goes.shares())),
                    getTranslation("classroom.members.remove.stays", student.displayName()),
                    () -> run(() -> {
                        classes.removeMember(user, c.id(), student.id());
                        reload(c);
                        Texts.success(getTranslation("classroom.members.removed", student.displayName(), c.name()));
                    }));
        });
    }

    void confirmReset(Account student) {
        SchoolClass c = selected();
        confirm = RemovalDialogs.confirm(this, getTranslation("classroom.reset.header", student.displayName()),
                getTranslation("classroom.reset.confirm"), List.of(), getTranslation("classroom.reset.text"),
                () -> run(() -> {
                    OneTimeLogin login = classes.resetPassword(user, c.id(), student.id());
                    reload(c);
                    resetDialog = new OneTimePasswordDialog(login);
                    resetDialog.open();
                }));
        confirm.setConfirmButtonTheme("primary");
    }

    void confirmDeleteClass() {
        SchoolClass c = selected();
        run(() -> {
            ClassContents goes = classes.contents(user, c.id());
            confirm = RemovalDialogs.confirm(this, getTranslation("classroom.classes.delete.header", c.name()),
                    getTranslation("classroom.classes.delete"),
                    List.of(getTranslation("classroom.remove.item.memberships", goes.members()),
                            getTranslation("classroom.remove.item.assignments", goes.assignments()),
                            getTranslation("classroom.remove.item.submissions", goes.submissions()),
                            getTranslation("classroom.remove.item.shares", goes.shares())),
                    getTranslation("classroom.classes.delete.stays"),
                    () -> run(() -> {
                        classes.deleteClass(user, c.id());
                        grid.deselectAll();
                        refresh(null);
                        Texts.success(getTranslation("classroom.classes.deleted", c.name()));
                    }));
        });
    }

    /** The class list and the open class's details again, after a change to its members. */
    private void reload(SchoolClass c) {
        refresh(c);
        showDetails(selected());
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
        return getTranslation("classroom.classes.title") + " · " + getTranslation("app.name");
    }
}
