package io.tinynets.base.ui.frame;

/**
 * A curve of a reopened run (drawn dashed behind the live one), as the frame hands it to a lab's panels: its saved
 * name and points, whatever feature stored it.
 */
public record SavedCurve(String name, double[] x, double[] y) {

    public SavedCurve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a curve needs as many x as y values");
        }
    }
}
