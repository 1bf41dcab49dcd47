package io.tinynets.engine.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinynets.engine.Param;
import io.tinynets.training.io.PyTorchWeights;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Forward values, gate values and gradients against reference/recurrent-pytorch-small.json: PyTorch-convention
 * numbers (nn.RNN/LSTM/GRU equations, float64) for input 2, hidden 3, 4 steps, batch 1.
 */
class PyTorchReferenceTest {

    private static JsonNode root;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/reference/recurrent-pytorch-small.json")) {
            root = new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode cellNode(CellKind kind) {
        return root.get("cells").get(kind.key());
    }

    /** [T][B][n] → T matrices of B × n. */
    private static DMatrixRMaj[] steps(JsonNode tbn) {
        DMatrixRMaj[] out = new DMatrixRMaj[tbn.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = matrix(tbn.get(t));
        }
        return out;
    }

    private static DMatrixRMaj matrix(JsonNode rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows.size(), rows.get(0).size());
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                m.set(r, c, rows.get(r).get(c).doubleValue());
            }
        }
        return m;
    }

    private static void assertClose(JsonNode expected, double[] actual, double tol, String what) {
        double[] flat = flatten(expected);
        assertEquals(flat.length, actual.length, what + " size");
        for (int i = 0; i < flat.length; i++) {
            assertEquals(flat[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    private static double[] flatten(JsonNode node) {
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        collect(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else {
            out.add(node.doubleValue());
        }
    }

    private static RecurrentCell loadedCell(CellKind kind) {
        JsonNode c = cellNode(kind);
        RecurrentCell cell = kind.create(root.get("input_size").asInt(), root.get("hidden_size").asInt(),
                new java.util.SplittableRandom(0));
        PyTorchWeights.read(cell, "", c.get("state_dict"));
        return cell;
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void forwardStatesAndGatesMatchPyTorchEquations(CellKind kind) {
        JsonNode c = cellNode(kind);
        RecurrentCell cell = loadedCell(kind);
        cell.forward(steps(c.get("x")), matrix(c.get("h0")), matrix(c.get("c0")));
        double loss = 0;
        DMatrixRMaj[] w = steps(c.get("loss_weights"));
        for (int ti = 0; ti < cell.length(); ti++) {
            final int t = ti;
            assertClose(c.get("h").get(t), cell.hidden(t).data, 1e-12, kind + " h_" + t);
            CellStep step = cell.step(t);
            JsonNode gates = c.get("gates").get(t);
            if (step instanceof LstmStep s) {
                assertClose(c.get("c").get(t), s.c().data, 1e-12, "c_" + t);
                Map<String, DMatrixRMaj> byName = Map.of("i", s.i(), "f", s.f(), "g", s.g(), "o", s.o());
                byName.forEach((name, m) -> assertClose(gates.get(name), m.data, 1e-12, name + "_" + t));
            } else if (step instanceof GruStep s) {
                Map<String, DMatrixRMaj> byName = Map.of("r", s.r(), "z", s.z(), "n", s.n());
                byName.forEach((name, m) -> assertClose(gates.get(name), m.data, 1e-12, name + "_" + t));
            }
            for (int i = 0; i < w[t].data.length; i++) {
                loss += w[t].data[i] * cell.hidden(t).data[i];
            }
        }
        assertEquals(c.get("loss").doubleValue(), loss, 1e-12);
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void gradientsMatchTheReference(CellKind kind) {
        JsonNode c = cellNode(kind);
        RecurrentCell cell = loadedCell(kind);
        DMatrixRMaj[] x = steps(c.get("x"));
        cell.forward(x, matrix(c.get("h0")), matrix(c.get("c0")));
        cell.params().forEach(Param::zeroGrad);
        cell.backward(steps(c.get("loss_weights")), 0, true);
        JsonNode g = c.get("grads");
        double tol = 1e-7; // the reference gradients are central differences, good to about 1e-8
        for (int p = 0; p < 4; p++) {
            String key = PyTorchWeights.key("", p);
            assertClose(g.get(key), cell.params().get(p).grad().data, tol, kind + " " + key);
        }
        for (int t = 0; t < x.length; t++) {
            assertClose(g.get("x").get(t), cell.inputGrad(t).data, tol, kind + " x_" + t);
        }
        assertClose(g.get("h0"), cell.initialHiddenGrad().data, tol, kind + " h0");
        if (kind == CellKind.LSTM) {
            assertClose(g.get("c0"), cell.initialCellGrad().data, tol, "c0");
        }
    }
}
