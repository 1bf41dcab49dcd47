package io.tinynets.classroom;

import io.tinynets.training.RunSettings;
import io.tinynets.training.RunState;
import io.tinynets.training.Speed;
import io.tinynets.training.StopConditions;
import io.tinynets.training.Subscription;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class spread over two server instances: this instance publishes its runs to {@code live_run}, and the dashboard
 * shows the other instance's runs (rows written here as that instance would) next to its own.
 */
@SpringBootTest
class LiveRunBoardTest {

    @Autowired
    LiveRunBoard board;
    @Autowired
    DashboardService dashboard;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    TrainingService training;
    @Autowired
    JdbcTemplate jdbc;
    private SchoolClass c;
    /** Open lab pages: only runs someone watches are on the board. */
    private final List<Subscription> tabs = new ArrayList<>();

    private <I> TrainingRun<I> watched(TrainingRun<I> run) {
        tabs.add(training.subscribe(run.ownerId(), run.id(), s -> { }));
        return run;
    }

    @BeforeEach
    void classOfTwo() {
        jdbc.update("DELETE FROM live_run");
        c = ClassroomFixtures.kimsClass(jdbc, accounts, classes, "minji", "jisoo");
    }

    @AfterEach
    void stopRuns() {
        tabs.forEach(Subscription::close);
        training.runsOf("minji").forEach(r -> training.cancel("minji", r.id()));
    }

    private void otherInstanceRow(String runId, String owner, long epoch, Instant updated) {
        jdbc.update("INSERT INTO live_run (run_id, instance_id, owner, lab, state, epoch, train_loss, accuracy, "
                        + "updated_at) VALUES (?, 'other-instance', ?, 'depth', 'RUNNING', ?, 0.25, NULL, ?)",
                runId, owner, epoch, Timestamp.from(updated));
    }

    @Test
    void thisInstancesRunsArePublishedAndRemovedWhenTheyAreGone() {
        TrainingRun<Double> run = watched(training.create("minji", "playground", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3))));
        board.publish();
        assertThat(jdbc.queryForList("SELECT owner, lab, state, instance_id FROM live_run WHERE run_id = ?",
                run.id())).singleElement().satisfies(row -> {
                    assertThat(row.get("OWNER")).isEqualTo("minji");
                    assertThat(row.get("LAB")).isEqualTo("playground");
                    assertThat(row.get("STATE")).isEqualTo("READY");
                    assertThat(row.get("INSTANCE_ID")).isEqualTo(board.instanceId());
                });
        training.cancel("minji", run.id());
        board.publish();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM live_run", Long.class)).isZero();
    }

    @Test
    void anAnonymousVisitorsRunIsPublishedToo() {
        // what CurrentUser.trainerId() gives a visitor without a login: 44 characters, longer than any username
        String visitor = "session-" + UUID.randomUUID();
        TrainingRun<Double> run = watched(training.create(visitor, "playground", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3))));
        try {
            board.publish();
            assertThat(jdbc.queryForList("SELECT owner FROM live_run WHERE run_id = ?", String.class, run.id()))
                    .containsExactly(visitor);
        } finally {
            training.cancel(visitor, run.id());
        }
        board.publish();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM live_run", Long.class)).isZero();
    }

    @Test
    void theDashboardShowsAnotherInstancesFreshRunsMarkedAsElsewhere() {
        TrainingRun<Double> local = watched(training.create("minji", "playground", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3))));
        otherInstanceRow("remote-1", "jisoo", 42, Instant.now());
        otherInstanceRow("remote-old", "minji", 7, Instant.now().minusSeconds(60)); // a stopped instance
        otherInstanceRow("remote-foreign", "someone-else", 9, Instant.now()); // not in this class
        jdbc.update("INSERT INTO live_run (run_id, instance_id, owner, lab, state, epoch, updated_at) "
                + "VALUES ('remote-newer', 'other-instance', 'minji', 'depth', 'WARMING_UP', 1, ?)",
                Timestamp.from(Instant.now())); // a state of a newer version: left out, not an error

        List<StudentRun> rows = dashboard.liveRuns("kim", c.id());
        assertThat(rows).hasSize(2);
        StudentRun jisoo = rows.stream().filter(r -> r.username().equals("jisoo")).findFirst().orElseThrow();
        assertThat(jisoo.onThisServer()).isFalse();
        assertThat(jisoo.run().orElseThrow().epoch()).isEqualTo(42);
        assertThat(jisoo.run().orElseThrow().labKey()).isEqualTo("depth");
        assertThat(jisoo.run().orElseThrow().state()).isEqualTo(RunState.RUNNING);
        assertThat(jisoo.run().orElseThrow().trainLoss().getAsDouble()).isEqualTo(0.25);
        assertThat(jisoo.run().orElseThrow().accuracy()).isEmpty();
        StudentRun minji = rows.stream().filter(r -> r.username().equals("minji")).findFirst().orElseThrow();
        assertThat(minji.onThisServer()).isTrue();
        assertThat(minji.run().orElseThrow().runId()).isEqualTo(local.id());
    }

    @Test
    void staleRowsOfStoppedInstancesAreRemovedOnPublishing() {
        otherInstanceRow("remote-old", "minji", 7, Instant.now().minusSeconds(60));
        otherInstanceRow("remote-fresh", "jisoo", 8, Instant.now());
        watched(training.create("minji", "playground", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3))));
        board.publish();
        assertThat(jdbc.queryForList("SELECT run_id FROM live_run WHERE instance_id = 'other-instance'",
                String.class)).containsExactly("remote-fresh");
    }

    @Test
    void aRunNobodyWatchesIsNotPublishedNorListed() {
        TrainingRun<Double> left = training.create("minji", "playground", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3)));
        TrainingRun<Double> open = watched(training.create("minji", "depth", DecayTrainer.FACTORY,
                new RunSettings(1, Speed.epochsPerSecond(200), StopConditions.maxEpochs(3))));
        board.publish();
        assertThat(jdbc.queryForList("SELECT run_id FROM live_run", String.class)).containsExactly(open.id());
        assertThat(board.runsOf(List.of("minji"))).extracting(e -> e.getKey().runId()).containsExactly(open.id());
        assertThat(left.state()).isEqualTo(RunState.READY);
    }
}
