package io.tinynets.lab.descent;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.training.lab.Suggestion;

import java.util.List;

import static io.tinynets.lab.descent.DescentConfigJson.LEARNING_RATE;
import static io.tinynets.lab.descent.DescentConfigJson.OPTIMIZERS;
import static io.tinynets.lab.descent.DescentConfigJson.START;
import static io.tinynets.lab.descent.DescentConfigJson.SURFACE;

/**
 * The descent lab's "Try this" ({@code descent.try.N}): each text's step as a change of the race, shared by the lab's
 * buttons and DescentClaimsTest, which walks each race and checks what its text promises. A race is deterministic: it
 * has no seed.
 */
public final class DescentSuggestions {

    /** The lab's opening race (the form's defaults). */
    public static final DescentConfig DEFAULTS = DescentConfig.of(SurfaceKind.RAVINE,
            List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAM), 0.05);

    public static final List<Suggestion<DescentConfig>> ALL = List.of(
            Suggestion.<DescentConfig>of("descent.try.1", c -> race(c, SurfaceKind.RAVINE, null,
                    List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAM), 0.12),
                    SURFACE, START, OPTIMIZERS, LEARNING_RATE).andPlay(),
            Suggestion.<DescentConfig>of("descent.try.2", c -> race(c, SurfaceKind.DOUBLE_WELL, new double[]{2.0},
                    List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM), 0.01),
                    SURFACE, START, OPTIMIZERS, LEARNING_RATE).andPlay(),
            Suggestion.<DescentConfig>of("descent.try.3", c -> race(c, SurfaceKind.ROSENBROCK, null,
                    List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM), 0.001),
                    SURFACE, START, OPTIMIZERS, LEARNING_RATE).andPlay(),
            Suggestion.<DescentConfig>of("descent.try.4", c -> race(c, SurfaceKind.LINE_FIT, null, c.optimizers(),
                    0.001), SURFACE, START, LEARNING_RATE));

    private DescentSuggestions() {
    }

    /** {@code c} on another surface (from {@code start}, or the surface's default start when null). */
    private static DescentConfig race(DescentConfig c, SurfaceKind surface, double[] start,
                                      List<OptimizerKind> optimizers, double learningRate) {
        return new DescentConfig(surface, optimizers, learningRate, c.momentum(), c.beta1(), c.beta2(), c.rho(),
                start != null ? start : surface.create().defaultStart());
    }
}
