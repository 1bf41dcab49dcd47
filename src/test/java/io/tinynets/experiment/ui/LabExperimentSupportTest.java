package io.tinynets.experiment.ui;

import io.tinynets.experiment.Curve;
import io.tinynets.training.MetricPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class LabExperimentSupportTest {

    private static MetricPoint point(long epoch, double loss, OptionalDouble accuracy) {
        return new MetricPoint(epoch, loss, OptionalDouble.empty(), accuracy);
    }

    @Test
    void lossAndAccuracyStopAtTheSavedEpochUnderTheirOwnNames() {
        List<MetricPoint> history = List.of(point(1, 0.9, OptionalDouble.of(0.5)), point(2, 0.5, OptionalDouble.of(0.75)),
                point(3, 0.25, OptionalDouble.of(1.0)));
        List<Curve> curves = LabExperimentSupport.lossAndAccuracy(history, 2);
        assertThat(curves).extracting(Curve::name).containsExactly("loss", "accuracy");
        assertThat(curves.get(0).x()).containsExactly(1, 2);
        assertThat(curves.get(0).y()).containsExactly(0.9, 0.5);
        assertThat(curves.get(1).y()).containsExactly(0.5, 0.75);
        assertThat(LabExperimentSupport.finalMetrics(history, 2)).containsEntry("loss", 0.5)
                .containsEntry("accuracy", 0.75).hasSize(2);
    }

    @Test
    void aRunWithoutAccuracySavesItsLossAlone() {
        List<MetricPoint> history = List.of(point(1, 0.9, OptionalDouble.empty()), point(2, 0.5, OptionalDouble.empty()));
        assertThat(LabExperimentSupport.lossAndAccuracy(history, 5)).extracting(Curve::name).containsExactly("loss");
        assertThat(LabExperimentSupport.lossAndAccuracy(List.of(), 5)).extracting(Curve::name).containsExactly("loss");
    }
}
