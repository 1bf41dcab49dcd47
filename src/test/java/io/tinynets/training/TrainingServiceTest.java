package io.tinynets.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingServiceTest {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    private TrainingService service = new TrainingService(TrainingLimits.defaults());

    @AfterEach
    void closeService() {
        service.close();
    }

    private void use(TrainingLimits limits) {
        service.close();
        service = new TrainingService(limits);
    }

    private TrainingRun<FakeTrainer.Internals> create(String user, FakeTrainer.Config config, RunSettings settings) {
        return service.create(user, "fake", config.factory(), settings);
    }

    private TrainingRun<FakeTrainer.Internals> create(FakeTrainer.Config config, StopConditions stop) {
        return create(ALICE, config, RunSettings.seeded(42).withStop(stop));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double[] losses(List<MetricPoint> points) {
        return points.stream().mapToDouble(MetricPoint::trainLoss).toArray();
    }

    // ---- progress and stop conditions ---------------------------------------------------------------------

    @Test
    void runTrainsUntilMaxEpochsAndFinishes() {
        var run = create(new FakeTrainer.Config(), StopConditions.maxEpochs(200));
        assertThat(run.state()).isEqualTo(RunState.READY);

        service.start(ALICE, run.id());
        await("finished", () -> run.state() == RunState.FINISHED);

        assertThat(run.epoch()).isEqualTo(200);
        assertThat(run.history()).extracting(MetricPoint::epoch).containsExactlyElementsOf(range(1, 200));
        assertThat(run.advice()).contains(Advice.of("training.finished.maxEpochs", 200L));
    }

    @Test
    void runStopsWhenTargetLossIsReached() {
        var run = create(new FakeTrainer.Config(), StopConditions.maxEpochs(10_000).withTargetLoss(0.2));
        service.start(ALICE, run.id());
        await("finished", () -> run.state() == RunState.FINISHED);

        double[] losses = losses(run.history());
        assertThat(losses[losses.length - 1]).isLessThanOrEqualTo(0.2);
        assertThat(Arrays.stream(losses, 0, losses.length - 1).allMatch(loss -> loss > 0.2)).isTrue();
        assertThat(run.advice().orElseThrow().messageKey()).isEqualTo("training.finished.targetLoss");
    }

    @Test
    void theServiceEpochLimitStopsARunWithoutItsOwnMax() {
        use(TrainingLimits.defaults().withSizes(1000, 50, 1000));
        var run = create(new FakeTrainer.Config(), StopConditions.none());
        service.start(ALICE, run.id());
        await("finished", () -> run.state() == RunState.FINISHED);
        assertThat(run.epoch()).isEqualTo(50);
    }

    // ---- pause, resume, step, reset, live settings ---------------------------------------------------------

    @Test
    void pauseStopsTrainingAndResumeContinues() {
        var run = create(new FakeTrainer.Config().spin(20), StopConditions.none());
        service.start(ALICE, run.id());
        assertThat(run.state()).isEqualTo(RunState.RUNNING);
        await("some epochs", () -> run.epoch() >= 20);

        service.pause(ALICE, run.id());
        assertThat(run.state()).isEqualTo(RunState.PAUSED);
        sleep(20); // an epoch in flight may still land
        long paused = run.epoch();
        sleep(60);
        assertThat(run.epoch()).isEqualTo(paused);

        service.resume(ALICE, run.id());
        await("progress after resume", () -> run.epoch() > paused + 20);
        List<MetricPoint> history = run.history(); // one read: the run is still training
        assertThat(history).extracting(MetricPoint::epoch).containsExactlyElementsOf(range(1, history.size()));
    }

    @Test
    void stepTrainsExactlyTheRequestedEpochsThenPauses() {
        var run = create(new FakeTrainer.Config(), StopConditions.none());
        service.step(ALICE, run.id(), 1);
        await("paused after one step", () -> run.state() == RunState.PAUSED);
        assertThat(run.epoch()).isEqualTo(1);

        service.step(ALICE, run.id(), 5);
        await("paused after five more", () -> run.state() == RunState.PAUSED && run.epoch() == 6);
        sleep(30);
        assertThat(run.epoch()).isEqualTo(6);
    }

    @Test
    void resetRebuildsTheSameStartFromTheSeed() {
        var config = new FakeTrainer.Config();
        var run = create(config, StopConditions.maxEpochs(30));
        service.start(ALICE, run.id());
        await("finished", () -> run.state() == RunState.FINISHED);
        double[] first = losses(run.history());

        service.reset(ALICE, run.id());
        assertThat(run.state()).isEqualTo(RunState.READY);
        assertThat(run.epoch()).isZero();
        assertThat(run.advice()).isEmpty();
        service.start(ALICE, run.id());
        await("finished again", () -> run.state() == RunState.FINISHED);
        assertThat(losses(run.history())).containsExactly(first);
        assertThat(config.built.get()).isEqualTo(2);

        service.reset(ALICE, run.id(), 7);
        service.start(ALICE, run.id());
        await("finished with another seed", () -> run.state() == RunState.FINISHED);
        assertThat(losses(run.history())).isNotEqualTo(first);
    }

    @Test
    void learningRateAndRegularizationChangeLiveWithoutReset() {
        var run = create(new FakeTrainer.Config(), StopConditions.none());
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            service.setSpeed(ALICE, run.id(), Speed.epochsPerSecond(200));
            service.start(ALICE, run.id());
            await("a few epochs", () -> run.epoch() >= 5);

            service.setLearningRate(ALICE, run.id(), 0.5);
            service.setHyperparameter(ALICE, run.id(), "l2", 0.01);
            long changedAt = run.epoch();
            await("trainer uses the new settings", () -> !seen.isEmpty()
                    && seen.get(seen.size() - 1).internals().learningRate() == 0.5
                    && seen.get(seen.size() - 1).internals().l2() == 0.01);
            assertThat(run.learningRate()).isEqualTo(0.5);
            assertThat(run.hyperparameters()).containsEntry("l2", 0.01);
            assertThat(run.epoch()).isGreaterThanOrEqualTo(changedAt); // not reset
        }
    }

    @Test
    void invalidLiveSettingsAreRefusedWithAReason() {
        var run = create(new FakeTrainer.Config(), StopConditions.none());
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 101}) {
            assertThatThrownBy(() -> service.setLearningRate(ALICE, run.id(), bad))
                    .isInstanceOfSatisfying(TrainingRefusedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("training.refused.learningRate"));
        }
        assertThatThrownBy(() -> service.setHyperparameter(ALICE, run.id(), "l2", 2))
                .isInstanceOfSatisfying(TrainingRefusedException.class, e -> assertThat(e.args()).containsExactly("l2", 2.0, 0.0, 1.0));
        assertThatThrownBy(() -> service.setHyperparameter(ALICE, run.id(), "momentum", 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("l2");
        assertThatThrownBy(() -> service.step(ALICE, run.id(), 0))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.epochs"));
        assertThatThrownBy(() -> Speed.epochsPerSecond(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochsPerSecond");
        assertThat(run.learningRate()).isEqualTo(0.1);
    }

    @Test
    void speedLimitsEpochsPerSecond() {
        var run = create(ALICE, new FakeTrainer.Config(),
                RunSettings.seeded(1).withSpeed(Speed.epochsPerSecond(50)));
        service.start(ALICE, run.id());
        sleep(500);
        service.pause(ALICE, run.id());
        // 25 expected; generous bounds because the machine is shared
        assertThat(run.epoch()).isBetween(12L, 32L);
    }

    // ---- divergence and failure ----------------------------------------------------------------------------

    @Test
    void divergingRunStopsWithAdvice() {
        var config = new FakeTrainer.Config();
        config.nanLossAt = 37;
        config.learningRate = 3.0;
        var run = create(config, StopConditions.none());
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            service.start(ALICE, run.id());
            await("diverged", () -> run.state() == RunState.DIVERGED);
            assertThat(run.epoch()).isEqualTo(36); // the NaN epoch is not drawn
            Advice advice = Advice.of("training.diverged.lossNaN", 37L, 3.0, 0.3);
            assertThat(run.advice()).contains(advice);
            await("diverged snapshot", () -> !seen.isEmpty() && seen.get(seen.size() - 1).state() == RunState.DIVERGED);
            assertThat(seen.get(seen.size() - 1).message()).contains(advice);
        }
        assertThatThrownBy(() -> service.start(ALICE, run.id()))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.ended"));
    }

    @Test
    void weightsBecomingInfiniteAlsoDiverge() {
        var config = new FakeTrainer.Config();
        config.infiniteWeightsAt = 5;
        var run = create(config, StopConditions.none());
        service.start(ALICE, run.id());
        await("diverged", () -> run.state() == RunState.DIVERGED);
        assertThat(run.advice().orElseThrow().messageKey()).isEqualTo("training.diverged.weights");
    }

    @Test
    void aThrowingTrainerFailsItsRunButNotTheWorkers() {
        var broken = new FakeTrainer.Config();
        broken.throwAt = 5;
        var run = create(broken, StopConditions.none());
        service.start(ALICE, run.id());
        await("failed", () -> run.state() == RunState.FAILED);
        assertThat(run.epoch()).isEqualTo(4);
        Advice advice = run.advice().orElseThrow();
        assertThat(advice.messageKey()).isEqualTo("training.failed");
        assertThat(advice.args()).containsExactly(5L, "IllegalStateException: fake trainer broke");

        int workers = TrainingLimits.defaults().effectiveWorkerThreads();
        List<TrainingRun<FakeTrainer.Internals>> healthy = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            healthy.add(create(BOB, new FakeTrainer.Config(), RunSettings.seeded(i).withStop(StopConditions.maxEpochs(100))));
        }
        healthy.forEach(r -> service.start(BOB, r.id()));
        await("healthy runs finish", () -> healthy.stream().allMatch(r -> r.state() == RunState.FINISHED));
    }

    // ---- snapshots -----------------------------------------------------------------------------------------

    @Test
    void snapshotsAreCoalescedAndTogetherCarryEveryEpochOnce() {
        var config = new FakeTrainer.Config().spin(20);
        var run = create(config, StopConditions.none());
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            service.start(ALICE, run.id());
            sleep(1000);
            service.pause(ALICE, run.id());
            await("paused snapshot", () -> !seen.isEmpty() && seen.get(seen.size() - 1).state() == RunState.PAUSED);
        }
        long epochs = run.epoch();
        assertThat(epochs).isGreaterThan(500); // fast: many epochs per snapshot
        // ~10 a second over one second, plus the ones for subscribe, start and pause
        assertThat(seen).hasSizeBetween(3, 15);
        assertThat(config.captures.get()).isLessThanOrEqualTo(seen.size());
        assertThat(seen.get(0).fromStart()).isTrue();
        assertThat(seen.subList(1, seen.size())).noneMatch(Snapshot::fromStart);
        List<Long> union = seen.stream().flatMap(s -> s.newPoints().stream()).map(MetricPoint::epoch).toList();
        assertThat(union).containsExactlyElementsOf(range(1, (int) epochs));
        assertThat(seen.get(seen.size() - 1).epoch()).isEqualTo(epochs);
    }

    @Test
    void aLateSubscriberGetsTheWholeHistoryFirstAndResetStartsOver() {
        var run = create(new FakeTrainer.Config(), StopConditions.maxEpochs(40));
        service.start(ALICE, run.id());
        await("finished", () -> run.state() == RunState.FINISHED);
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            await("first snapshot", () -> !seen.isEmpty());
            Snapshot<FakeTrainer.Internals> first = seen.get(0);
            assertThat(first.fromStart()).isTrue();
            assertThat(first.newPoints()).hasSize(40);
            assertThat(first.internals().epoch()).isEqualTo(40);

            service.reset(ALICE, run.id());
            await("reset snapshot", () -> seen.size() >= 2);
            Snapshot<FakeTrainer.Internals> reset = seen.get(1);
            assertThat(reset.state()).isEqualTo(RunState.READY);
            assertThat(reset.fromStart()).isTrue();
            assertThat(reset.newPoints()).isEmpty();
            assertThat(reset.internals().epoch()).isZero();
        }
    }

    @Test
    void stateChangesReachTheSubscriberPromptly() {
        var run = create(ALICE, new FakeTrainer.Config(), RunSettings.seeded(1).withSpeed(Speed.epochsPerSecond(2)));
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            service.start(ALICE, run.id());
            await("running snapshot", () -> seen.stream().anyMatch(s -> s.state() == RunState.RUNNING));
            long paused = System.nanoTime();
            service.pause(ALICE, run.id());
            await("paused snapshot", () -> seen.stream().anyMatch(s -> s.state() == RunState.PAUSED));
            // far less than the 500 ms until the next epoch would be due
            assertThat(Duration.ofNanos(System.nanoTime() - paused)).isLessThan(Duration.ofMillis(300));
        }
    }

    // ---- limits and ownership ------------------------------------------------------------------------------

    @Test
    void perUserRunningLimitIsEnforced() {
        List<TrainingRun<FakeTrainer.Internals>> mine = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mine.add(create(new FakeTrainer.Config(), StopConditions.none()));
        }
        for (int i = 0; i < 3; i++) {
            service.start(ALICE, mine.get(i).id());
        }
        assertThatThrownBy(() -> service.start(ALICE, mine.get(3).id()))
                .isInstanceOfSatisfying(TrainingRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.refused.userRunningLimit");
                    assertThat(e.args()).containsExactly(3);
                });
        assertThatThrownBy(() -> service.step(ALICE, mine.get(3).id(), 1)).isInstanceOf(TrainingRefusedException.class);
        service.start(ALICE, mine.get(0).id()); // already running: no refusal

        service.pause(ALICE, mine.get(0).id());
        service.start(ALICE, mine.get(3).id());
        assertThat(mine.get(3).state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void globalRunningLimitIsEnforced() {
        use(TrainingLimits.defaults().withRunning(4, 3));
        for (int i = 0; i < 3; i++) {
            service.start(ALICE, create(new FakeTrainer.Config(), StopConditions.none()).id());
        }
        service.start(BOB, create(BOB, new FakeTrainer.Config(), RunSettings.seeded(1)).id());
        var refused = create(BOB, new FakeTrainer.Config(), RunSettings.seeded(2));
        assertThatThrownBy(() -> service.start(BOB, refused.id()))
                .isInstanceOfSatisfying(TrainingRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.refused.globalRunningLimit");
                    assertThat(e.args()).containsExactly(4);
                });
        assertThat(service.runningCount()).isEqualTo(4);
        assertThat(refused.state()).isEqualTo(RunState.READY);
    }

    @Test
    void sizeLimitsAreEnforcedByTheService() {
        use(TrainingLimits.defaults().withSizes(1000, 500, 200).withRunsPerUser(2));
        var tooBig = new FakeTrainer.Config();
        tooBig.parameters = 1001;
        assertThatThrownBy(() -> create(tooBig, StopConditions.none()))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.args()).containsExactly(1001L, 1000L));
        var tooMuchData = new FakeTrainer.Config();
        tooMuchData.datasetSize = 201;
        assertThatThrownBy(() -> create(tooMuchData, StopConditions.none()))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.datasetSize"));
        assertThatThrownBy(() -> create(new FakeTrainer.Config(), StopConditions.maxEpochs(501)))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.epochs"));
        var tooFastLearner = new FakeTrainer.Config();
        tooFastLearner.learningRate = 1000;
        assertThatThrownBy(() -> create(tooFastLearner, StopConditions.none()))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.learningRate"));

        var run = create(new FakeTrainer.Config(), StopConditions.none());
        assertThatThrownBy(() -> service.step(ALICE, run.id(), 501)).isInstanceOf(TrainingRefusedException.class);
        assertThatThrownBy(() -> service.setStopConditions(ALICE, run.id(), StopConditions.maxEpochs(501)))
                .isInstanceOf(TrainingRefusedException.class);
        create(new FakeTrainer.Config(), StopConditions.none());
        assertThatThrownBy(() -> create(new FakeTrainer.Config(), StopConditions.none()))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.userRunLimit"));
    }

    @Test
    void onlyTheOwnerCanSeeOrControlARun() {
        var run = create(new FakeTrainer.Config(), StopConditions.none());
        assertThatThrownBy(() -> service.start(BOB, run.id()))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.notOwner"));
        assertThatThrownBy(() -> service.subscribe(BOB, run.id(), s -> { }))
                .isInstanceOf(TrainingRefusedException.class);
        assertThatThrownBy(() -> service.cancel(BOB, run.id())).isInstanceOf(TrainingRefusedException.class);
        assertThatThrownBy(() -> service.pause(ALICE, "no-such-run"))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.unknownRun"));
        assertThat(service.runsOf(BOB)).isEmpty();
        assertThat(service.runsOf(ALICE)).containsExactly(run);
        assertThat(run.state()).isEqualTo(RunState.READY);
    }

    // ---- freeing -------------------------------------------------------------------------------------------

    @Test
    void cancelledRunsFreeTheirThreadsAndTellTheSubscriber() {
        use(TrainingLimits.defaults().withRunning(120, 10));
        int baselineWakeUps = service.pendingWakeUps(); // the idle sweep
        List<TrainingRun<FakeTrainer.Internals>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Speed speed = i % 2 == 0 ? Speed.UNLIMITED : Speed.epochsPerSecond(5);
            runs.add(create(ALICE, new FakeTrainer.Config().spin(50), RunSettings.seeded(i).withSpeed(speed)));
        }
        runs.forEach(r -> service.start(ALICE, r.id()));
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        service.subscribe(ALICE, runs.get(0), seen::add);
        await("training", () -> runs.get(0).epoch() > 10);

        runs.forEach(r -> service.cancel(ALICE, r.id()));
        await("all freed", () -> runs.stream().allMatch(TrainingRun::isFreed));
        await("workers idle", () -> service.activeWorkers() == 0 && service.queuedSlices() == 0);
        assertThat(service.pendingWakeUps()).isEqualTo(baselineWakeUps);
        assertThat(runs).allMatch(r -> r.state() == RunState.CANCELLED && r.subscriberCount() == 0);
        await("cancel snapshot", () -> seen.stream().anyMatch(s -> s.state() == RunState.CANCELLED));
        assertThatThrownBy(() -> service.run(ALICE, runs.get(0).id())).isInstanceOf(TrainingRefusedException.class);
        assertThat(service.runningCount()).isZero();
    }

    @Test
    void closingTheLastSubscriptionPausesTheRunAndFreesItAfterTheIdleTimeout() {
        use(TrainingLimits.defaults().withIdleTimeout(Duration.ofMillis(300)));
        var run = create(new FakeTrainer.Config().spin(20), StopConditions.none());
        Subscription first = service.subscribe(ALICE, run.id(), s -> { });
        Subscription second = service.subscribe(ALICE, run.id(), s -> { });
        service.start(ALICE, run.id());
        first.close();
        assertThat(run.state()).isEqualTo(RunState.RUNNING); // someone still watches
        second.close();
        second.close();
        assertThat(run.state()).isEqualTo(RunState.PAUSED);
        assertThat(run.advice()).contains(Advice.of("training.paused.idle"));
        assertThat(service.holds(run.id())).isTrue();

        await("freed after the idle timeout", () -> !service.holds(run.id()) && run.isFreed());
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
    }

    // ---- fairness ------------------------------------------------------------------------------------------

    @Test
    void sixtyConcurrentRunsAllMakeProgress() {
        use(TrainingLimits.defaults().withRunning(120, 60));
        List<TrainingRun<FakeTrainer.Internals>> runs = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String user = "student" + (i % 20);
            var run = create(user, new FakeTrainer.Config().spin(200), RunSettings.seeded(i));
            subscriptions.add(service.subscribe(user, run.id(), s -> { }));
            runs.add(run);
        }
        for (var run : runs) {
            service.start(run.ownerId(), run.id());
        }
        // Wait for progress rather than a fixed time, so a loaded machine slows the test instead of failing it:
        // on an idle 2-core machine every run passes 30 epochs within about 0.3 s (60 × 30 × 200 µs / 2 cores).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (runs.stream().mapToLong(TrainingRun::epoch).min().orElse(0) < 30 && System.nanoTime() < deadline) {
            sleep(50);
        }
        sleep(500);
        runs.forEach(r -> service.pause(r.ownerId(), r.id()));
        subscriptions.forEach(Subscription::close);

        List<Long> epochs = new ArrayList<>(runs.stream().map(TrainingRun::epoch).toList());
        Collections.sort(epochs);
        long median = epochs.get(30);
        assertThat(epochs.get(0)).as("the slowest of 60 runs made progress").isGreaterThanOrEqualTo(30);
        assertThat(epochs.get(0)).isGreaterThanOrEqualTo(median / 3);
        assertThat(epochs.get(59)).isLessThanOrEqualTo(median * 3);
    }

    private static List<Long> range(int from, int to) {
        List<Long> values = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}
