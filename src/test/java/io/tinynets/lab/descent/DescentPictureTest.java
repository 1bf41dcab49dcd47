package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DescentPictureTest {

    private final LivePicture live = new DescentPicture();

    private static DescentInternals race(SurfaceKind surface, int steps, OptimizerKind... optimizers) {
        DescentTrainer t = new DescentTrainer(DescentConfig.of(surface, List.of(optimizers), 0.05));
        for (int i = 0; i < steps; i++) {
            t.trainEpoch();
        }
        return t.captureInternals();
    }

    @Test
    void liveSurfaceIsTheSavedPictureAndReadsTheSurfaceAtEachCell() {
        DescentInternals in = race(SurfaceKind.BOWL, 5, OptimizerKind.SGD, OptimizerKind.ADAM);
        Picture p = live.of(in).orElseThrow();
        SurfaceMap map = SurfaceMap.of(SurfaceKind.BOWL.create());
        assertThat(p).isEqualTo(map.picture()); // what the view's draft() saves
        assertThat(live.lab()).isEqualTo("descent");
        assertThat(p.cols()).isEqualTo(96);
        assertThat(p.rows()).isEqualTo(96);
        assertThat(p.min()).isEqualTo(map.min());
        assertThat(p.max()).isEqualTo(map.max()).isGreaterThan(p.min());
        // cell (c, r) is f at its centre, row 0 at the top of the domain
        Surface bowl = SurfaceKind.BOWL.create();
        Surface.Domain d = bowl.domain();
        double step = (p.max() - p.min()) / 255;
        for (int[] cell : new int[][] {{0, 0}, {48, 48}, {95, 10}, {20, 70}}) {
            double x = d.xMin() + (cell[0] + 0.5) * (d.xMax() - d.xMin()) / 96;
            double y = d.yMax() - (cell[1] + 0.5) * (d.yMax() - d.yMin()) / 96;
            double f = bowl.value(new double[] {x, y});
            double expected = bowl.logScale() ? Math.log10(1 + f - bowl.minimumValue()) : f;
            assertThat(p.valueAt(cell[0], cell[1])).isCloseTo(expected, within(step / 2 + 1e-9));
        }
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.SEQUENTIAL);
        assertThat(live.captionKey(in)).isEqualTo("classroom.dashboard.picture.descent");
    }

    @Test
    void aOneDimensionalCurveIsNotCaptionedDarkerIsLower() {
        DescentInternals in = race(SurfaceKind.DOUBLE_WELL, 3, OptimizerKind.SGD);
        assertThat(in.surface().create().dimensions()).isEqualTo(1);
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.DIVERGING);
        assertThat(live.captionKey(in)).isEqualTo("classroom.dashboard.picture.descent.curve");
    }

    @Test
    void overlayShowsEachRacersPastStepsHollowAndWhereItIsNowSolid() {
        DescentInternals in = race(SurfaceKind.BOWL, 5, OptimizerKind.SGD, OptimizerKind.MOMENTUM);
        LivePicture.Overlay o = live.overlay(in).orElseThrow();
        assertThat(o.size()).isEqualTo(2 * 6); // the start and five steps, each racer
        Surface.Domain d = SurfaceKind.BOWL.create().domain();
        assertThat(o.xMin()).isEqualTo(d.xMin());
        assertThat(o.yMax()).isEqualTo(d.yMax());
        RacerSnapshot sgd = in.racers().get(0);
        assertThat(o.x()[0]).isEqualTo(-2.5); // the start
        assertThat(o.hollow()[0]).isTrue();
        assertThat(o.x()[5]).isEqualTo(sgd.position()[0]);
        assertThat(o.y()[5]).isEqualTo(sgd.position()[1]);
        assertThat(o.hollow()[5]).isFalse();
        assertThat(o.classes()[5]).isEqualTo(OptimizerKind.SGD.ordinal());
        assertThat(o.classes()[11]).isEqualTo(OptimizerKind.MOMENTUM.ordinal());
        assertThat(o.hollow()[11]).isFalse();
    }

    @Test
    void aLongWalkIsThinnedButKeepsItsStartAndCurrentPoint() {
        DescentInternals in = race(SurfaceKind.BOWL, 300, OptimizerKind.SGD);
        LivePicture.Overlay o = live.overlay(in).orElseThrow();
        assertThat(o.size()).isBetween(DescentPicture.PATH_POINTS / 2, DescentPicture.PATH_POINTS + 2);
        RacerSnapshot r = in.racers().get(0);
        assertThat(o.x()[0]).isEqualTo(r.xs().get(0));
        assertThat(o.x()[o.size() - 1]).isEqualTo(r.position()[0]);
        assertThat(o.hollow()[o.size() - 1]).isFalse();
        assertThat(o.hollow()[o.size() - 2]).isTrue();
    }

    @Test
    void aOneDimensionalCurveIsDivergingAndItsWalkSitsOnTheCurve() {
        DescentInternals in = race(SurfaceKind.PARABOLA, 3, OptimizerKind.SGD);
        assertThat(live.colours(in)).isEqualTo(LivePicture.Colours.DIVERGING);
        LivePicture.Overlay o = live.overlay(in).orElseThrow();
        Surface parabola = SurfaceKind.PARABOLA.create();
        int last = o.size() - 1;
        assertThat(o.y()[last]).isCloseTo(parabola.value(new double[] {o.x()[last]}), within(1e-12));
        assertThat(live.of(in).orElseThrow().min()).isEqualTo(-0.35); // shaded below the curve
    }

    @Test
    void foreignOrMissingInternalsGiveNoPicture() {
        assertThat(live.of(null)).isEmpty();
        assertThat(live.of(List.of())).isEmpty();
        assertThat(live.overlay(null)).isEmpty();
        assertThat(live.overlay("x")).isEmpty();
    }
}
