package io.tinynets.engine.recurrent;

import org.ejml.data.DMatrixRMaj;

/** A vanilla RNN step: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) is all there is to keep. */
public record RnnStep(DMatrixRMaj h) implements CellStep {

    static RnnStep empty() {
        return new RnnStep(new DMatrixRMaj(1, 1));
    }

    void reshape(int batch, int hidden) {
        h.reshape(batch, hidden, false);
    }

    @Override
    public RnnStep row(int b) {
        return new RnnStep(CellStep.copyRow(h, b));
    }
}
