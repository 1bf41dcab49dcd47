package io.tinynets.training.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinynets.engine.model.SequenceModel;
import io.tinynets.engine.recurrent.CellKind;

import io.tinynets.engine.recurrent.GruCell;

import io.tinynets.engine.recurrent.LstmCell;

import io.tinynets.engine.recurrent.RecurrentCell;

import io.tinynets.engine.recurrent.RnnCell;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PyTorchWeightsTest {

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void exportThenImportRestoresEveryBit(CellKind kind) {
        RecurrentCell a = kind.create(3, 5, new SplittableRandom(1));
        RecurrentCell b = kind.create(3, 5, new SplittableRandom(2));
        String json = PyTorchWeights.toJson(a, "rnn");
        PyTorchWeights.fromJson(b, "rnn", json);
        for (int p = 0; p < 4; p++) {
            assertArrayEquals(a.params().get(p).value().data, b.params().get(p).value().data, 0.0);
        }
        assertEquals(json, PyTorchWeights.toJson(b, "rnn"));
    }

    @Test
    void keysAreTheStateDictNamesOfAModuleCalledRnn() {
        String json = PyTorchWeights.toJson(new LstmCell(1, 2, new SplittableRandom(1)), PyTorchWeights.DEFAULT_PREFIX);
        for (String k : new String[] {"rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0"}) {
            assertTrue(json.contains("\"" + k + "\""), k);
        }
        // LSTM weight_ih is 4H × I = 8 rows of 1
        var node = PyTorchWeights.parse(json).get("rnn.weight_ih_l0");
        assertEquals(8, node.size());
        assertEquals(1, node.get(0).size());
        assertEquals(8, PyTorchWeights.parse(json).get("rnn.bias_hh_l0").size());
    }

    @Test
    void wrongShapeIsRejectedNamingTheKeyAndLeavesTheCellUnchanged() {
        GruCell gru = new GruCell(2, 3, new SplittableRandom(1));
        double[] before = gru.params().get(0).value().data.clone();
        String lstmJson = PyTorchWeights.toJson(new LstmCell(2, 3, new SplittableRandom(2)), "rnn");
        var e = assertThrows(IllegalArgumentException.class, () -> PyTorchWeights.fromJson(gru, "rnn", lstmJson));
        assertTrue(e.getMessage().contains("rnn.weight_ih_l0") && e.getMessage().contains("9 rows"), e.getMessage());
        assertArrayEquals(before, gru.params().get(0).value().data, 0.0);
    }

    @Test
    void missingKeyAndBrokenJsonGiveClearMessages() {
        RnnCell rnn = new RnnCell(1, 1, new SplittableRandom(1));
        var missing = assertThrows(IllegalArgumentException.class, () -> PyTorchWeights.fromJson(rnn, "rnn", "{}"));
        assertTrue(missing.getMessage().contains("rnn.weight_ih_l0"), missing.getMessage());
        var broken = assertThrows(IllegalArgumentException.class, () -> PyTorchWeights.fromJson(rnn, "rnn", "{"));
        assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PyTorchWeights.fromJson(rnn, "rnn", " "));
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void aSequenceModelsJsonRoundTripsExactly(CellKind kind) {
        SequenceModel a = new SequenceModel(kind, 2, 5, 3, true, true, new SplittableRandom(1));
        SequenceModel b = new SequenceModel(kind, 2, 5, 3, true, true, new SplittableRandom(2));
        String json = PyTorchWeights.toJson(a);
        assertTrue(json.contains("\"rnn.weight_hh_l0\"") && json.contains("\"fc.weight\""));
        PyTorchWeights.load(b, json);
        for (int p = 0; p < a.params().size(); p++) {
            assertArrayEquals(a.params().get(p).value().data, b.params().get(p).value().data, 0.0);
        }
        assertEquals(json, PyTorchWeights.toJson(b));
    }
}
