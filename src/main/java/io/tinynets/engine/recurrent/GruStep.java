package io.tinynets.engine.recurrent;

import org.ejml.data.DMatrixRMaj;

/**
 * A GRU step in PyTorch's gate order: reset gate r, update gate z, candidate n, and the new hidden state h_t. The
 * backward pass also needs W_hn h_{t−1} + b_hn, which the cell keeps aside.
 */
public record GruStep(DMatrixRMaj r, DMatrixRMaj z, DMatrixRMaj n, DMatrixRMaj h) implements CellStep {

    static GruStep empty() {
        return new GruStep(new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1));
    }

    void reshape(int batch, int hidden) {
        r.reshape(batch, hidden, false);
        z.reshape(batch, hidden, false);
        n.reshape(batch, hidden, false);
        h.reshape(batch, hidden, false);
    }

    public DMatrixRMaj resetGate() {
        return r;
    }

    public DMatrixRMaj updateGate() {
        return z;
    }

    public DMatrixRMaj candidate() {
        return n;
    }

    @Override
    public GruStep row(int b) {
        return new GruStep(CellStep.copyRow(r, b), CellStep.copyRow(z, b), CellStep.copyRow(n, b),
                CellStep.copyRow(h, b));
    }
}
