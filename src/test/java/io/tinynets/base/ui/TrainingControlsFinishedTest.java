package io.tinynets.base.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import io.tinynets.classroom.DecayTrainer;
import io.tinynets.training.RunSettings;
import io.tinynets.training.StopConditions;
import io.tinynets.training.TrainingService;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A run that finished says what ended it, in plain words and colours: finishing is not an error. */
class TrainingControlsFinishedTest extends KaribuTest {

    @Autowired
    private TrainingService service;

    private TrainingControls controlsFinishingAfter(long epochs) {
        Div lab = new Div();
        LiveTraining<Double> live = new LiveTraining<>(lab, service, "playground", snapshot -> { });
        TrainingControls controls = new TrainingControls(live, () -> live.hasRun() || live.create(
                DecayTrainer.FACTORY, RunSettings.seeded(1).withStop(StopConditions.maxEpochs(epochs))));
        lab.add(controls);
        UI.getCurrent().add(lab);
        return controls;
    }

    @Test
    void aRunThatUsedItsEpochBudgetSaysSoInNeutralColours() {
        TrainingControls controls = controlsFinishingAfter(5);
        // controls without a lab pace open at "as fast as possible": nothing faster to offer
        assertThat(controls.speedSelect().getValue()).isZero();
        assertThat(controls.fastestButton().isEnabled()).isFalse();
        _click(controls.playButton());
        awaitUi(Duration.ofSeconds(30), "finished", () -> controls.stateLabel().getText().equals("Finished"));

        assertThat(controls.messageLabel().getText())
                .isEqualTo("Finished: the run used its whole budget of 5 epochs. Reset to train again.");
        assertThat(controls.messageLabel().getStyle().get("color")).isEqualTo("var(--lumo-body-text-color)");
        assertThat(controls.stateLabel().getElement().getThemeList()).contains("badge", "contrast")
                .doesNotContain("error");
        assertThat(controls.epochLabel().getText()).isEqualTo("Epoch 5");
    }

    @Test
    void koreanSaysWhatEndedTheRunToo() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        TrainingControls controls = controlsFinishingAfter(3);
        _click(controls.playButton());
        awaitUi(Duration.ofSeconds(30), "finished", () -> controls.stateLabel().getText().equals("완료"));
        assertThat(controls.messageLabel().getText())
                .isEqualTo("학습을 마쳤습니다: 이 실행에 주어진 3 에포크를 모두 사용했습니다. 다시 학습하려면 초기화하세요.");
        assertThat(controls.messageLabel().getStyle().get("color")).isEqualTo("var(--lumo-body-text-color)");
    }
}
