package io.tinynets.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The training runtime's behaviour. Timing rules (speed limits, snapshot intervals, idle timeouts) are checked on a
 * {@link ManualClock} the test moves by hand, so they hold exactly however busy the machine is; everything else waits
 * for conditions, never for a fixed time.
 */
class TrainingServiceTest {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    private TrainingService service = new TrainingService(TrainingLimits.defaults());
    private ManualClock clock;

    @AfterEach
    void closeService() {
        service.close();
    }

    private void use(TrainingLimits limits) {
        service.close();
        service = new TrainingService(limits);
    }

    /** A service on a logical clock that moves only when the test says so. */
    private void useManualClock(TrainingLimits limits) {
        service.close();
        clock = new ManualClock();
        service = new TrainingService(limits, clock);
    }

    private TrainingRun<FakeTrainer.Internals> create(String user, FakeTrainer.Config config, RunSettings settings) {
        return service.create(user, "fake", config.factory(), settings);
    }

    private TrainingRun<FakeTrainer.Internals> create(FakeTrainer.Config config, StopConditions stop) {
        return create(ALICE, config, RunSettings.seeded(42).withStop(stop));
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(10), condition);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
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

    /** Until the run has no task queued or working: it can then only move again if a control or the clock wakes it. */
    private static void awaitRest(TrainingRun<?> run) {
        await("run " + run.id() + " at rest", () -> !run.hasTask());
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
    void runFinishesWhenItsTrainerHasNothingLeftToLearnWithTheTrainersReason() {
        FakeTrainer.Config config = new FakeTrainer.Config();
        config.settledAt = 37;
        var run = create(config, StopConditions.maxEpochs(10_000));
        service.start(ALICE, run.id());
        await("finished", () -> run.state() == RunState.FINISHED);

        assertThat(run.epoch()).isEqualTo(37);
        assertThat(run.advice()).contains(Advice.of("fake.settled", 37L));
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

    @Test
    void epochsInSeveralPiecesCountOncePerWholeEpoch() {
        var config = new FakeTrainer.Config().pieces(7);
        var run = create(config, StopConditions.maxEpochs(30));
        service.start(ALICE, run.id());
        await("finished", () -> run.state() == RunState.FINISHED);
        assertThat(run.epoch()).isEqualTo(30);
        assertThat(config.piecesTrained.get()).isEqualTo(30 * 7);
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
        awaitRest(run); // an epoch in flight may still land
        long paused = run.epoch();
        // at rest, with no wake-up pending: nothing can train it until a control does
        assertThat(service.pendingWakeUps()).isZero();
        assertThat(run.hasTask()).isFalse();
        assertThat(run.epoch()).isEqualTo(paused);

        service.resume(ALICE, run.id());
        await("progress after resume", () -> run.epoch() > paused + 20);
        List<MetricPoint> history = run.history(); // one read: the run is still training
        assertThat(history).extracting(MetricPoint::epoch).containsExactlyElementsOf(range(1, history.size()));
    }

    @Test
    void stepTrainsExactlyTheRequestedEpochsThenPauses() {
        var run = create(new FakeTrainer.Config().pieces(3), StopConditions.none());
        service.step(ALICE, run.id(), 1);
        await("paused after one step", () -> run.state() == RunState.PAUSED);
        assertThat(run.epoch()).isEqualTo(1);

        service.step(ALICE, run.id(), 5);
        await("paused after five more", () -> run.state() == RunState.PAUSED && run.epoch() == 6);
        awaitRest(run);
        assertThat(run.epoch()).isEqualTo(6);
        assertThat(service.pendingWakeUps()).isZero();
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

    // ---- timing, on a logical clock ------------------------------------------------------------------------

    @Test
    void aSpeedLimitTrainsOneEpochPerPeriodOfTheClock() {
        useManualClock(TrainingLimits.defaults());
        var run = create(ALICE, new FakeTrainer.Config(), RunSettings.seeded(1).withSpeed(Speed.epochsPerSecond(50)));
        service.start(ALICE, run.id());
        await("the first epoch, due at once", () -> run.epoch() == 1);
        awaitRest(run);
        assertThat(service.pendingWakeUps()).as("a wake-up for the next epoch, not a busy worker").isEqualTo(1);

        // 50 epochs/s: one every 20 ms of the clock, and none before
        clock.advance(Duration.ofMillis(19));
        awaitRest(run);
        assertThat(run.epoch()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        awaitRest(run);
        assertThat(run.epoch()).isEqualTo(2);
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMillis(20));
            awaitRest(run);
        }
        assertThat(run.epoch()).as("500 ms at 50 epochs/s, plus the one at the start").isEqualTo(26);

        service.pause(ALICE, run.id());
        awaitRest(run);
        clock.advance(Duration.ofSeconds(5));
        awaitRest(run);
        assertThat(run.epoch()).as("paused: the clock moves, the run does not").isEqualTo(26);
        assertThat(service.pendingWakeUps()).isZero();
    }

    @Test
    void aSpeedLimitedRunThatFellBehindCatchesUpAtMostATenthOfASecond() {
        useManualClock(TrainingLimits.defaults());
        var run = create(ALICE, new FakeTrainer.Config(), RunSettings.seeded(1).withSpeed(Speed.epochsPerSecond(50)));
        service.start(ALICE, run.id());
        await("the first epoch", () -> run.epoch() == 1);
        awaitRest(run);

        // the machine was busy: the wake-up due in 20 ms comes a whole second late
        clock.jump(Duration.ofSeconds(1));
        clock.advance(Duration.ZERO);
        awaitRest(run);
        // the late epoch itself, then 100 ms worth at 20 ms per epoch (both ends included), not 50 epochs at once
        assertThat(run.epoch()).isEqualTo(1 + 1 + 6);
    }

    @Test
    void stateChangesReachTheSubscriberWithoutWaitingForTheNextEpoch() {
        useManualClock(TrainingLimits.defaults());
        var run = create(ALICE, new FakeTrainer.Config(), RunSettings.seeded(1).withSpeed(Speed.epochsPerSecond(2)));
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            service.start(ALICE, run.id());
            await("running snapshot", () -> seen.stream().anyMatch(s -> s.state() == RunState.RUNNING));
            service.pause(ALICE, run.id());
            // the clock stands still: the next epoch (due in 500 ms) never comes, the pause is told anyway
            await("paused snapshot", () -> seen.stream().anyMatch(s -> s.state() == RunState.PAUSED));
            assertThat(run.epoch()).isEqualTo(1);
        }
    }

    @Test
    void snapshotsAreCoalescedToTheIntervalAndTogetherCarryEveryEpochOnce() {
        useManualClock(TrainingLimits.defaults());
        var config = new FakeTrainer.Config();
        // Paced on the logical clock (10,000 epochs a second: 1,000 per interval) rather than unlimited: an unlimited
        // run on a fast machine reached the 100,000-epoch limit within the test, and its FINISHED snapshot (a state
        // change, rightly sent at once) came on top of the interval's.
        var run = create(ALICE, config, RunSettings.seeded(42).withStop(StopConditions.none())
                .withSpeed(Speed.epochsPerSecond(Speed.MAX_EPOCHS_PER_SECOND)));
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            await("the first snapshot, once the run is ready", () -> seen.size() == 1);
            service.start(ALICE, run.id());
            await("the start's snapshot", () -> seen.size() == 2);

            // hundreds of epochs within half an interval: no snapshot before the 100 ms interval has passed
            clock.advance(Duration.ofMillis(50));
            await("500 epochs", () -> run.epoch() >= 500);
            assertThat(seen).hasSize(2);
            for (int i = 1; i <= 10; i++) {
                // the worker runs on a real thread: let it finish the epochs due so far before the clock moves on,
                // or a busy machine leaves a backlog past the run's catch-up limit and the count falls short
                long due = 500 + 1_000L * (i - 1);
                await("the epochs due by now", () -> run.epoch() >= due);
                clock.advance(Duration.ofMillis(100));
                int expected = 2 + i;
                await("one snapshot per interval", () -> seen.size() >= expected);
                assertThat(seen).hasSize(expected);
            }
            await("the epochs due by now", () -> run.epoch() >= 10_500);
            service.pause(ALICE, run.id());
            await("paused snapshot", () -> seen.get(seen.size() - 1).state() == RunState.PAUSED);
            awaitRest(run);
        }
        long epochs = run.epoch();
        assertThat(epochs).as("paced, far from the epoch limit").isBetween(9_000L, 12_000L);
        assertThat(seen).hasSize(2 + 10 + 1);
        assertThat(config.captures.get()).isLessThanOrEqualTo(seen.size());
        assertThat(seen.get(0).fromStart()).isTrue();
        assertThat(seen.subList(1, seen.size())).noneMatch(Snapshot::fromStart);
        List<Long> union = seen.stream().flatMap(s -> s.newPoints().stream()).map(MetricPoint::epoch).toList();
        assertThat(union).containsExactlyElementsOf(range(1, (int) epochs));
        assertThat(seen.get(seen.size() - 1).epoch()).isEqualTo(epochs);
    }

    @Test
    void closingTheLastSubscriptionPausesTheRunAndFreesItAfterTheIdleTimeout() {
        useManualClock(TrainingLimits.defaults().withIdleTimeout(Duration.ofMinutes(10)));
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

        clock.advance(Duration.ofMinutes(9));
        assertThat(service.holds(run.id())).as("kept within the idle timeout").isTrue();
        clock.advance(Duration.ofMinutes(2)); // the sweep runs every 30 s
        assertThat(service.holds(run.id())).as("freed after it").isFalse();
        await("freed", run::isFreed);
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
    }

    // ---- building and preparing on the pool ----------------------------------------------------------------

    @Test
    void theTrainerIsBuiltOnTheTrainingPoolAndControlsGivenMeanwhileTakeEffectWhenReady() {
        var config = new FakeTrainer.Config();
        config.buildGate = new CountDownLatch(1);
        // create returns while the build waits for the gate: a build on the caller's thread would never return here
        var run = create(config, StopConditions.none());
        assertThat(run.isPreparing()).isTrue();
        assertThat(run.state()).isEqualTo(RunState.READY);
        service.step(ALICE, run.id(), 5);
        assertThat(run.state()).isEqualTo(RunState.RUNNING);
        assertThat(run.epoch()).isZero();

        config.buildGate.countDown();
        await("five epochs, then paused", () -> run.state() == RunState.PAUSED);
        assertThat(run.isPreparing()).isFalse();
        assertThat(run.epoch()).isEqualTo(5);
        assertThat(config.buildThread.get()).startsWith("tinynets-train-");
    }

    @Test
    void aRunSendsItsFirstSnapshotWhenItIsReady() {
        var config = new FakeTrainer.Config();
        config.buildGate = new CountDownLatch(1);
        config.preparePieces = 3;
        var run = create(config, StopConditions.none());
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            await("the build under way", () -> config.buildThread.get() != null);
            assertThat(seen).as("nothing to show while the trainer is not built").isEmpty();
            config.buildGate.countDown();
            await("the first snapshot", () -> !seen.isEmpty());
            assertThat(config.piecesPrepared.get()).isEqualTo(3);
            assertThat(seen.get(0).internals()).isEqualTo(new FakeTrainer.Internals(0, 0.1, 0));
            assertThat(seen.get(0).fromStart()).isTrue();
            assertThat(run.isPreparing()).isFalse();
        }
    }

    @Test
    void aTrainerThatCannotBeBuiltFailsItsRunWithAReason() {
        var config = new FakeTrainer.Config();
        config.throwOnBuild = true;
        var run = create(config, StopConditions.none());
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = service.subscribe(ALICE, run, seen::add)) {
            await("failed", () -> run.state() == RunState.FAILED);
            assertThat(run.isPreparing()).isFalse();
            assertThat(run.advice().orElseThrow().args())
                    .containsExactly(1L, "IllegalStateException: fake trainer could not be built");
            await("failed snapshot", () -> !seen.isEmpty() && seen.get(seen.size() - 1).state() == RunState.FAILED);
            assertThat(seen.get(seen.size() - 1).internals()).isNull();
        }
        // a reset builds again
        config.throwOnBuild = false;
        service.reset(ALICE, run.id());
        service.step(ALICE, run.id(), 2);
        await("trained after the reset", () -> run.state() == RunState.PAUSED && run.epoch() == 2);
    }

    @Test
    void aBuiltTrainerLargerThanItsPlanIsStoppedBeforeItTrains() {
        use(TrainingLimits.defaults().withSizes(1000, 500, 200));
        var config = new FakeTrainer.Config();
        config.plannedParameters = 10;
        config.parameters = 1001;
        var run = create(config, StopConditions.none());
        await("failed", () -> run.state() == RunState.FAILED);
        assertThat(run.advice()).contains(Advice.of("training.refused.parameters", 1001L, 1000L));
        assertThatThrownBy(() -> service.start(ALICE, run.id())).isInstanceOf(TrainingRefusedException.class);
        assertThat(run.epoch()).isZero();
        assertThat(config.piecesTrained.get()).isZero();
    }

    // ---- one slice at a time: no run keeps a worker ---------------------------------------------------------

    @Test
    void aLongEpochYieldsItsWorkerBetweenPieces() {
        use(TrainingLimits.defaults().withWorkerThreads(1));
        // an epoch of a million 10 µs pieces: about ten seconds of work on the only worker
        var endless = new FakeTrainer.Config().spin(10).pieces(1_000_000);
        var longRun = create(ALICE, endless, RunSettings.seeded(1));
        service.start(ALICE, longRun.id());
        await("the long epoch under way", () -> endless.piecesTrained.get() > 0);

        var other = create(BOB, new FakeTrainer.Config(), RunSettings.seeded(2));
        service.start(BOB, other.id());
        await("the other run trains meanwhile", () -> other.epoch() >= 20);
        assertThat(longRun.epoch()).as("the long run is still in its first epoch").isZero();
        service.cancel(ALICE, longRun.id());
    }

    @Test
    void aLongPreparationYieldsItsWorkerBetweenPieces() {
        use(TrainingLimits.defaults().withWorkerThreads(1));
        var slow = new FakeTrainer.Config().spin(10);
        slow.preparePieces = 1_000_000;
        var preparing = create(ALICE, slow, RunSettings.seeded(1));
        await("the preparation under way", () -> slow.piecesPrepared.get() > 0);

        var other = create(BOB, new FakeTrainer.Config(), RunSettings.seeded(2));
        service.start(BOB, other.id());
        await("the other run trains meanwhile", () -> other.epoch() >= 20);
        assertThat(preparing.isPreparing()).isTrue();
        service.cancel(ALICE, preparing.id());
        assertThat(service.workerHolds().tasks()).isPositive();
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

    // ---- limits and ownership ------------------------------------------------------------------------------

    @Test
    void perUserRunningLimitIsEnforced() {
        List<TrainingRun<FakeTrainer.Internals>> mine = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mine.add(create(new FakeTrainer.Config().spin(20), StopConditions.none()));
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
            service.start(ALICE, create(new FakeTrainer.Config().spin(20), StopConditions.none()).id());
        }
        service.start(BOB, create(BOB, new FakeTrainer.Config().spin(20), RunSettings.seeded(1)).id());
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
    void sizeLimitsAreEnforcedByTheServiceBeforeAnythingIsBuilt() {
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
        var oneTooMany = new FakeTrainer.Config();
        assertThatThrownBy(() -> create(oneTooMany, StopConditions.none()))
                .isInstanceOfSatisfying(TrainingRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.refused.userRunLimit"));

        // a refused run never reached its factory: nothing was built, on any thread
        for (FakeTrainer.Config refused : List.of(tooBig, tooMuchData, tooFastLearner, oneTooMany)) {
            assertThat(refused.buildThread.get()).isNull();
            assertThat(refused.built.get()).isZero();
        }
    }

    @Test
    void aFactoryCheckRefusesBeforeTheRunExistsAndOnlyOnceTheLimitsPassed() {
        use(TrainingLimits.defaults().withRunsPerUser(1));
        var checks = new java.util.concurrent.atomic.AtomicInteger();
        TrainerFactory<FakeTrainer.Internals> unfit = TrainerFactory.of(TrainerPlan.of(1, 1, 0.1), () -> {
            checks.incrementAndGet();
            throw new IllegalArgumentException("saved weights do not fit");
        }, seed -> {
            throw new AssertionError("never built");
        });
        assertThatThrownBy(() -> service.create(ALICE, "fake", unfit, RunSettings.seeded(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("saved weights do not fit");
        assertThat(service.runsOf(ALICE)).isEmpty();
        assertThat(checks.get()).isEqualTo(1);

        create(new FakeTrainer.Config(), StopConditions.none());
        assertThatThrownBy(() -> service.create(ALICE, "fake", unfit, RunSettings.seeded(1)))
                .isInstanceOf(TrainingRefusedException.class);
        assertThat(checks.get()).as("not checked when a limit refuses first").isEqualTo(1);
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
        assertThat(service.pendingWakeUps()).isZero();
        assertThat(runs).allMatch(r -> r.state() == RunState.CANCELLED && r.subscriberCount() == 0);
        await("cancel snapshot", () -> seen.stream().anyMatch(s -> s.state() == RunState.CANCELLED));
        assertThatThrownBy(() -> service.run(ALICE, runs.get(0).id())).isInstanceOf(TrainingRefusedException.class);
        assertThat(service.runningCount()).isZero();
        assertThat(service.heldCount()).isZero();
    }

    @Test
    void aRunCancelledInTheMiddleOfALongEpochStillTellsItsSubscriber() {
        // each epoch spins 30 ms, six slices' worth: the worker is almost always inside an epoch when the cancel comes,
        // and the slice ends right after that epoch without asking for more work
        var run = create(new FakeTrainer.Config().spin(30_000), StopConditions.none());
        List<Snapshot<FakeTrainer.Internals>> seen = new CopyOnWriteArrayList<>();
        service.subscribe(ALICE, run, seen::add);
        service.start(ALICE, run.id());
        await("training", () -> run.epoch() >= 2);

        service.cancel(ALICE, run.id());
        await("freed", run::isFreed);
        await("cancel snapshot", () -> seen.stream().anyMatch(s -> s.state() == RunState.CANCELLED));
        assertThat(seen.get(seen.size() - 1).state()).isEqualTo(RunState.CANCELLED);
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
        // round robin gives every run its slice before any run gets its next one.
        Duration patience = Duration.ofSeconds(60);
        await("every run past 30 epochs", patience,
                () -> runs.stream().mapToLong(TrainingRun::epoch).min().orElse(0) >= 30);
        long slowest = runs.stream().mapToLong(TrainingRun::epoch).min().orElse(0);
        await("the slowest run twice as far", patience,
                () -> runs.stream().mapToLong(TrainingRun::epoch).min().orElse(0) >= 2 * slowest);
        runs.forEach(r -> service.pause(r.ownerId(), r.id()));
        subscriptions.forEach(Subscription::close);

        List<Long> epochs = new ArrayList<>(runs.stream().map(TrainingRun::epoch).toList());
        Collections.sort(epochs);
        long median = epochs.get(30);
        assertThat(epochs.get(0)).as("the slowest of 60 runs made progress").isGreaterThanOrEqualTo(60);
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
