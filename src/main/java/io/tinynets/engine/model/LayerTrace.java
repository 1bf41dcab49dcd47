package io.tinynets.engine.model;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Copies of every layer's pre-activations z and activations y for one input batch (batch × units each), for
 * histograms. Index 0 is the first hidden layer; the last entry is the output layer.
 */
public record LayerTrace(List<DMatrixRMaj> preActivations, List<DMatrixRMaj> activations) {
}
