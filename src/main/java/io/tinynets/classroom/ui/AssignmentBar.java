package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabContext;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassroomException;
import io.tinynets.classroom.Submission;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentValidationException;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.LabExperiments;
import io.tinynets.experiment.ui.SaveExperimentDialog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Shown in a lab opened with {@code <lab>?assignment=<id>} (the "Open in lab" of a student's assignment page): the
 * assignment's title, instructions and goal, the teacher's configuration put into the lab's form with the locked
 * controls greyed out, and "Submit", which saves the run as an experiment and hands it in.
 *
 * <p><b>How it reaches a lab.</b> {@link AssignmentAddOn} gives every lab frame one bar as a
 * {@link LabAddOn.Part}: the frame calls {@link #beforeEnter} first (an assignment link does not also reopen an
 * experiment), the bar restores and drafts through {@link LabExperiments}, and it locks the form's controls by the
 * configuration paths the assignment locks ("learningRate", "hidden", "customData"…). Locking here is a convenience
 * for the student: the server checks every locked value again on submission ({@link AssignmentService#submit}),
 * whatever the browser sends.
 */
public class AssignmentBar extends Div implements LabAddOn.Part {

    /** The query parameter that carries the assignment id to a lab. */
    public static final String PARAMETER = "assignment";

    public final Span title = new Span();
    public final Paragraph instructions = new Paragraph();
    public final Span goal = new Span();
    public final Span controls = new Span();
    public final Span result = new Span();
    public final Button submit = new Button();

    private final String lab;
    private final AssignmentService assignments;
    private final ExperimentService experiments;
    private final BiPredicate<Experiment, Boolean> restore;
    private final Supplier<ExperimentDraft> drafts;
    private Runnable applyLocks;
    private Assignment assignment;

    /**
     * @param lab        the lab's key (its route)
     * @param restore    puts a configuration into the lab's form (restore(experiment, continueTraining))
     * @param drafts     the lab's current run as a draft (for "Submit")
     * @param applyLocks greys out the lab's locked controls (set by the frame's constructor below when null)
     */
    private AssignmentBar(String lab, AssignmentService assignments, ExperimentService experiments,
                         BiPredicate<Experiment, Boolean> restore, Supplier<ExperimentDraft> drafts,
                         Runnable applyLocks) {
        this.lab = lab;
        this.assignments = assignments;
        this.experiments = experiments;
        this.restore = restore;
        this.drafts = drafts;
        this.applyLocks = applyLocks;
        addClassName("assignment-bar");
        title.addClassName("assignment-bar-title");
        title.getStyle().set("font-weight", "600");
        instructions.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        goal.getElement().getThemeList().add("badge");
        controls.addClassName("assignment-bar-controls");
        result.addClassName("assignment-bar-result");
        submit.setText(getTranslation("classroom.assignmentBar.submit"));
        submit.setIcon(VaadinIcon.UPLOAD_ALT.create());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        submit.addClickListener(e -> openSubmitDialog());
        Button back = new Button(getTranslation("classroom.assignmentBar.back"), VaadinIcon.ARROW_BACKWARD.create(),
                e -> UI.getCurrent().navigate(AssignmentsView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div buttons = new Div(submit, back);
        buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        add(title, instructions, goal, controls, buttons, result);
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-primary-color-10pct)");
        setVisible(false);
    }

    /**
     * The bar of a lab built on the frame: restores and drafts through {@link LabExperiments}, locks through the
     * frame's form paths.
     */
    AssignmentBar(LabContext<?, ?> lab, AssignmentService assignments, ExperimentService experiments) {
        this(lab.definition().key(), assignments, experiments,
                (e, continueTraining) -> LabExperiments.restore(lab, e, continueTraining),
                () -> LabExperiments.draft(lab), null);
        applyLocks = () -> lab.lock(this::locked, getTranslation("classroom.assignmentBar.locked"));
    }

    @Override
    public List<Component> components() {
        return List.of(this);
    }

    @Override
    public LabAddOn.Slot slot() {
        return LabAddOn.Slot.TOP;
    }

    @Override
    public void saveStateChanged(boolean canSave) {
        setCanSubmit(canSave);
    }

    /** Opens the lab for a student: {@code <lab>?assignment=<id>}. */
    public static void open(UI ui, Assignment a) {
        ui.navigate(a.lab(), QueryParameters.of(PARAMETER, Long.toString(a.id())));
    }

    /**
     * Opens {@code ?assignment=<id>} when the lab is entered with one: true when the parameter was there (whether
     * or not it could be opened: a refusal is shown), so the lab does not also run its own reopen flow.
     */
    @Override
    public boolean beforeEnter(BeforeEnterEvent event) {
        Optional<String> raw = event.getLocation().getQueryParameters().getSingleParameter(PARAMETER);
        if (raw.isEmpty()) {
            return false;
        }
        if (!CurrentUser.isLoggedIn()) {
            LabExperimentSupport.error(getTranslation("classroom.assignmentBar.loginFirst"));
            return true;
        }
        try {
            Assignment a = assignments.get(CurrentUser.experimentOwner(), Long.parseLong(raw.get()));
            if (!lab.equals(a.lab())) {
                throw new ClassroomException("classroom.assignmentBar.wrongLab", a.title());
            }
            open(a);
        } catch (NumberFormatException e) {
            Texts.error(this, ClassroomException.denied());
        } catch (ClassroomException e) {
            Texts.error(this, e);
        }
        return true;
    }

    /** Puts the assignment's configuration into the lab (a fresh run from its seed) and locks the controls. */
    void open(Assignment a) {
        Experiment start = new Experiment(-1, CurrentUser.experimentOwner(), a.lab(), a.title(), "", List.of(),
                a.configJson(), a.configVersion(), a.seed().orElse(1), List.of(), Map.of(), null, null, Instant.EPOCH,
                Instant.EPOCH);
        try {
            // the lab's rules, before the lab builds anything from the teacher's configuration
            experiments.checkConfig(a.lab(), a.configJson(), a.configVersion(), start.seed());
        } catch (ExperimentValidationException e) {
            LabExperimentSupport.error(getTranslation(lab + ".experiment.unreadable", a.title(),
                    LabExperimentSupport.reason(this, e)));
            return;
        }
        assignment = a;
        if (!restore.test(start, false)) {
            assignment = null;
            return;
        }
        title.setText(getTranslation("classroom.assignmentBar.title", a.title()));
        instructions.setText(a.instructions());
        instructions.setVisible(!a.instructions().isEmpty());
        goal.setText(GoalText.of(this, a.goal()));
        controls.setText(a.unlocked().isEmpty() ? getTranslation("classroom.assignments.allLocked")
                : getTranslation("classroom.assignments.unlocked", ControlNames.labels(this, a.unlocked())));
        // only a student hands in work; the teacher may open the assignment to see what students see
        submit.setVisible(CurrentUser.hasRole("STUDENT"));
        result.setText("");
        setVisible(true);
        applyLocks.run();
    }

    /** The assignment the lab was opened with, if any. */
    public Optional<Assignment> assignment() {
        return Optional.ofNullable(assignment);
    }

    /** True when an assignment is open and it locks the control that writes config field {@code control}. */
    public boolean locked(String control) {
        return assignment != null && assignment.locks(control);
    }

    /** The lab says whether its current run can be saved (trained at least one epoch, settings unchanged). */
    public void setCanSubmit(boolean canSubmit) {
        submit.setEnabled(canSubmit);
        submit.setTooltipText(getTranslation(canSubmit ? "classroom.assignmentBar.submit.tooltip"
                : "classroom.assignmentBar.submit.disabled"));
    }

    private void openSubmitDialog() {
        if (assignment == null) {
            return;
        }
        SaveExperimentDialog dialog = new SaveExperimentDialog(experiments, drafts);
        // the same form as "Save as experiment", but the student is handing in work: say so
        dialog.describeAs(getTranslation("classroom.assignmentBar.submitDialog", assignment.title()),
                getTranslation("classroom.assignmentBar.submitDialog.button"));
        dialog.addSavedListener(this::submit);
        dialog.open();
    }

    /** Hands in a saved experiment; the experiment stays saved whatever the answer. */
    Optional<Submission> submit(long experimentId) {
        try {
            Submission s = assignments.submit(CurrentUser.experimentOwner(), assignment.id(), experimentId);
            result.setText(Texts.submittedText(this, s));
            Texts.submitted(this, s);
            return Optional.of(s);
        } catch (ClassroomException e) {
            result.setText(Texts.problem(this, e));
            Texts.error(this, e);
            return Optional.empty();
        }
    }

    /** A goal metric in the user's language ("test loss" → "Test loss" / "테스트 손실"). */
    static String metricName(Component c, String metric) {
        String key = "classroom.metric." + metric.replace(' ', '_');
        String text = c.getTranslation(key);
        return text.equals(key) || text.startsWith("!") ? metric : text;
    }
}
