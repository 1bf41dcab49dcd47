package io.tinynets.engine.model;

/**
 * Turns a point (x1, x2) of the input plane into the network's input row, so decision-boundary grids work whatever
 * features a lab feeds the network (x1², sin x1…). The data package's feature sets implement it.
 */
public interface InputMapping {

    /** The raw point as a 2-wide input. */
    InputMapping RAW = new InputMapping() {
        @Override public int width() {
            return 2;
        }

        @Override public void map(double x1, double x2, double[] row, int offset) {
            row[offset] = x1;
            row[offset + 1] = x2;
        }
    };

    /** Number of input columns produced. */
    int width();

    /** Writes {@link #width()} values for (x1, x2) into {@code row} from {@code offset}. */
    void map(double x1, double x2, double[] row, int offset);
}
