package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.DecayTrainer;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.training.RunSettings;
import io.tinynets.training.StopConditions;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The teacher's live dashboard: the class's runs with state, epoch and loss, and a projected run's live curve. */
class DashboardViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    TrainingService training;
    @Autowired
    JdbcTemplate jdbc;
    private SchoolClass a;
    private TrainingRun<Double> minjiRun;

    @BeforeEach
    void classWithTwoStudents() {
        ClassroomFixtures.clean(jdbc);
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        a = classes.create("kim", "3-A");
        classes.signUp(a.joinCode(), "minji", "Minji", "long enough");
        classes.signUp(a.joinCode(), "jisoo", "Jisoo", "long enough");
        minjiRun = training.create("minji", "playground", DecayTrainer.FACTORY,
                new RunSettings(1, io.tinynets.training.Speed.epochsPerSecond(200), StopConditions.maxEpochs(400)));
    }

    @AfterEach
    void stopRuns() {
        training.runsOf("minji").forEach(r -> training.cancel("minji", r.id()));
    }

    @Test
    void theTeacherSeesEveryStudentAndTheRunningOneUpdates() {
        login("kim", "TEACHER");
        UI.getCurrent().navigate("dashboard/" + a.id());
        DashboardView view = _get(DashboardView.class);
        assertThat(view.title.getText()).isEqualTo("Live dashboard: 3-A");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DashboardView.REFRESH_MILLIS);
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_getFormattedRow(view.grid, 0)).startsWith("Jisoo", "", "Not training");
        assertThat(_getFormattedRow(view.grid, 1)).startsWith("Minji", "Network playground", "Ready", "0");

        training.start("minji", minjiRun.id());
        awaitUi(Duration.ofSeconds(10), "epochs on the dashboard", () -> {
            view.refresh();
            return Long.parseLong(_getFormattedRow(view.grid, 1).get(3)) > 5;
        });
        List<String> row = _getFormattedRow(view.grid, 1);
        assertThat(row.get(2)).isIn("Training", "Finished");
        assertThat(Double.parseDouble(row.get(4))).isLessThan(0.05);
        assertThat(view.summary.getText()).startsWith("Students: 2 · training now:");

        // project it: the curve fills from the student's run, read-only
        view.project(view.grid.getListDataView().getItem(1), minjiRun.status());
        assertThat(view.projection.isOpened()).isTrue();
        awaitUi(Duration.ofSeconds(10), "projected curve", () -> view.projectedCurve.pointCount(0) > 5);
        assertThat(view.projectedCurve.yValues(0)[0]).isEqualTo(0.5);
        view.projection.close();
    }

    @Test
    void anotherTeacherOrAStudentIsSentAway() {
        login("lee", "TEACHER");
        UI.getCurrent().navigate("dashboard/" + a.id());
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ClassesView.class);
        logout();
        login("minji", "STUDENT");
        // the role annotation refuses the page itself (a real browser gets the "access denied" page)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate("dashboard/" + a.id()))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }
}
