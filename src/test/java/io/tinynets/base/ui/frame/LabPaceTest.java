package io.tinynets.base.ui.frame;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.training.Speed;
import io.tinynets.training.TrainingRun;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every lab opens at its own watchable pace, and "as fast as possible" is one click away (and back). */
class LabPaceTest extends KaribuTest {

    /** The paces chosen per lab from how many epochs their defaults need to settle (see each XLab). */
    private static final Map<String, Double> PACE = Map.of("playground", 10.0, "depth", 5.0, "descent", 10.0,
            "sequence", 10.0, "autoencoder", 20.0);

    @ParameterizedTest
    @ValueSource(strings = {"playground", "depth", "descent", "sequence", "autoencoder"})
    void eachLabOpensAtItsPaceAndTheFastestSpeedIsOneClickAway(String lab) {
        UI.getCurrent().navigate(lab);
        LabFrame<?, ?, ?, ?> view = _get(LabFrame.class);
        double pace = PACE.get(lab);
        assertThat(view.definition.defaultSpeed()).isEqualTo(Speed.epochsPerSecond(pace));
        assertThat(view.controls.speedSelect().getValue()).isEqualTo(pace);
        assertThat(view.controls.selectedSpeed()).isEqualTo(Speed.epochsPerSecond(pace));
        assertThat(view.controls.speedSelect().getListDataView().getItems()).contains(0.0, pace);

        // the run is created at the lab's pace
        assertThat(view.ensureRun()).isTrue();
        TrainingRun<?> run = view.training.run().orElseThrow();
        assertThat(run.speed()).isEqualTo(Speed.epochsPerSecond(pace));

        // one click: as fast as possible, for the run too
        assertThat(view.controls.fastestButton().getTooltip().getText()).isEqualTo("As fast as possible");
        _click(view.controls.fastestButton());
        assertThat(view.controls.speedSelect().getValue()).isZero();
        assertThat(run.speed().isUnlimited()).isTrue();
        // and one click back to the lab's pace
        assertThat(view.controls.fastestButton().getTooltip().getText())
                .isEqualTo("Back to this lab's pace (" + (int) pace + " epochs/s)");
        _click(view.controls.fastestButton());
        assertThat(view.controls.speedSelect().getValue()).isEqualTo(pace);
        assertThat(run.speed()).isEqualTo(Speed.epochsPerSecond(pace));
        view.training.discard();
    }
}
