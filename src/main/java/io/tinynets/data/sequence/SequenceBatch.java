package io.tinynets.data.sequence;

import org.ejml.data.DMatrixRMaj;

/**
 * A batch of sequences in the engine's layout: {@code inputs[t]} is batch × inputSize. {@code targets} has one matrix
 * for a many-to-one task (the answer after the last step) or one per step for many-to-many; a class target is a
 * batch × 1 column of class indices (what softmax cross-entropy takes), a real target batch × outputSize.
 */
public record SequenceBatch(DMatrixRMaj[] inputs, DMatrixRMaj[] targets) {

    public int length() {
        return inputs.length;
    }

    public int size() {
        return inputs[0].numRows;
    }
}
