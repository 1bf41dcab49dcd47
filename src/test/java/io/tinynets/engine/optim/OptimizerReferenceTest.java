package io.tinynets.engine.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinynets.engine.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every optimizer against trajectories computed by a separate, straightforward implementation
 * ({@code src/test/resources/reference/optimizers/optimizer_steps.py}, plain Python floats, PyTorch's documented
 * rules) and stored as data: ten steps of two parameters on a coupled, non-quadratic objective, at PyTorch's defaults
 * and at unusual hyperparameters. After every step the parameters and every state buffer (velocity, squared averages,
 * Adam's moments) must match, so a wrong momentum or bias correction fails at the step it goes wrong.
 */
class OptimizerReferenceTest {

    private static final String DATA = "/reference/optimizers/optimizer-steps.json";
    /** Relative tolerance: Python and Java may differ in the last bits of pow and sqrt, nothing more. */
    private static final double TOLERANCE = 1e-12;

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = OptimizerReferenceTest.class.getResourceAsStream(DATA)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(Arguments.of(c.get("kind").asText() + " lr " + c.get("hyperparameters").get("learningRate")
                        .asDouble(), c));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheIndependentReferenceStepByStep(String name, JsonNode c) {
        JsonNode h = c.get("hyperparameters");
        Optimizer optimizer = new OptimizerConfig(OptimizerKind.fromKey(c.get("kind").asText()).orElseThrow(),
                h.get("learningRate").asDouble(), h.get("momentum").asDouble(), h.get("beta1").asDouble(),
                h.get("beta2").asDouble(), h.get("rho").asDouble(), h.get("epsilon").asDouble()).create();
        Param a = param("a", c.get("initial").get("a"));
        Param b = param("b", c.get("initial").get("b"));
        List<Param> params = List.of(a, b);

        JsonNode steps = c.get("steps");
        assertThat(steps.size()).as("reference steps").isGreaterThanOrEqualTo(5);
        for (int t = 1; t <= steps.size(); t++) {
            gradient(a, b);
            optimizer.step(params);
            JsonNode expected = steps.get(t - 1);
            String at = name + ", step " + t;
            assertClose(at + ", a", expected.get("params").get("a"), a.value().data);
            assertClose(at + ", b", expected.get("params").get("b"), b.value().data);

            OptimizerState state = optimizer.exportState();
            assertEquals(t, state.steps(), at);
            for (String p : List.of("a", "b")) {
                JsonNode buffers = expected.get("buffers").get(p);
                Map<String, double[]> actual = state.buffers().getOrDefault(p, Map.of());
                assertThat(actual.keySet()).as(at + ", buffers of " + p).isEqualTo(names(buffers));
                for (Iterator<String> it = buffers.fieldNames(); it.hasNext(); ) {
                    String buffer = it.next();
                    assertClose(at + ", " + p + "." + buffer, buffers.get(buffer), actual.get(buffer));
                }
            }
        }
    }

    @Test
    void theReferenceCoversEveryOptimizer() throws IOException {
        Set<OptimizerKind> covered = EnumSet.noneOf(OptimizerKind.class);
        cases().forEach(args -> covered.add(OptimizerKind.fromKey(((JsonNode) args.get()[1]).get("kind").asText())
                .orElseThrow()));
        assertThat(covered).containsExactlyInAnyOrder(OptimizerKind.values());
    }

    /** The objective's gradient, exactly as the reference script computes it. */
    private static void gradient(Param a, Param b) {
        double[] w = a.value().data;
        double[] g = a.grad().data;
        // g_a0 = (a0 − 1) + ½a1;  g_a1 = 10(a1 + ½) + ½a0
        g[0] = (w[0] - 1.0) + 0.5 * w[1];
        g[1] = 10.0 * (w[1] + 0.5) + 0.5 * w[0];
        // g_b0 = b0³ − b0
        double x = b.value().data[0];
        b.grad().data[0] = Math.pow(x, 3) - x;
    }

    private static Param param(String name, JsonNode values) {
        Param p = Param.zeros(name, 1, values.size());
        for (int i = 0; i < values.size(); i++) {
            p.value().data[i] = values.get(i).asDouble();
        }
        return p;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertClose(String what, JsonNode expected, double[] actual) {
        assertThat(actual).as(what + " length").hasSize(expected.size());
        for (int i = 0; i < actual.length; i++) {
            double e = expected.get(i).asDouble();
            double scale = Math.max(1.0, Math.abs(e));
            assertThat(Math.abs(actual[i] - e)).as(what + "[" + i + "]: expected " + e + " but was " + actual[i])
                    .isLessThanOrEqualTo(TOLERANCE * scale);
        }
    }
}
