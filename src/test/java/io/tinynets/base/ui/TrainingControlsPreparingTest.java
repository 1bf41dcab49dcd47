package io.tinynets.base.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import io.tinynets.classroom.DecayTrainer;
import io.tinynets.training.RunSettings;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;
import io.tinynets.training.TrainingService;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** While a run's trainer is built on the training pool, the controls say "Preparing…" and Play has taken effect. */
class TrainingControlsPreparingTest extends KaribuTest {

    @Autowired
    private TrainingService service;

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicReference<String> buildThread = new AtomicReference<>();

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    /** A trainer whose build waits until the test opens the gate, as a long build or fast-forward would. */
    private TrainerFactory<Double> slowToBuild() {
        return TrainerFactory.of(TrainerPlan.of(1, 1, 0.1), seed -> {
            buildThread.set(Thread.currentThread().getName());
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new DecayTrainer();
        });
    }

    @Test
    void playOnARunStillBeingBuiltShowsPreparingThenTrains() {
        Div lab = new Div(); // a lab view: its live training and controls, then attached
        LiveTraining<Double> live = new LiveTraining<>(lab, service, "playground", snapshot -> { });
        TrainingControls controls = new TrainingControls(live,
                () -> live.hasRun() || live.create(slowToBuild(), RunSettings.seeded(1)));
        lab.add(controls);
        UI.getCurrent().add(lab);

        _click(controls.playButton());
        // the click returned although the build waits: it runs on the training pool, not on this request thread
        assertThat(live.isPreparing()).isTrue();
        assertThat(live.isRunning()).isTrue();
        assertThat(controls.stateLabel().getText()).isEqualTo("Preparing…");
        assertThat(controls.playButton().getText()).isEqualTo("Pause");
        MockVaadin.clientRoundtrip();
        assertThat(controls.stateLabel().getText()).isEqualTo("Preparing…");

        gate.countDown();
        awaitUi(Duration.ofSeconds(30), "training once built",
                () -> controls.stateLabel().getText().equals("Training") && live.run().orElseThrow().epoch() > 0);
        assertThat(buildThread.get()).startsWith("tinynets-train-");

        // a reset rebuilds on the pool too, and says so until the new trainer is ready
        _click(controls.reset);
        awaitUi(Duration.ofSeconds(30), "ready again after the reset",
                () -> controls.stateLabel().getText().equals("Ready") && !live.isPreparing());
        live.discard();
    }
}
