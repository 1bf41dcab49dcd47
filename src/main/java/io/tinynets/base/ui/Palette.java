package io.tinynets.base.ui;

import java.util.List;

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, so curves can be told apart by
 * every student. Used in a fixed order so one thing (a function, a cell type, an optimizer) keeps its colour.
 */
public final class Palette {

    public static final List<String> COLOURS = List.of(
            "#0072B2", // blue
            "#E69F00", // orange
            "#009E73", // bluish green
            "#CC79A7", // reddish purple
            "#D55E00", // vermillion
            "#56B4E9", // sky blue
            "#999999", // grey
            "#F0E442"); // yellow, last: weak on white

    private Palette() {
    }

    public static String colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }
}
