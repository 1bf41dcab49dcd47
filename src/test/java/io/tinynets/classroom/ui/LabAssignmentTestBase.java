package io.tinynets.classroom.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Goal;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.classroom.Submission;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ui.SaveExperimentDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Function;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests of an assignment opened in a lab ({@code <lab>?assignment=<id>}): teacher kim's class with one
 * student, minji; opening the lab the way "Open in lab" does; submitting through the assignment bar; and the checks
 * every lab must pass the same way (who may open an assignment, the teacher's preview), written once here.
 * <p>
 * The labs' views and fields are package-private, so each lab's test reaches its view through the functions it gives
 * the constructor and the three methods it implements.
 *
 * @param <V> the lab's view
 */
public abstract class LabAssignmentTestBase<V extends Component> extends KaribuTest {

    @Autowired
    protected AccountService accounts;
    @Autowired
    protected ClassService classes;
    @Autowired
    protected AssignmentService assignments;
    @Autowired
    protected ExperimentService experiments;
    @Autowired
    protected JdbcTemplate jdbc;

    private final String route;
    private final Class<V> viewClass;
    private final Function<V, AssignmentBar> barOf;
    private final Function<V, LiveTraining<?>> trainingOf;

    /** Kim's class "3-A"; minji is its only student. */
    protected SchoolClass c;
    /** The view opened last: its run is discarded after the test, so no training outlives it. */
    protected V view;

    /**
     * @param route     the lab's route, e.g. {@code "playground"}
     * @param viewClass the lab's view
     * @param bar       the view's assignment bar
     * @param training  the view's live training, whose run is discarded after each test
     */
    protected LabAssignmentTestBase(String route, Class<V> viewClass, Function<V, AssignmentBar> bar,
            Function<V, LiveTraining<?>> training) {
        this.route = route;
        this.viewClass = viewClass;
        this.barOf = bar;
        this.trainingOf = training;
    }

    /**
     * Kim (logged in here) trains and saves a distinctive run in the lab and makes it an assignment of {@link #c}
     * with this goal ({@code null}: none) that locks at least the control {@link #aLockedControl} returns.
     */
    protected abstract Assignment teacherAssignment(Goal goal);

    /** A control that {@link #teacherAssignment} locks. */
    protected abstract HasEnabled aLockedControl(V view);

    /** Asserts the form holds the lab's own settings, not those of {@link #teacherAssignment}. */
    protected abstract void assertNotTheTeachersSettings(V view);

    @BeforeEach
    void classWithATeacherAndAStudent() {
        jdbc.update("DELETE FROM experiment");
        c = ClassroomFixtures.kimsClass(jdbc, accounts, classes, "minji");
    }

    @AfterEach
    void stopRun() {
        if (view != null) {
            trainingOf.apply(view).discard();
        }
    }

    /** The lab without an assignment, in a fresh view (which becomes {@link #view}). */
    protected V openLab() {
        return navigate(QueryParameters.empty());
    }

    /** The lab with the assignment, by its link, in a fresh view (which becomes {@link #view}). */
    protected V open(Assignment a) {
        return navigate(QueryParameters.of("assignment", Long.toString(a.id())));
    }

    /** Minji logs in and opens the assignment. */
    protected V openAsTheStudent(Assignment a) {
        login("minji", "STUDENT");
        return open(a);
    }

    private V navigate(QueryParameters parameters) {
        UI.getCurrent().navigate(""); // arriving from elsewhere builds a fresh view, as "Open in lab" does
        UI.getCurrent().navigate(route, parameters);
        view = _get(viewClass);
        return view;
    }

    /**
     * Submit to assignment, "Save and submit" in the dialog (which says it submits): minji's latest submission, or
     * {@code null} if none was made.
     */
    protected Submission submitThroughTheBar() {
        AssignmentBar bar = barOf.apply(view);
        _click(bar.submit);
        SaveExperimentDialog dialog = _get(SaveExperimentDialog.class);
        org.assertj.core.api.Assertions.assertThat(dialog.getHeaderTitle()).startsWith("Submit to \"");
        _click(_get(Button.class, spec -> spec.withText("Save and submit")));
        return bar.assignment().map(a -> assignments.submissions("minji", a.id()))
                .filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1)).orElse(null);
    }

    /**
     * Submits through the bar (which must offer it) and checks the submission is minji's, meets the goal "at most
     * {@code goalValue}" with a metric below it, and that the bar says so.
     */
    protected Submission submitExpectingTheGoalMet(double goalValue) {
        AssignmentBar bar = barOf.apply(view);
        assertThat(bar.submit.isEnabled()).isTrue();
        Submission s = submitThroughTheBar();
        assertThat(s).as(bar.result.getText()).isNotNull();
        assertThat(s.student()).isEqualTo("minji");
        assertThat(s.goalMet()).isTrue();
        assertThat(s.metricValue()).isLessThan(goalValue);
        assertThat(bar.result.getText()).isEqualTo("Submitted: the goal is met.");
        return s;
    }

    /**
     * Submits through the bar and checks the submission is refused because of the locked {@code setting}, while the
     * run stays saved as minji's experiment.
     */
    protected void submitExpectingTheLockedSettingRefused(String setting) {
        Submission s = submitThroughTheBar();
        assertThat(s).isNull();
        assertThat(barOf.apply(view).result.getText()).isEqualTo("The setting \"" + setting
                + "\" is locked in this assignment: keep the value the teacher chose.");
        assertThat(experiments.list("minji", null)).hasSize(1);
    }

    /** The rows kim's Assignments page shows for the assignment's submissions, as formatted text. */
    protected java.util.List<java.util.List<String>> teachersSubmissionRows(Assignment a) {
        login("kim", "TEACHER");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("assignments");
        AssignmentsView page = _get(AssignmentsView.class);
        page.grid.select(page.grid.getListDataView().getItems().filter(x -> x.id() == a.id()).findFirst()
                .orElseThrow());
        return java.util.stream.IntStream.range(0, GridKt._size(page.submissions))
                .mapToObj(i -> GridKt._getFormattedRow(page.submissions, i)).toList();
    }

    @Test
    void anAssignmentNeedsALoginAndAMemberOfItsClass() {
        Assignment a = teacherAssignment(null);
        logout();
        view = open(a);
        assertThat(barOf.apply(view).isVisible()).isFalse();
        NotificationsKt.expectNotifications("Log in to open an assignment: it belongs to your class.");

        ClassroomFixtures.account(accounts, "outsider", Role.STUDENT);
        login("outsider", "STUDENT");
        view = open(a);
        assertThat(barOf.apply(view).isVisible()).isFalse();
        assertThat(aLockedControl(view).isEnabled()).isTrue();
        assertNotTheTeachersSettings(view);
    }

    @Test
    void theTeacherPreviewsTheAssignmentWithoutASubmitButton() {
        Assignment a = teacherAssignment(null);
        view = open(a); // still kim: what students see
        assertThat(barOf.apply(view).isVisible()).isTrue();
        assertThat(barOf.apply(view).submit.isVisible()).isFalse();
        assertThat(aLockedControl(view).isEnabled()).isFalse();
    }
}
