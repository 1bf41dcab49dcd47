package io.tinynets.engine.optim;

import io.tinynets.engine.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest {

    private static Param point(double x, double y) {
        Param p = Param.zeros("p", 1, 2);
        p.value().data[0] = x;
        p.value().data[1] = y;
        return p;
    }

    /** f(x, y) = ½(x² + 10y²): a bowl, gradient (x, 10y). */
    private static void bowlGradient(Param p) {
        p.grad().data[0] = p.value().data[0];
        p.grad().data[1] = 10 * p.value().data[1];
    }

    private static double[] afterOneStep(OptimizerKind kind, double lr) {
        Param p = point(1, 1);
        Optimizer opt = OptimizerConfig.of(kind, lr).create();
        bowlGradient(p);
        opt.step(List.of(p));
        return p.value().data.clone();
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        assertArrayEquals(new double[]{0.9, 0.0}, afterOneStep(OptimizerKind.SGD, 0.1), 1e-15);
    }

    @Test
    void momentumAndNesterovFollowPyTorchsFormulas() {
        Param p = point(1, 1);
        Optimizer opt = OptimizerConfig.of(OptimizerKind.MOMENTUM, 0.1).create();
        bowlGradient(p);
        opt.step(List.of(p)); // v = g = (1, 10); w = (0.9, 0)
        bowlGradient(p);      // g = (0.9, 0)
        opt.step(List.of(p)); // v = 0.9·(1, 10) + (0.9, 0) = (1.8, 9); w = (0.9 − 0.18, 0 − 0.9)
        assertArrayEquals(new double[]{0.72, -0.9}, p.value().data, 1e-12);

        // Nesterov's first step: v = g; w −= η(g + μv) = η·1.9·g
        assertArrayEquals(new double[]{1 - 0.19, 1 - 1.9}, afterOneStep(OptimizerKind.NESTEROV, 0.1), 1e-12);
    }

    @Test
    void adaptiveMethodsFirstStepHasTheKnownSize() {
        // RMSProp: s = 0.1 g², step = η g / √(0.1 g²) = η / √0.1 for each coordinate (ε negligible)
        double r = 0.01 / Math.sqrt(0.1);
        assertArrayEquals(new double[]{1 - r, 1 - r}, afterOneStep(OptimizerKind.RMSPROP, 0.01), 1e-9);
        // Adam: bias-corrected first step is η·sign(g)
        assertArrayEquals(new double[]{0.99, 0.99}, afterOneStep(OptimizerKind.ADAM, 0.01), 1e-9);
        // AdaGrad: s = g², step = η
        assertArrayEquals(new double[]{0.99, 0.99}, afterOneStep(OptimizerKind.ADAGRAD, 0.01), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyOptimizerDescendsTheBowlOnASingleOneByTwoParam(OptimizerKind kind) {
        Param p = point(2, -1.5);
        Optimizer opt = OptimizerConfig.of(kind, switch (kind) {
            case SGD -> 0.05;
            case ADAGRAD -> 0.5; // its steps shrink as squared gradients pile up
            default -> 0.02;
        }).create();
        double start = 0.5 * (4 + 10 * 2.25);
        for (int i = 0; i < 200; i++) {
            bowlGradient(p);
            opt.step(List.of(p));
        }
        double x = p.value().data[0];
        double y = p.value().data[1];
        assertTrue(0.5 * (x * x + 10 * y * y) < start / 10, kind + " ended at " + x + ", " + y);
        assertEquals(200, opt.steps());
    }

    @Test
    void changingTheLearningRateKeepsTheVelocity() {
        Param p = point(1, 1);
        Optimizer opt = OptimizerConfig.of(OptimizerKind.MOMENTUM, 0.1).create();
        bowlGradient(p);
        opt.step(List.of(p));
        opt.setLearningRate(0.2);
        p.grad().zero();      // no new gradient: the step comes from velocity alone
        opt.step(List.of(p)); // v = 0.9·(1, 10); w −= 0.2·v
        assertArrayEquals(new double[]{0.9 - 0.18, 0 - 1.8}, p.value().data, 1e-12);
        assertEquals(0.2, opt.config().learningRate());
    }

    @Test
    void stateExportsAndImportsByParamName() {
        Param p = point(1, 1);
        Optimizer opt = OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create();
        bowlGradient(p);
        opt.step(List.of(p));
        OptimizerState state = opt.exportState();
        assertEquals(1, state.steps());
        assertEquals(2, state.buffers().get("p").size());

        Param twin = point(p.value().data[0], p.value().data[1]);
        Optimizer other = OptimizerConfig.of(OptimizerKind.ADAM, 0.01).create();
        other.importState(state, List.of(twin));
        bowlGradient(p);
        opt.step(List.of(p));
        bowlGradient(twin);
        other.step(List.of(twin));
        assertArrayEquals(p.value().data, twin.value().data, 0);
    }

    @Test
    void badHyperparametersAreRejectedWithTheirRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerConfig.of(OptimizerKind.SGD, -1));
        assertEquals("learning rate must be in (0, 1000], was -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> OptimizerConfig.of(OptimizerKind.MOMENTUM, 0.1).withMomentum(1.0));
        assertEquals(OptimizerKind.RMSPROP, OptimizerKind.fromKey("rmsprop").orElseThrow());
    }
}
