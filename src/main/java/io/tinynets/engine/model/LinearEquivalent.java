package io.tinynets.engine.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The single affine map y = x·Wᵀ + b that an all-linear network computes, in the same layout as a Dense layer.
 *
 * @param weight outputs × inputs
 * @param bias   1 × outputs
 */
public record LinearEquivalent(DMatrixRMaj weight, DMatrixRMaj bias) {
}
