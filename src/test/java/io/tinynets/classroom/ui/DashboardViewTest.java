package io.tinynets.classroom.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.DecayTrainer;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.classroom.StudentRun;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundPicture;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.training.RunSettings;
import io.tinynets.training.RunState;
import io.tinynets.training.Speed;
import io.tinynets.training.StopConditions;
import io.tinynets.training.Subscription;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
    @Autowired
    List<LivePicture> pictures;
    private SchoolClass a;
    private TrainingRun<Double> minjiRun;
    /** The students' open lab pages: a run nobody watches is not on the dashboard. */
    private final List<Subscription> tabs = new ArrayList<>();

    @BeforeEach
    void classWithTwoStudents() {
        a = ClassroomFixtures.kimsClass(jdbc, accounts, classes, "minji", "jisoo");
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        minjiRun = training.create("minji", "playground", DecayTrainer.FACTORY,
                new RunSettings(1, io.tinynets.training.Speed.epochsPerSecond(200), StopConditions.maxEpochs(400)));
        watch("minji", minjiRun);
    }

    /** The student has the run's lab open (the lab subscribes to its run). */
    private Subscription watch(String student, TrainingRun<?> run) {
        Subscription tab = training.subscribe(student, run.id(), s -> { });
        tabs.add(tab);
        return tab;
    }

    @AfterEach
    void stopRuns() {
        tabs.forEach(Subscription::close);
        for (String student : List.of("minji", "jisoo")) {
            training.runsOf(student).forEach(r -> training.cancel(student, r.id()));
        }
    }

    private static final PlaygroundConfig CIRCLE = new PlaygroundConfig(DatasetKind.CIRCLE, 200, 0, 0.5, 10, 1,
            List.of(Feature.X1, Feature.X2), List.of(4), List.of(Activation.TANH), OutputLoss.TANH_SQUARED,
            Initializer.XAVIER, OptimizerKind.SGD, 0.1, RegularizationKind.NONE, 0);
    private static final long SEED = 4;

    private static Dataset2D circle() {
        return Dataset2D.generate(DatasetKind.CIRCLE, 200, 0, 0.5, new SplittableRandom(1));
    }

    /** The boundary the run must show after {@code epochs}, from a trainer of its own with the same seed. */
    private static Picture boundaryAfter(int epochs) {
        PlaygroundTrainer t = new PlaygroundTrainer(CIRCLE, circle(), SEED);
        for (int e = 0; e < epochs; e++) {
            t.trainEpoch();
        }
        return PlaygroundPicture.boundary(t.captureInternals());
    }

    private static boolean shows(DashboardView view, Picture expected) {
        if (!view.projectedPicture.isVisible() || view.projectedPicture.getCols() != expected.cols()
                || view.projectedPicture.getRows() != expected.rows()) {
            return false;
        }
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                if (Math.abs(view.projectedPicture.valueAt(c, r) - expected.valueAt(c, r)) > 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void awaitPaused(TrainingRun<?> run, long epoch) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (run.state() != RunState.PAUSED || run.epoch() != epoch) {
            assertThat(System.nanoTime()).as("run paused at epoch " + epoch).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private DashboardView dashboardOf(String teacher) {
        login(teacher, "TEACHER");
        UI.getCurrent().navigate("dashboard/" + a.id());
        return _get(DashboardView.class);
    }

    private static StudentRun row(DashboardView view, String student) {
        return view.grid.getListDataView().getItems().filter(r -> r.username().equals(student)).findFirst()
                .orElseThrow();
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
        assertThat(view.grid.getColumns().get(4).getHeaderText()).isEqualTo("Training loss");

        training.start("minji", minjiRun.id());
        awaitUi(Duration.ofSeconds(30), "epochs on the dashboard", () -> {
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
        awaitUi(Duration.ofSeconds(30), "projected curve", () -> view.projectedCurve.pointCount(0) > 5);
        assertThat(view.projectedCurve.yValues(0)[0]).isEqualTo(0.5);
        assertThat(view.projectedFigures.getText()).startsWith("Epoch ").contains(" · train loss ");
        // a playground run whose internals are not the playground's: a clear line instead of an empty box
        assertThat(view.projectedPicture.isVisible()).isFalse();
        assertThat(view.noPicture.isVisible()).isTrue();
        assertThat(view.noPicture.getText()).startsWith("No picture yet");
        view.projection.close();
    }

    @Test
    void aRunOnAnotherServerInstanceIsListedButNotProjectable() {
        jdbc.update("DELETE FROM live_run");
        jdbc.update("INSERT INTO live_run (run_id, instance_id, owner, lab, state, epoch, train_loss, accuracy, "
                + "updated_at) VALUES ('remote', 'other-instance', 'jisoo', 'depth', 'RUNNING', 123, 0.5, NULL, ?)",
                java.sql.Timestamp.from(java.time.Instant.now()));
        login("kim", "TEACHER");
        UI.getCurrent().navigate("dashboard/" + a.id());
        DashboardView view = _get(DashboardView.class);
        assertThat(_getFormattedRow(view.grid, 0)).startsWith("Jisoo", "Vanishing gradient", "Training", "123");
        StudentRun jisoo = row(view, "jisoo");
        assertThat(jisoo.onThisServer()).isFalse();
        Button eye = (Button) GridKt._getCellComponent(view.grid, 0, "project");
        assertThat(eye.isEnabled()).isFalse();
        assertThat(eye.getTooltip().getText()).startsWith("This run trains on another server");
        jdbc.update("DELETE FROM live_run");
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

    @Test
    void aProjectedPlaygroundRunShowsItsDecisionBoundaryAndFollowsMoreEpochs() {
        TrainingRun<PlaygroundInternals> run = training.create("jisoo", "playground",
                PlaygroundTrainer.factory(CIRCLE, circle(), null, built -> { }),
                new RunSettings(SEED, Speed.UNLIMITED, StopConditions.none()));
        watch("jisoo", run);
        training.step("jisoo", run.id(), 3);
        awaitPaused(run, 3);
        DashboardView view = dashboardOf("kim");
        view.project(row(view, "jisoo"), run.status());

        Picture afterThree = boundaryAfter(3);
        awaitUi(Duration.ofSeconds(30), "the boundary after 3 epochs", () -> shows(view, afterThree));
        assertThat(view.projectedPicture.getCols()).isEqualTo(50);
        assertThat(view.projectedPicture.getRows()).isEqualTo(50);
        assertThat(view.projectedPicture.getMin()).isEqualTo(-1.0);
        assertThat(view.projectedPicture.getMax()).isEqualTo(1.0);
        assertThat(view.projectedCaption.getText()).startsWith("Decision boundary");
        assertThat(view.projectedPicture.getValueLabel()).as("the colour bar names its quantity")
                .isEqualTo("network output");
        assertThat(view.noPicture.isVisible()).isFalse();
        assertThat(view.projectedFigures.getText()).startsWith("Epoch 3 · train loss ").contains(" · test loss ")
                .contains(" · accuracy ").endsWith(" %");

        // the student trains on: the projection follows
        training.step("jisoo", run.id(), 4);
        Picture afterSeven = boundaryAfter(7);
        assertThat(afterSeven).isNotEqualTo(afterThree);
        awaitUi(Duration.ofSeconds(30), "the boundary after 7 epochs", () -> shows(view, afterSeven));
        assertThat(view.projectedFigures.getText()).startsWith("Epoch 7 · ");
        view.projection.close();
    }

    @Test
    void oneRowPerStudentShowsTheRunTrainingAndFoldsInTheOtherOpenRun() {
        // Minji has a second tab on the depth lab, training; the playground run of the first tab waits
        TrainingRun<Double> second = training.create("minji", "depth", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(400)));
        watch("minji", second);
        training.start("minji", second.id());
        DashboardView view = dashboardOf("kim");
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_getFormattedRow(view.grid, 1)).startsWith("Minji", "Vanishing gradient (+1 more open)");
        assertThat(_getFormattedRow(view.grid, 1).get(2)).isIn("Training", "Finished");
        assertThat(row(view, "minji").run().orElseThrow().runId()).isEqualTo(second.id());
    }

    @Test
    void aRunNobodyWatchesAnyMoreLeavesTheDashboard() {
        // Jisoo left her lab (or logged out): the page's subscription is gone, the run waits for its idle timeout
        TrainingRun<Double> left = training.create("jisoo", "depth", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(400)));
        Subscription tab = watch("jisoo", left);
        training.step("jisoo", left.id(), 4);
        awaitPaused(left, 4);
        DashboardView view = dashboardOf("kim");
        assertThat(_getFormattedRow(view.grid, 0)).startsWith("Jisoo", "Vanishing gradient", "Paused", "4");

        tab.close();
        view.refresh();
        assertThat(_getFormattedRow(view.grid, 0)).startsWith("Jisoo", "", "Not training");
        assertThat(training.runsOf("jisoo")).hasSize(1); // still there until the idle timeout, just not listed
    }

    @Test
    void rowsAreUpdatedInPlaceSoTheirButtonsStay() {
        DashboardView view = dashboardOf("kim");
        // the browser shows every row (all rows visible): the grid renders their buttons
        MockVaadin.clientRoundtrip();
        int made = view.projectButtonsMade;
        assertThat(made).isPositive();

        training.start("minji", minjiRun.id());
        // (read the rows' data, not their rendering: Karibu's formatted row makes components of its own)
        awaitUi(Duration.ofSeconds(30), "epochs on the dashboard", () -> {
            view.refresh();
            return row(view, "minji").run().orElseThrow().epoch() > 5;
        });
        // Jisoo opens a lab: her row now shows a run and its button
        TrainingRun<Double> jisoo = training.create("jisoo", "depth", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3)));
        watch("jisoo", jisoo);
        view.refresh();
        MockVaadin.clientRoundtrip();
        assertThat(view.projectButtonsMade).as("buttons kept, not made again").isEqualTo(made);

        // the click projects the run the row shows now
        Button jisooEye = (Button) GridKt._getCellComponent(view.grid, 0, "project");
        assertThat(jisooEye.isVisible()).isTrue();
        jisooEye.click();
        assertThat(view.projection.isOpened()).isTrue();
        assertThat(view.projection.getHeaderTitle()).isEqualTo("Jisoo · Vanishing gradient");
        view.projection.close();
    }

    @Test
    void theDashboardStopsPollingWhenTheTeacherLeavesItHoweverOftenTheyCame() {
        UI ui = UI.getCurrent();
        int before = ComponentUtil.getListeners(ui, PollEvent.class).size();
        for (int visit = 0; visit < 3; visit++) {
            dashboardOf("kim");
            assertThat(ComponentUtil.getListeners(ui, PollEvent.class)).hasSize(before + 1);
            assertThat(ui.getPollInterval()).isEqualTo(DashboardView.REFRESH_MILLIS);
            ui.navigate(ClassesView.class);
            assertThat(ComponentUtil.getListeners(ui, PollEvent.class)).hasSize(before);
            assertThat(ui.getPollInterval()).isEqualTo(-1);
        }
        // a poll after leaving reaches no dashboard: the detached view does not read the class any more
        DashboardView left = dashboardOf("kim");
        ui.navigate(ClassesView.class);
        int rowsBefore = left.rows.getItems().size();
        watch("jisoo", training.create("jisoo", "depth", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3))));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertThat(left.rows.getItems()).hasSize(rowsBefore);
        assertThat(left.rows.getItems()).filteredOn(r -> r.username().equals("jisoo"))
                .allSatisfy(r -> assertThat(r.run()).isEmpty());
    }

    @Test
    void everyTrainingLabHasOnePictureBean() {
        assertThat(pictures).extracting(LivePicture::lab)
                .containsExactlyInAnyOrder("playground", "descent", "depth", "sequence", "autoencoder");
    }

    @Test
    void aLabWithoutAPictureSaysSoInsteadOfAnEmptyBox() {
        TrainingRun<Double> run = training.create("jisoo", "activation", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.UNLIMITED, StopConditions.maxEpochs(3)));
        watch("jisoo", run);
        training.start("jisoo", run.id());
        DashboardView view = dashboardOf("kim");
        view.project(row(view, "jisoo"), run.status());
        awaitUi(Duration.ofSeconds(30), "the run's figures", () -> view.projectedFigures.getText()
                .startsWith("Epoch 3"));
        assertThat(view.projectedPicture.isVisible()).isFalse();
        assertThat(view.noPicture.getText()).isEqualTo(
                "This lab has no picture to project: follow the run on its loss curve.");
        view.projection.close();
    }
}
