package io.tinynets.engine.recurrent;

import org.ejml.data.DMatrixRMaj;

/**
 * One time step of a recurrent cell: the values the backward pass needs and the gate traces the UI shows. Every
 * matrix is batch × hidden (one row per sequence).
 */
public sealed interface CellStep permits RnnStep, LstmStep, GruStep {

    /** The hidden state h_t after this step. */
    DMatrixRMaj h();

    /** The same step for one sequence of the batch, as fresh 1 × hidden copies that are safe to hand to another thread. */
    CellStep row(int b);

    static DMatrixRMaj copyRow(DMatrixRMaj m, int b) {
        if (b < 0 || b >= m.numRows) {
            throw new IllegalArgumentException("row must be in 0.." + (m.numRows - 1) + ", was " + b);
        }
        DMatrixRMaj r = new DMatrixRMaj(1, m.numCols);
        System.arraycopy(m.data, b * m.numCols, r.data, 0, m.numCols);
        return r;
    }
}
