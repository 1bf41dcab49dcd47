package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.LineChart;
import io.tinynets.base.ui.Palette;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Limit;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.classroom.Submission;
import io.tinynets.experiment.Comparison;
import io.tinynets.experiment.ConfigDifference;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ui.LabExperimentSupport;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Assignments of a class. The teacher makes one from a saved experiment (instructions, the controls students may
 * change, a goal), then sees the submissions with the goal check, opens or compares them and leaves feedback. A
 * student reads the assignment, submits one of their experiments and sees the goal check and the feedback.
 */
@Route("assignments")
@PermitAll
@Menu(title = "nav.assignments", order = 22, icon = "vaadin:clipboard-check")
public class AssignmentsView extends VerticalLayout implements HasDynamicTitle {

    static final int FEEDBACK_MAX = 4000;

    final Select<SchoolClass> classSelect = new Select<>();
    final Grid<Assignment> grid = new Grid<>();
    final Button newAssignment = new Button();
    final Div details = new Div();
    // teacher: the new-assignment form
    final ComboBox<ExperimentSummary> source = new ComboBox<>();
    final TextField title = new TextField();
    final TextArea instructions = new TextArea();
    final CheckboxGroup<String> unlocked = new CheckboxGroup<>();
    final Select<String> goalMetric = new Select<>();
    final Select<Boolean> goalBelow = new Select<>();
    final NumberField goalValue = new NumberField();
    /** An optional cap on one setting as part of the goal ("at most 2 hidden layers"). */
    final Select<String> limitPath = new Select<>();
    final NumberField limitMax = new NumberField();
    final Button create = new Button();
    Dialog createDialog;
    private VerticalLayout createForm;
    /** The title filled in from the chosen experiment's name, replaced when another is chosen (not when typed). */
    private String suggestedTitle = "";
    // both: the selected assignment
    final Grid<Submission> submissions = new Grid<>();
    final ComboBox<ExperimentSummary> toSubmit = new ComboBox<>();
    final Button submit = new Button();
    /** Opens the selected assignment in its lab, with the teacher's settings and the locked controls greyed out. */
    final Button openInLab = new Button();
    final Button open = new Button();
    final Button compare = new Button();
    final TextArea feedback = new TextArea();
    final Button saveFeedback = new Button();
    /** The goal's figure of each submission; its header names the assignment's metric. */
    Grid.Column<Submission> valueColumn;
    /** True while the feedback field holds text the teacher typed and has not saved. */
    private boolean feedbackEdited;
    Dialog shown;
    LineChart shownCurves;
    Grid<ConfigDifference> shownDifferences;

    private final AssignmentService assignments;
    private final ExperimentService experiments;
    private final String user = CurrentUser.experimentOwner();
    private final boolean teaches = CurrentUser.hasRole("TEACHER") || CurrentUser.hasRole("ADMIN");

    AssignmentsView(AssignmentService assignments, ClassService classes, ExperimentService experiments) {
        this.assignments = assignments;
        this.experiments = experiments;
        addClassName("lab-view");
        addClassName("assignments-view");
        add(new H2(getTranslation("classroom.assignments.title")), new Paragraph(getTranslation(teaches
                ? "classroom.assignments.intro.teacher" : "classroom.assignments.intro.student")));
        classSelect.setLabel(getTranslation("classroom.classes.name"));
        classSelect.setItemLabelGenerator(SchoolClass::name);
        List<SchoolClass> mine = classes.classes(user);
        classSelect.setItems(mine);
        classSelect.addValueChangeListener(e -> refresh());
        newAssignment.setText(getTranslation("classroom.assignments.new"));
        newAssignment.setIcon(VaadinIcon.PLUS.create());
        newAssignment.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newAssignment.setVisible(teaches);
        newAssignment.addClickListener(e -> openCreateDialog());
        HorizontalLayout top = new HorizontalLayout(classSelect, newAssignment);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(Assignment::title).setHeader(getTranslation("classroom.assignments.assignment")).setFlexGrow(2);
        grid.addColumn(a -> goalText(a)).setHeader(getTranslation("classroom.assignments.goal"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation(mine.isEmpty() ? "classroom.gallery.noClass"
                : "classroom.assignments.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));
        configureSubmissions();
        add(top, grid, details);
        if (!mine.isEmpty()) {
            classSelect.setValue(mine.get(0));
        }
    }

    private void configureSubmissions() {
        submissions.addColumn(Submission::studentName).setHeader(getTranslation("classroom.dashboard.student"))
                .setVisible(teaches);
        submissions.addColumn(Submission::experimentName).setHeader(getTranslation("classroom.gallery.name"));
        submissions.addColumn(s -> s.goalMet() == null ? "" : getTranslation(s.goalUnverified()
                ? "classroom.submission.notVerified" : s.goalMet() ? "classroom.submission.met"
                : "classroom.submission.notMet"))
                .setHeader(getTranslation("classroom.assignments.goal"))
                .setTooltipGenerator(s -> s.goalUnverified() ? getTranslation("classroom.submission.notVerified.tooltip")
                        : "");
        valueColumn = submissions.addColumn(s -> s.metricValue() == null ? ""
                        : String.format(getLocale(), "%.4g", s.metricValue()))
                .setHeader(getTranslation("classroom.submission.value"));
        // the whole feedback, wrapped and with its line breaks, however long (Lit escapes the text)
        submissions.addColumn(LitRenderer.<Submission>of(
                        "<span style=\"white-space: pre-wrap\">${item.feedback}</span>")
                        .withProperty("feedback", Submission::feedback))
                .setHeader(getTranslation("classroom.submission.feedback")).setFlexGrow(3).setKey("feedback");
        submissions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        submissions.setAllRowsVisible(true);
        submissions.setEmptyStateText(getTranslation("classroom.submission.none"));
        submissions.setSelectionMode(teaches ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
        if (teaches) {
            submissions.addSelectionListener(e -> updateButtons());
            // a click on a row selects that submission alone (to open it or answer it); Ctrl/Cmd-click adds or
            // removes it, for comparing; the checkboxes still work as well
            submissions.addItemClickListener(e -> {
                if (e.isCtrlKey() || e.isMetaKey()) {
                    if (submissions.getSelectedItems().contains(e.getItem())) {
                        submissions.deselect(e.getItem());
                    } else {
                        submissions.select(e.getItem());
                    }
                } else {
                    submissions.asMultiSelect().setValue(Set.of(e.getItem()));
                }
            });
        }

        toSubmit.setLabel(getTranslation("classroom.gallery.mine"));
        toSubmit.setItemLabelGenerator(ExperimentSummary::name);
        toSubmit.setWidth("20rem");
        toSubmit.addValueChangeListener(e -> submit.setEnabled(e.getValue() != null));
        submit.setText(getTranslation("classroom.submission.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(false);
        submit.addClickListener(e -> submitSelected());
        openInLab.setText(getTranslation(teaches ? "classroom.assignments.preview" : "classroom.assignments.openInLab"));
        openInLab.setIcon(VaadinIcon.FLASK.create());
        openInLab.setTooltipText(getTranslation("classroom.assignments.openInLab.tooltip"));
        openInLab.addThemeVariants(teaches ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
        openInLab.addClickListener(e -> {
            Assignment a = selected();
            if (a != null) {
                AssignmentBar.open(UI.getCurrent(), a);
            }
        });
        open.setText(getTranslation("classroom.submission.open"));
        open.addClickListener(e -> openSelected());
        compare.setText(getTranslation("classroom.submission.compare"));
        compare.addClickListener(e -> compareSelected());
        feedback.setLabel(getTranslation("classroom.submission.feedback"));
        feedback.setMaxLength(FEEDBACK_MAX);
        feedback.setWidthFull();
        feedback.setValueChangeMode(ValueChangeMode.EAGER);
        feedback.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                feedbackEdited = true;
            }
            updateFeedbackButton();
        });
        saveFeedback.setText(getTranslation("classroom.submission.saveFeedback"));
        saveFeedback.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveFeedback.addClickListener(e -> saveFeedback());
        updateButtons();
    }

    private void updateButtons() {
        Set<Submission> selected = teaches ? submissions.getSelectedItems() : Set.of();
        open.setEnabled(selected.size() == 1);
        compare.setEnabled(selected.size() >= 2 && selected.size() <= 8);
        Submission one = selected.size() == 1 ? selected.iterator().next() : null;
        // what the teacher typed and has not saved stays; otherwise the field shows the selected one's feedback
        if (one != null && !feedbackEdited) {
            feedback.setValue(one.feedback());
        }
        feedback.setHelperText(one != null ? getTranslation("classroom.submission.feedbackFor", one.studentName())
                : getTranslation("classroom.submission.feedbackSelect"));
        updateFeedbackButton();
    }

    /** Save is offered for exactly one selected submission and a feedback that is new and not too long. */
    private void updateFeedbackButton() {
        Set<Submission> selected = teaches ? submissions.getSelectedItems() : Set.of();
        String text = feedback.getValue();
        boolean valid = text.length() <= FEEDBACK_MAX;
        feedback.setInvalid(!valid);
        feedback.setErrorMessage(getTranslation("classroom.submission.invalidFeedback", FEEDBACK_MAX));
        saveFeedback.setEnabled(selected.size() == 1 && valid
                && !text.equals(selected.iterator().next().feedback()));
    }

    void refresh() {
        SchoolClass c = classSelect.getValue();
        grid.setItems(c == null ? List.of() : assignments.assignments(user, c.id()));
        newAssignment.setEnabled(c != null);
        showDetails(null);
    }

    private Assignment selected() {
        return grid.asSingleSelect().getValue();
    }

    private void showDetails(Assignment a) {
        details.removeAll();
        feedbackEdited = false;
        feedback.clear();
        details.setVisible(a != null);
        if (a == null) {
            return;
        }
        Paragraph text = new Paragraph(a.instructions().isEmpty() ? getTranslation("classroom.gallery.noNotes")
                : a.instructions());
        text.getStyle().set("white-space", "pre-wrap");
        details.add(new H3(a.title()), text, new Paragraph(a.unlocked().isEmpty()
                ? getTranslation("classroom.assignments.allLocked")
                : getTranslation("classroom.assignments.unlocked", ControlNames.labels(this, a.unlocked()))),
                openInLab);
        if (teaches) {
            HorizontalLayout actions = new HorizontalLayout(open, compare);
            details.add(new H3(getTranslation("classroom.submission.title")), submissions, actions, feedback,
                    saveFeedback);
        } else {
            toSubmit.setItems(experiments.list(user, null).stream().filter(s -> s.lab().equals(a.lab())).toList());
            HorizontalLayout row = new HorizontalLayout(toSubmit, submit);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            details.add(row, new H3(getTranslation("classroom.submission.mine")), submissions);
        }
        // a header, not mid-sentence: "Test loss"
        valueColumn.setHeader(a.goal().map(g -> AssignmentBar.metricName(this, g.metric()))
                .map(m -> m.isEmpty() ? m : m.substring(0, 1).toUpperCase(getLocale()) + m.substring(1))
                .orElse(getTranslation("classroom.submission.value")));
        submissions.setItems(assignments.submissions(user, a.id()));
        updateButtons();
    }

    /**
     * The new-assignment form, built once: its fields live on this view, so listeners added on every opening would
     * pile up (and a second opening's Create would create the assignment twice).
     */
    private VerticalLayout configureCreateForm() {
        source.setLabel(getTranslation("classroom.assignments.source"));
        source.setHelperText(getTranslation("classroom.assignments.source.help"));
        source.setItemLabelGenerator(ExperimentSummary::name);
        source.setWidthFull();
        source.addValueChangeListener(e -> {
            unlocked.setItems(e.getValue() == null ? List.of() : assignments.controlsOf(user, e.getValue().id()));
            List<String> limitable = new ArrayList<>(List.of(""));
            if (e.getValue() != null) {
                limitable.addAll(assignments.limitableControlsOf(user, e.getValue().id()));
            }
            limitPath.setItems(limitable);
            limitPath.setValue("");
            // the experiment's name is a fair first title: filled in unless the teacher typed their own
            if (e.getValue() != null && (title.isEmpty() || title.getValue().equals(suggestedTitle))) {
                suggestedTitle = e.getValue().name();
                title.setValue(suggestedTitle);
            }
            validateForm();
        });
        title.setLabel(getTranslation("classroom.assignments.assignment"));
        title.setMaxLength(200);
        title.setWidthFull();
        title.setValueChangeMode(ValueChangeMode.EAGER);
        title.addValueChangeListener(e -> validateForm());
        instructions.setLabel(getTranslation("classroom.assignments.instructions"));
        instructions.setMaxLength(4000);
        instructions.setWidthFull();
        unlocked.setLabel(getTranslation("classroom.assignments.unlockedLabel"));
        unlocked.setItemLabelGenerator(path -> ControlNames.label(this, path));
        goalMetric.setLabel(getTranslation("classroom.assignments.goal"));
        List<String> metrics = new ArrayList<>(List.of(""));
        metrics.addAll(Goal.METRICS);
        goalMetric.setItems(metrics);
        goalMetric.setItemLabelGenerator(m -> m.isEmpty() ? getTranslation("classroom.assignments.noGoal")
                : AssignmentBar.metricName(this, m));
        goalMetric.addValueChangeListener(e -> validateForm());
        goalBelow.setItems(true, false);
        goalBelow.setItemLabelGenerator(b -> getTranslation(b ? "classroom.assignments.atMost"
                : "classroom.assignments.atLeast"));
        goalValue.setLabel(getTranslation("classroom.assignments.goalValue"));
        goalValue.setValueChangeMode(ValueChangeMode.EAGER);
        goalValue.addValueChangeListener(e -> validateForm());
        // three fields on one line of the dialog's width, wrapping on a narrow screen rather than scrolling
        goalMetric.setWidth("12rem");
        goalBelow.setWidth("8rem");
        goalValue.setWidth("8rem");
        goalValue.setMinWidth("6rem");
        HorizontalLayout goal = new HorizontalLayout(goalMetric, goalBelow, goalValue);
        goal.setAlignItems(FlexComponent.Alignment.BASELINE);
        goal.setWrap(true);
        goal.setWidthFull();
        limitPath.setLabel(getTranslation("classroom.assignments.limit"));
        limitPath.setHelperText(getTranslation("classroom.assignments.limit.help"));
        limitPath.setItemLabelGenerator(path -> path.isEmpty() ? getTranslation("classroom.assignments.noLimit")
                : ControlNames.label(this, path));
        limitPath.addValueChangeListener(e -> validateForm());
        limitMax.setLabel(getTranslation("classroom.assignments.atMost"));
        limitMax.setValueChangeMode(ValueChangeMode.EAGER);
        limitMax.addValueChangeListener(e -> validateForm());
        limitPath.setWidth("16rem");
        limitMax.setWidth("8rem");
        HorizontalLayout limit = new HorizontalLayout(limitPath, limitMax);
        limit.setAlignItems(FlexComponent.Alignment.BASELINE);
        limit.setWrap(true);
        limit.setWidthFull();
        create.setText(getTranslation("classroom.assignments.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createAssignment());
        VerticalLayout form = new VerticalLayout(source, title, instructions, unlocked, goal, limit);
        form.setPadding(false);
        form.setWidth("36rem");
        form.setMaxWidth("100%");
        return form;
    }

    /** Opens the new-assignment form, empty, with the teacher's experiments as of now. */
    private void openCreateDialog() {
        if (createForm == null) {
            createForm = configureCreateForm();
        }
        source.clear();
        source.setItems(experiments.list(user, null));
        suggestedTitle = "";
        title.clear();
        instructions.clear();
        unlocked.setItems(List.of());
        goalMetric.setValue("");
        goalBelow.setValue(true);
        goalValue.clear();
        limitPath.setItems("");
        limitPath.setValue("");
        limitMax.clear();
        createDialog = new Dialog();
        createDialog.setHeaderTitle(getTranslation("classroom.assignments.new"));
        createDialog.add(createForm);
        createDialog.getFooter().add(new Button(getTranslation("classroom.close"), e -> createDialog.close()), create);
        validateForm();
        createDialog.open();
    }

    private void validateForm() {
        boolean goalOk = goalMetric.getValue() == null || goalMetric.getValue().isEmpty()
                || (goalValue.getValue() != null && Double.isFinite(goalValue.getValue()));
        goalValue.setEnabled(goalMetric.getValue() != null && !goalMetric.getValue().isEmpty());
        goalValue.setInvalid(!goalOk);
        goalValue.setErrorMessage(getTranslation("classroom.assignment.invalidGoal"));
        boolean hasGoal = goalMetric.getValue() != null && !goalMetric.getValue().isEmpty();
        boolean hasLimit = hasGoal && limitPath.getValue() != null && !limitPath.getValue().isEmpty();
        limitPath.setEnabled(hasGoal);
        limitMax.setEnabled(hasLimit);
        boolean limitOk = !hasLimit || (limitMax.getValue() != null && Double.isFinite(limitMax.getValue()));
        limitMax.setInvalid(!limitOk);
        limitMax.setErrorMessage(getTranslation("classroom.assignment.invalidLimit"));
        create.setEnabled(source.getValue() != null && !title.getValue().isBlank() && goalOk && limitOk);
    }

    boolean createAssignment() {
        SchoolClass c = classSelect.getValue();
        if (c == null || source.getValue() == null) {
            return false;
        }
        try {
            Goal goal = goalMetric.getValue() == null || goalMetric.getValue().isEmpty() ? null
                    : new Goal(goalMetric.getValue(), goalBelow.getValue(), goalValue.getValue(),
                    limitPath.getValue() == null || limitPath.getValue().isEmpty() ? Optional.empty()
                            : Optional.of(new Limit(limitPath.getValue(), limitMax.getValue())));
            Assignment a = assignments.create(user, c.id(), source.getValue().id(), title.getValue(),
                    instructions.getValue(), new ArrayList<>(unlocked.getSelectedItems()), goal);
            createDialog.close();
            refresh();
            grid.select(a);
            Texts.success(getTranslation("classroom.assignments.created", a.title(), c.name()));
            return true;
        } catch (ClassroomException e) {
            Texts.error(this, e);
            return false;
        }
    }

    void submitSelected() {
        Assignment a = selected();
        if (a == null || toSubmit.getValue() == null) {
            return;
        }
        try {
            Submission s = assignments.submit(user, a.id(), toSubmit.getValue().id());
            Texts.submitted(this, s);
            toSubmit.clear();
            submissions.setItems(assignments.submissions(user, a.id()));
        } catch (ClassroomException e) {
            Texts.error(this, e);
        }
    }

    void openSelected() {
        Set<Submission> selected = submissions.getSelectedItems();
        if (selected.size() != 1) {
            return;
        }
        Submission s = selected.iterator().next();
        try {
            Experiment e = assignments.open(user, s.id());
            show(s.studentName() + " · " + e.name(), List.of(e), List.of());
        } catch (ClassroomException ex) {
            Texts.error(this, ex);
        }
    }

    void compareSelected() {
        // in the table's order (a selection is a set): the compared columns read like the rows above them
        List<Long> ids = submissions.getListDataView().getItems().filter(submissions.getSelectedItems()::contains)
                .map(Submission::id).toList();
        try {
            Comparison c = assignments.compare(user, ids);
            show(getTranslation("classroom.submission.compare"), c.experiments(), c.differences());
        } catch (ClassroomException ex) {
            Texts.error(this, ex);
        }
    }

    private void show(String header, List<Experiment> list, List<ConfigDifference> differences) {
        shown = new Dialog();
        shown.setHeaderTitle(header);
        shown.setWidth("min(60rem, 95vw)");
        shownCurves = new LineChart(getTranslation("classroom.dashboard.epoch"), getTranslation(
                "classroom.dashboard.loss"));
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            series.add(new LineChart.Series(list.get(i).name(), Palette.colour(i)));
        }
        shownCurves.setSeries(series);
        for (int i = 0; i < list.size(); i++) {
            Curve loss = list.get(i).curves().stream().filter(c -> c.name().equals(LabExperimentSupport.TRAIN_LOSS)
                    || c.name().equals("loss")).findFirst()
                    .orElse(list.get(i).curves().isEmpty() ? null : list.get(i).curves().get(0));
            if (loss != null) {
                shownCurves.setPoints(i, loss.x(), loss.y());
            }
        }
        shownCurves.setPlotHeight(300);
        shown.add(shownCurves);
        if (!differences.isEmpty()) {
            shownDifferences = new Grid<>();
            shownDifferences.addColumn(ConfigDifference::field).setHeader(getTranslation("classroom.submission.setting"));
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                shownDifferences.addColumn(d -> d.values().get(index)).setHeader(list.get(i).name());
            }
            shownDifferences.setItems(differences);
            shownDifferences.setAllRowsVisible(true);
            shown.add(shownDifferences);
        }
        shown.getFooter().add(new Button(getTranslation("classroom.close"), e -> shown.close()));
        shown.open();
    }

    void saveFeedback() {
        Set<Submission> selected = submissions.getSelectedItems();
        Assignment a = selected();
        if (selected.size() != 1 || a == null) {
            return;
        }
        Submission s = selected.iterator().next();
        try {
            assignments.feedback(user, s.id(), feedback.getValue());
            feedbackEdited = false;
            Texts.success(getTranslation("classroom.submission.feedbackSaved", s.studentName()));
            List<Submission> fresh = assignments.submissions(user, a.id());
            submissions.setItems(fresh);
            // the answered submission stays selected, with what was saved
            fresh.stream().filter(x -> x.id() == s.id()).findFirst().ifPresent(submissions::select);
            updateButtons();
        } catch (ClassroomException e) {
            Texts.error(this, e);
        }
    }

    private String goalText(Assignment a) {
        return GoalText.of(this, a.goal());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.assignments.title") + " · " + getTranslation("app.name");
    }
}
