package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AssignmentServiceTest;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.experiment.ExperimentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** An assignment from creation to feedback, through the view: teacher, then students, then teacher again. */
class AssignmentsViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;
    private SchoolClass a;

    @BeforeEach
    void classOfTwo() {
        jdbc.update("DELETE FROM experiment");
        a = ClassroomFixtures.kimsClass(jdbc, accounts, classes, "minji", "hana");
    }

    private AssignmentsView open() {
        UI.getCurrent().navigate(""); // a fresh view for the user now logged in (the same route would be reused)
        UI.getCurrent().navigate("assignments");
        return _get(AssignmentsView.class);
    }

    @Test
    void theNewAssignmentFormOpensEmptyAgainAndCreatesOneAssignmentPerClick() {
        experiments.save("kim", AssignmentServiceTest.run("playground", 0.1, 4, "xor", 0.3));
        login("kim", "TEACHER");
        AssignmentsView teacher = open();
        for (int opening = 1; opening <= 3; opening++) {
            _click(teacher.newAssignment);
            assertThat(teacher.source.getValue()).isNull();
            assertThat(teacher.title.getValue()).isEmpty();
            assertThat(teacher.create.isEnabled()).isFalse();
            teacher.source.setValue(teacher.source.getListDataView().getItem(0));
            teacher.title.setValue("Attempt " + opening);
            if (opening < 3) {
                teacher.createDialog.close();
            }
        }
        _click(teacher.create);
        assertThat(_size(teacher.grid)).isEqualTo(1);
        assertThat(_getFormattedRow(teacher.grid, 0).get(0)).isEqualTo("Attempt 3");
    }

    @Test
    void createSubmitCheckCompareAndAnswer() {
        experiments.save("kim", AssignmentServiceTest.run("playground", 0.1, 4, "xor", 0.3));
        login("kim", "TEACHER");
        AssignmentsView teacher = open();
        assertThat(_size(teacher.grid)).isZero();
        _click(teacher.newAssignment);
        assertThat(teacher.create.isEnabled()).isFalse();
        teacher.source.setValue(teacher.source.getListDataView().getItem(0));
        assertThat(teacher.unlocked.getListDataView().getItems()).containsExactlyElementsOf(AssignmentServiceTest.CONTROLS);
        teacher.title.setValue("Tame XOR");
        teacher.instructions.setValue("Only the learning rate.");
        teacher.unlocked.select("learningRate");
        teacher.goalMetric.setValue("loss");
        assertThat(teacher.create.isEnabled()).isFalse(); // a goal needs its value
        teacher.goalValue.setValue(0.05);
        assertThat(teacher.create.isEnabled()).isTrue();
        // and at most one hidden layer: a list setting is capped by its length
        assertThat(teacher.limitPath.getListDataView().getItems()).contains("", "learningRate", "hidden")
                .doesNotContain("dataset", "optimizer");
        teacher.limitPath.setValue("hidden");
        assertThat(teacher.create.isEnabled()).isFalse(); // a limit needs its value
        teacher.limitMax.setValue(1.0);
        assertThat(teacher.create.isEnabled()).isTrue();
        _click(teacher.create);
        assertThat(_getFormattedRow(teacher.grid, 0)).containsExactly("Tame XOR",
                "training loss at most 0.05, with Hidden layers at most 1");

        logout();
        experiments.save("minji", AssignmentServiceTest.run("playground", 0.5, 64, "xor", 0.001));
        experiments.save("minji", AssignmentServiceTest.run("playground", 0.5, 4, "xor", 0.01));
        login("minji", "STUDENT");
        AssignmentsView student = open();
        student.grid.select(student.grid.getListDataView().getItem(0));
        assertThat(student.newAssignment.isVisible()).isFalse();
        clearNotifications();
        student.toSubmit.setValue(student.toSubmit.getListDataView().getItems()
                .filter(s -> s.name().equals("lr 0.5")).toList().get(1)); // the one with 64 hidden units
        _click(student.submit);
        expectNotifications("The setting \"hidden\" is locked in this assignment: keep the value the teacher chose.");
        student.toSubmit.setValue(student.toSubmit.getListDataView().getItems()
                .filter(s -> s.name().equals("lr 0.5")).toList().get(0));
        _click(student.submit);
        assertThat(_size(student.submissions)).isEqualTo(1);
        assertThat(_getFormattedRow(student.submissions, 0)).contains("met", "0.01000");

        logout();
        login("hana", "STUDENT");
        experiments.save("hana", AssignmentServiceTest.run("playground", 0.01, 4, "xor", 0.4));
        AssignmentsView hana = open();
        hana.grid.select(hana.grid.getListDataView().getItem(0));
        hana.toSubmit.setValue(hana.toSubmit.getListDataView().getItem(0));
        _click(hana.submit);
        assertThat(_getFormattedRow(hana.submissions, 0)).contains("not met");

        logout();
        login("kim", "TEACHER");
        AssignmentsView back = open();
        back.grid.select(back.grid.getListDataView().getItem(0));
        assertThat(_size(back.submissions)).isEqualTo(2);
        back.submissions.asMultiSelect().setValue(Set.copyOf(back.submissions.getListDataView().getItems().toList()));
        assertThat(back.compare.isEnabled()).isTrue();
        _click(back.compare);
        assertThat(back.shown.isOpened()).isTrue();
        assertThat(back.shownCurves.getSeries()).hasSize(2);
        assertThat(_getFormattedRow(back.shownDifferences, 0)).containsExactly("learningRate", "0.01", "0.5");
        back.shown.close();

        back.submissions.asMultiSelect().setValue(Set.of(back.submissions.getListDataView().getItem(1)));
        back.feedback.setValue("Nicely tuned.");
        _click(back.saveFeedback);

        logout();
        login("minji", "STUDENT");
        AssignmentsView again = open();
        again.grid.select(again.grid.getListDataView().getItem(0));
        assertThat(_getFormattedRow(again.submissions, 0)).contains("Nicely tuned.");
    }

    @Test
    void aClickedSubmissionIsAnsweredWithTheTextTypedKeptAndTheStudentReadsAllOfIt() {
        long source = experiments.save("kim", AssignmentServiceTest.run("playground", 0.1, 4, "xor", 0.3));
        login("kim", "TEACHER");
        AssignmentsView teacher = open();
        _click(teacher.newAssignment);
        teacher.source.setValue(teacher.source.getListDataView().getItems().filter(e -> e.id() == source)
                .findFirst().orElseThrow());
        // the experiment's name is the first title; the teacher's own title is not overwritten by another choice
        assertThat(teacher.title.getValue()).isEqualTo("lr 0.1");
        teacher.goalMetric.setValue("loss");
        teacher.goalValue.setValue(0.05);
        clearNotifications();
        _click(teacher.create);
        expectNotifications("Assignment \"lr 0.1\" created for 3-A. Students see it on their assignments page now.");

        logout();
        experiments.save("minji", AssignmentServiceTest.run("playground", 0.1, 4, "xor", 0.4));
        login("minji", "STUDENT");
        AssignmentsView minji = open();
        minji.grid.select(minji.grid.getListDataView().getItem(0));
        minji.toSubmit.setValue(minji.toSubmit.getListDataView().getItem(0));
        clearNotifications();
        _click(minji.submit);
        // handed in, but not a success: a warning, not a green message
        assertThat(getNotifications()).singleElement().satisfies(n ->
                assertThat(n.getThemeNames()).contains("warning").doesNotContain("success"));
        assertThat(minji.valueColumn.getHeaderText()).isEqualTo("Training loss");

        logout();
        login("kim", "TEACHER");
        AssignmentsView back = open();
        back.grid.select(back.grid.getListDataView().getItem(0));
        assertThat(back.saveFeedback.isEnabled()).isFalse();
        // the teacher starts typing before choosing the row: the text is kept when the row is clicked
        String longFeedback = "Good start.\n" + "Lower the learning rate and watch the test loss. ".repeat(20).strip();
        _setValue(back.feedback, longFeedback);
        _clickItem(back.submissions, 0);
        assertThat(back.submissions.getSelectedItems()).hasSize(1);
        assertThat(back.feedback.getValue()).isEqualTo(longFeedback);
        assertThat(back.feedback.getHelperText()).startsWith("For Minji's submission.");
        assertThat(back.saveFeedback.isEnabled()).isTrue();
        clearNotifications();
        _click(back.saveFeedback);
        expectNotifications("Feedback for Minji saved: the student sees it now.");
        assertThat(back.submissions.getSelectedItems()).singleElement()
                .satisfies(x -> assertThat(x.feedback()).isEqualTo(longFeedback));
        assertThat(back.saveFeedback.isEnabled()).as("nothing new to save").isFalse();
        _setValue(back.feedback, "x".repeat(AssignmentsView.FEEDBACK_MAX + 1));
        assertThat(back.saveFeedback.isEnabled()).as("too long").isFalse();
        assertThat(back.feedback.isInvalid()).isTrue();

        logout();
        login("minji", "STUDENT");
        AssignmentsView read = open();
        read.grid.select(read.grid.getListDataView().getItem(0));
        // the whole text (shown with its line breaks, pre-wrap) in a wrapping cell
        assertThat(_getFormattedRow(read.submissions, 0)).contains(longFeedback.replace('\n', ' '));
        assertThat(read.submissions.getThemeNames()).contains("wrap-cell-content");
    }
}
