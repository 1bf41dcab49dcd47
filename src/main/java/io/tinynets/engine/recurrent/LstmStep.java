package io.tinynets.engine.recurrent;

import org.ejml.data.DMatrixRMaj;

/**
 * An LSTM step in PyTorch's gate order: input gate i, forget gate f, candidate g, output gate o, then the cell state
 * c_t and hidden state h_t. The backward pass reads exactly these (plus tanh(c_t), kept aside).
 */
public record LstmStep(DMatrixRMaj i, DMatrixRMaj f, DMatrixRMaj g, DMatrixRMaj o, DMatrixRMaj c, DMatrixRMaj h)
        implements CellStep {

    static LstmStep empty() {
        return new LstmStep(new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1),
                new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1));
    }

    void reshape(int batch, int hidden) {
        i.reshape(batch, hidden, false);
        f.reshape(batch, hidden, false);
        g.reshape(batch, hidden, false);
        o.reshape(batch, hidden, false);
        c.reshape(batch, hidden, false);
        h.reshape(batch, hidden, false);
    }

    public DMatrixRMaj inputGate() {
        return i;
    }

    public DMatrixRMaj forgetGate() {
        return f;
    }

    public DMatrixRMaj candidate() {
        return g;
    }

    public DMatrixRMaj outputGate() {
        return o;
    }

    @Override
    public LstmStep row(int b) {
        return new LstmStep(CellStep.copyRow(i, b), CellStep.copyRow(f, b), CellStep.copyRow(g, b),
                CellStep.copyRow(o, b), CellStep.copyRow(c, b), CellStep.copyRow(h, b));
    }
}
