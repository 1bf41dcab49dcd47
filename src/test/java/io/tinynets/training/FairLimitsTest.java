package io.tinynets.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server-wide limits an anonymous script cannot exhaust, with the default settings: runs held in any state are
 * capped, visitors without an account share only part of the server, and one network address only a few runs in a
 * few sessions; logged-in class members keep their reserve.
 */
class FairLimitsTest {

    private static final String SCRIPT = "198.51.100.7";

    private final TrainingService service = new TrainingService(TrainingLimits.defaults());
    private final TrainingLimits limits = service.limits();

    @AfterEach
    void close() {
        service.close();
    }

    private TrainingRun<FakeTrainer.Internals> create(Requester requester) {
        return service.create(requester, "fake", new FakeTrainer.Config().factory(), RunSettings.seeded(1));
    }

    private static Requester visitor(int session, String address) {
        return Requester.anonymous("session-" + address + "-" + session, address);
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
            return null;
        } catch (TrainingRefusedException e) {
            return e.messageKey();
        }
    }

    @Test
    void fortyAnonymousSessionsFromOneAddressGetOnlyThatAddressesShare() {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<TrainingRun<?>> created = new ArrayList<>();
        for (int session = 0; session < 40; session++) {
            for (int i = 0; i < 3; i++) {
                Requester requester = visitor(session, SCRIPT);
                String refused = refusal(() -> created.add(create(requester)));
                outcomes.merge(refused == null ? "created" : refused, 1, Integer::sum);
            }
        }
        // 4 sessions × 3 runs, then every other try is refused by the address's cap, never by a server-wide one
        assertThat(outcomes).containsExactly(Map.entry("created", 12),
                Map.entry(TrainingService.REFUSED_ADDRESS_RUNS, 108));
        assertThat(service.heldCount()).isEqualTo(12).isLessThan(limits.maxRunsAnonymous());
        created.forEach(run -> service.start(run.ownerId(), run.id()));
        assertThat(service.runningCount()).isEqualTo(12);

        // the rest of the world is untouched: a visitor elsewhere and a class member can create and train
        TrainingRun<?> elsewhere = create(visitor(0, "203.0.113.9"));
        service.start(elsewhere.ownerId(), elsewhere.id());
        TrainingRun<?> member = create(Requester.account("minji", SCRIPT));
        service.start("minji", member.id());
        assertThat(member.state()).isEqualTo(RunState.RUNNING);
        assertThat(service.runningCount()).isEqualTo(14);
    }

    @Test
    void oneAddressOpensOnlyAFewAnonymousSessions() {
        for (int session = 0; session < limits.anonymousSessionsPerAddress(); session++) {
            create(visitor(session, SCRIPT));
        }
        int next = limits.anonymousSessionsPerAddress();
        assertThatThrownBy(() -> create(visitor(next, SCRIPT)))
                .isInstanceOfSatisfying(TrainingRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(TrainingService.REFUSED_ADDRESS_SESSIONS);
                    assertThat(e.args()).containsExactly(6);
                });
        // a session that already trains there may open more runs, up to the address's cap
        create(visitor(0, SCRIPT));
        assertThat(service.heldCount()).isEqualTo(limits.anonymousSessionsPerAddress() + 1);
    }

    @Test
    void requestsWithoutAKnownAddressShareOneAddressesCaps() {
        for (int i = 0; i < limits.anonymousRunsPerAddress(); i++) {
            create(Requester.anonymous("session-" + (i / 2), null));
        }
        assertThat(refusal(() -> create(Requester.anonymous("session-0", " ")))).isEqualTo(
                TrainingService.REFUSED_ADDRESS_RUNS);
    }

    @Test
    void visitorsFromManyAddressesFillOnlyTheirShareAndMembersKeepTheReserve() {
        // a botnet: 40 addresses, 3 runs each, is exactly the visitors' share of 120 held runs
        List<TrainingRun<?>> anonymous = new ArrayList<>();
        for (int address = 0; address < 40; address++) {
            for (int i = 0; i < 3; i++) {
                anonymous.add(create(visitor(0, "10.0.0." + address)));
            }
        }
        assertThat(anonymous).hasSize(limits.maxRunsAnonymous());
        assertThatThrownBy(() -> create(visitor(0, "10.0.1.1")))
                .isInstanceOfSatisfying(TrainingRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(TrainingService.REFUSED_ANONYMOUS_RUNS);
                    assertThat(e.args()).containsExactly(120);
                });

        // they may train only their share at once
        int started = 0;
        String refused = null;
        for (TrainingRun<?> run : anonymous) {
            refused = refusal(() -> service.start(run.ownerId(), run.id()));
            if (refused != null) {
                break;
            }
            started++;
        }
        assertThat(started).isEqualTo(limits.maxRunningAnonymous());
        assertThat(refused).isEqualTo(TrainingService.REFUSED_ANONYMOUS_RUNNING);

        // a class of 40 members still creates and trains its runs in the reserve
        for (int student = 0; student < 40; student++) {
            String name = "student" + student;
            for (int i = 0; i < 3; i++) {
                TrainingRun<?> run = create(Requester.account(name, "10.0.0." + student));
                if (i == 0) {
                    service.start(name, run.id());
                }
            }
        }
        assertThat(service.heldCount()).isEqualTo(240);
        assertThat(service.runningCount()).isEqualTo(100);

        // and the server's own cap on runs held in memory holds for everyone
        assertThatThrownBy(() -> create(Requester.account("teacher", "10.0.2.1")))
                .isInstanceOfSatisfying(TrainingRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(TrainingService.REFUSED_GLOBAL_RUNS);
                    assertThat(e.args()).containsExactly(240);
                });
    }

    @Test
    void pausedWaitingAndEndedRunsCountAgainstTheServerCap() {
        TrainingService small = new TrainingService(TrainingLimits.defaults().withRuns(4, 10));
        try {
            var ready = small.create("minji", "fake", new FakeTrainer.Config().factory(), RunSettings.seeded(1));
            var paused = small.create("minji", "fake", new FakeTrainer.Config().factory(), RunSettings.seeded(2));
            small.start("minji", paused.id());
            small.pause("minji", paused.id());
            var finished = small.create("jisoo", "fake", new FakeTrainer.Config().factory(),
                    RunSettings.seeded(3).withStop(StopConditions.maxEpochs(2)));
            small.start("jisoo", finished.id());
            var running = small.create("jisoo", "fake", new FakeTrainer.Config().spin(100).factory(),
                    RunSettings.seeded(4));
            small.start("jisoo", running.id());
            assertThat(ready.state()).isEqualTo(RunState.READY);
            assertThat(paused.state()).isEqualTo(RunState.PAUSED);

            assertThat(refusal(() -> small.create("kim", "fake", new FakeTrainer.Config().factory(),
                    RunSettings.seeded(5)))).isEqualTo(TrainingService.REFUSED_GLOBAL_RUNS);
            small.cancel("minji", ready.id());
            small.create("kim", "fake", new FakeTrainer.Config().factory(), RunSettings.seeded(5));
            assertThat(small.heldCount()).isEqualTo(4);
        } finally {
            small.close();
        }
    }
}
