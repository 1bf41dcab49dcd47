package io.tinynets.engine.model;

/**
 * Every unit's output over an n×n grid of the input plane: {@code values[layer][unit][row * n + col]}, where col
 * runs along x1 from x1Min to x1Max and row along x2 from x2Min to x2Max (both inclusive, n ≥ 2). The last layer is
 * the network output, so {@code values[values.length − 1][0]} is the decision-boundary heat map.
 */
public record UnitGrids(int n, double x1Min, double x1Max, double x2Min, double x2Max, double[][][] values) {

    /** The output layer's grids, one per output unit. */
    public double[][] output() {
        return values[values.length - 1];
    }
}
