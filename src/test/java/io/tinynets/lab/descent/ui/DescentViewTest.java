package io.tinynets.lab.descent.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.descent.SurfaceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DescentViewTest extends KaribuTest {

    private DescentView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("descent");
        view = _get(DescentView.class);
    }

    @AfterEach
    void stop() {
        view.training.discard();
    }

    @Test
    void opensOnTheRavineWithThreeRacersAndTheirRules() {
        assertThat(view.form.surface.getValue()).isEqualTo(SurfaceKind.RAVINE);
        assertThat(view.form.selected()).containsExactly(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAM);
        assertThat(view.panels.lossChart.getSeries()).extracting(s -> s.label())
                .containsExactly("Gradient descent", "Momentum", "Adam");
        assertThat(view.panels.map.getCols()).isEqualTo(DescentPanels.GRID);
        assertThat(view.panels.overlay.lastPoint(0)).containsExactly(-3.5, 1.2);
        assertThat(view.panels.rules.getElement().getTextRecursively()).contains("w ← w − η·∇f(w)", "β₁");
        assertThat(view.form.learningRateValue.getText()).isEqualTo("0.05");
        assertThat(view.panels.fitBox.isVisible()).isFalse();
    }

    @Test
    void clickingTheMapMovesTheStart() {
        view.setStart(1.234, -0.5);
        assertThat(view.form.startX.getValue()).isEqualTo(1.23);
        assertThat(view.form.startY.getValue()).isEqualTo(-0.5);
        assertThat(view.panels.overlay.lastPoint(2)).containsExactly(1.23, -0.5);
    }

    @Test
    void invalidHyperparameterIsShownAndBlocksTheRun() {
        view.form.momentum.setValue(1.5);
        assertThat(view.form.momentum.isInvalid()).isTrue();
        assertThat(view.form.momentum.getErrorMessage()).isEqualTo("Must be at least 0 and below 1.");
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        assertThat(view.ensureRun()).isFalse();
        view.form.momentum.setValue(0.5);
        assertThat(view.controls.playButton().isEnabled()).isTrue();
    }

    @Test
    void startOutsideTheSurfaceIsRefusedByTheField() {
        view.form.startX.setValue(40.0);
        assertThat(view.form.startX.isInvalid()).isTrue();
        assertThat(view.form.startX.getErrorMessage()).isEqualTo("The start must lie inside the drawn area.");
        assertThat(view.ensureRun()).isFalse();
    }

    @Test
    void noOptimizerMeansNoRace() {
        view.form.optimizers.setValue(Set.of());
        assertThat(view.form.optimizers.isInvalid()).isTrue();
        assertThat(view.controls.playButton().isEnabled()).isFalse();
        assertThat(view.ensureRun()).isFalse();
    }

    @Test
    void stepsDrawPathsLossesAndStatusesLive() {
        view.controls.playButton().click();
        KaribuTest.awaitUi(Duration.ofSeconds(30), "paths and losses", () ->
                view.panels.overlay.pathLength(0) > 5 && view.panels.lossChart.pointCount(2) > 5);
        view.training.pause();
        assertThat(view.panels.statuses.getChildren().count()).isEqualTo(3);
        double[] y = view.panels.lossChart.yValues(0);
        assertThat(y[y.length - 1]).isLessThan(y[0]); // gradient descent goes downhill
        assertThat(view.panels.statuses.getElement().getTextRecursively()).contains("Gradient descent:");
    }

    @Test
    void theRaceEndsOnItsOwnOnceEveryRacerConvergedAndSaysSo() {
        _click(view.controls.fastestButton());
        view.controls.playButton().click();
        KaribuTest.awaitUi(Duration.ofSeconds(30), "the race over",
                () -> view.controls.stateLabel().getText().equals("Finished"));
        long steps = view.training.run().orElseThrow().epoch();
        assertThat(steps).isLessThan(1_000); // far from the 100,000-step budget
        assertThat(view.controls.messageLabel().getText()).isEqualTo("The race is over at step " + steps
                + ": every racer converged or diverged (3 at the lowest point, 0 diverged). Reset to race again.");
        assertThat(view.controls.messageLabel().getStyle().get("color")).isEqualTo("var(--lumo-body-text-color)");
        assertThat(view.controls.stateLabel().getElement().getThemeList()).doesNotContain("error");
        assertThat(view.panels.statuses.getElement().getTextRecursively()).contains("reached the minimum");
    }

    @Test
    void tooLargeARateIsExplainedInPlainWords() {
        view.form.learningRate.setValue(Math.log10(0.12));
        assertThat(view.form.lr()).isEqualTo(0.12);
        view.form.optimizers.setValue(Set.of(OptimizerKind.SGD, OptimizerKind.ADAM));
        view.controls.playButton().click();
        KaribuTest.awaitUi(Duration.ofSeconds(30), "gradient descent diverges", () ->
                view.panels.statuses.getElement().getTextRecursively().contains("diverged and left the surface"));
        view.training.pause();
        assertThat(view.panels.statuses.getElement().getTextRecursively())
                .contains("The learning rate 0.12 is too large for this surface: lower it to 0.012");
    }

    @Test
    void lineFitShowsTheScatterAndMovesTheLine() {
        view.form.surface.setValue(SurfaceKind.LINE_FIT);
        assertThat(view.panels.fitBox.isVisible()).isTrue();
        assertThat(view.form.startX.getLabel()).isEqualTo("Start w");
        double[][] before = {view.panels.fitLines.lastPoint(0)};
        view.controls.playButton().click();
        KaribuTest.awaitUi(Duration.ofSeconds(30), "the fitted line moves", () ->
                view.panels.lossChart.pointCount(0) > 20);
        view.training.pause();
        KaribuTest.awaitUi(Duration.ofSeconds(30), "line follows", () -> view.panels.fitLines.lastPoint(0)[1] != before[0][1]);
        assertThat(view.panels.fitLines.lastPoint(0)[1]).isNotCloseTo(before[0][1], within(1e-6));
    }

    @Test
    void oneDimensionalSurfaceDrawsTheCurveAndHidesY() {
        view.form.surface.setValue(SurfaceKind.DOUBLE_WELL);
        assertThat(view.form.startY.isVisible()).isFalse();
        assertThat(view.panels.overlay.colours()).hasSize(4); // three racers and the curve
        assertThat(view.panels.overlay.pathLength(3)).isEqualTo(121);
        assertThat(view.panels.overlay.lastPoint(0)).containsExactly(2.0, view.form.currentSurface().value(new double[] {2.0}));
        // a curve with its area shaded is not a map where darker is lower
        assertThat(view.panels.surfaceCaption.getText()).startsWith("The line is the loss f(x)")
                .doesNotContain("Darker");
        view.form.surface.setValue(SurfaceKind.BOWL);
        assertThat(view.panels.surfaceCaption.getText()).startsWith("Darker is lower.");
    }

    @Test
    void aSteepSurfaceSaysItsColoursFollowALogScale() {
        view.form.surface.setValue(SurfaceKind.ROSENBROCK);
        assertThat(view.panels.logNote.isVisible()).isTrue();
        assertThat(view.panels.logNote.getText()).contains("log₁₀(1 + f − f_min), a log scale");
        view.form.surface.setValue(SurfaceKind.BOWL);
        assertThat(view.panels.logNote.isVisible()).as("the bowl is coloured by f itself").isFalse();
    }
}
