package io.tinynets.training.io;

import io.tinynets.engine.Param;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.OptimizerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerStateJsonTest {

    /** Two params stepped {@code steps} times with random gradients; the returned optimizer holds their state. */
    private static Optimizer stepped(OptimizerKind kind, List<Param> params, int steps, SplittableRandom rng) {
        Optimizer o = OptimizerConfig.of(kind, 0.05).create();
        for (int s = 0; s < steps; s++) {
            for (Param p : params) {
                for (int i = 0; i < p.size(); i++) {
                    p.grad().data[i] = rng.nextDouble(-2, 2);
                }
            }
            o.step(params);
        }
        return o;
    }

    private static List<Param> params() {
        return List.of(Param.zeros("layer0.weight", 3, 2), Param.zeros("layer0.bias", 1, 3));
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyKindsStateRoundTripsBitForBit(OptimizerKind kind) {
        List<Param> params = params();
        Optimizer o = stepped(kind, params, 5, new SplittableRandom(3));
        OptimizerState state = o.exportState();

        OptimizerStateJson.Saved back = OptimizerStateJson.read(OptimizerStateJson.write(kind, state));

        assertEquals(kind, back.kind());
        assertEquals(5, back.state().steps());
        assertEquals(state.buffers().keySet(), back.state().buffers().keySet());
        for (Map.Entry<String, Map<String, double[]>> e : state.buffers().entrySet()) {
            Map<String, double[]> read = back.state().buffers().get(e.getKey());
            assertEquals(e.getValue().keySet(), read.keySet());
            e.getValue().forEach((name, values) -> assertArrayEquals(bits(values), bits(read.get(name)),
                    kind + " " + e.getKey() + "." + name));
        }
        if (kind != OptimizerKind.SGD) {
            assertFalse(state.buffers().isEmpty(), "a stateful optimizer must have exported buffers");
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void anImportedStateTakesTheSameNextStepAsTheOriginal(OptimizerKind kind) {
        List<Param> original = params();
        Optimizer o = stepped(kind, original, 4, new SplittableRandom(8));
        String json = OptimizerStateJson.write(kind, o.exportState());

        List<Param> copy = params();
        for (int i = 0; i < copy.size(); i++) {
            System.arraycopy(original.get(i).value().data, 0, copy.get(i).value().data, 0, copy.get(i).size());
        }
        Optimizer resumed = OptimizerConfig.of(kind, 0.05).create();
        assertTrue(OptimizerStateJson.read(json).importInto(resumed, copy));
        assertEquals(4, resumed.steps());

        // one more step with the same gradient on both
        SplittableRandom g = new SplittableRandom(99);
        for (int i = 0; i < copy.size(); i++) {
            for (int k = 0; k < copy.get(i).size(); k++) {
                double grad = g.nextDouble(-1, 1);
                original.get(i).grad().data[k] = grad;
                copy.get(i).grad().data[k] = grad;
            }
        }
        o.step(original);
        resumed.step(copy);
        for (int i = 0; i < copy.size(); i++) {
            assertArrayEquals(bits(original.get(i).value().data), bits(copy.get(i).value().data));
        }
    }

    @Test
    void aStateOfAnotherKindIsNotImportedAndTheOptimizerStaysFresh() {
        List<Param> params = params();
        Optimizer adam = stepped(OptimizerKind.ADAM, params, 3, new SplittableRandom(1));
        OptimizerStateJson.Saved saved = OptimizerStateJson.Saved.of(adam);
        Optimizer momentum = OptimizerConfig.of(OptimizerKind.MOMENTUM, 0.05).create();

        assertFalse(saved.importInto(momentum, params));
        assertEquals(0, momentum.steps());
        assertTrue(momentum.exportState().buffers().isEmpty());
    }

    @Test
    void theSameStateAlwaysGivesTheSameText() {
        List<Param> params = params();
        Optimizer adam = stepped(OptimizerKind.ADAM, params, 2, new SplittableRandom(1));
        String a = OptimizerStateJson.write(OptimizerKind.ADAM, adam.exportState());
        String b = OptimizerStateJson.write(OptimizerKind.ADAM, adam.exportState());
        assertEquals(a, b);
        assertTrue(a.indexOf("\"layer0.bias\"") < a.indexOf("\"layer0.weight\""), a);
    }

    @Test
    void nonFiniteBuffersRoundTrip() {
        OptimizerState state = new OptimizerState(2, Map.of("p", Map.of("velocity",
                new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.1 + 0.2})));
        double[] back = OptimizerStateJson.read(OptimizerStateJson.write(OptimizerKind.MOMENTUM, state))
                .state().buffers().get("p").get("velocity");
        assertArrayEquals(bits(state.buffers().get("p").get("velocity")), bits(back));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertMessage("not valid JSON", "{");
        assertMessage("must be a JSON object", "[1]");
        assertMessage("missing 'kind'", "{\"steps\":1,\"state\":{}}");
        assertMessage("optimizer kind must be one of", "{\"kind\":\"lion\",\"steps\":1,\"state\":{}}");
        assertMessage("'steps' must be a whole number >= 0", "{\"kind\":\"adam\",\"steps\":-1,\"state\":{}}");
        assertMessage("'steps' must be a whole number >= 0", "{\"kind\":\"adam\",\"steps\":1.5,\"state\":{}}");
        assertMessage("'steps' must be a whole number >= 0", "{\"kind\":\"adam\",\"state\":{}}");
        assertMessage("missing 'state'", "{\"kind\":\"adam\",\"steps\":1}");
        assertMessage("state.p must be an object", "{\"kind\":\"adam\",\"steps\":1,\"state\":{\"p\":[1]}}");
        assertMessage("state.p.m must be an array", "{\"kind\":\"adam\",\"steps\":1,\"state\":{\"p\":{\"m\":1}}}");
        assertMessage("state.p.m[1] must be a number",
                "{\"kind\":\"adam\",\"steps\":1,\"state\":{\"p\":{\"m\":[1,\"x\"]}}}");
    }

    @Test
    void aStateThatDoesNotFitTheParamsIsRefused() {
        String json = "{\"kind\":\"momentum\",\"steps\":1,\"state\":{\"layer0.bias\":{\"velocity\":[1,2]}}}";
        Optimizer momentum = OptimizerConfig.of(OptimizerKind.MOMENTUM, 0.05).create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerStateJson.read(json).importInto(momentum, params()));
        assertTrue(e.getMessage().contains("layer0.bias"), e.getMessage());
    }

    private static void assertMessage(String part, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerStateJson.read(json));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
