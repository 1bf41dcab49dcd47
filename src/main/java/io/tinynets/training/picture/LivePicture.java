package io.tinynets.training.picture;


import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lab's run looks like when a teacher projects it from the live dashboard: the same picture a saved experiment
 * keeps (decision boundary, gate trace, reconstructions…), how to colour it, a caption and optionally points drawn
 * over it. One Spring bean per training lab; the dashboard only ever sees the run's internals as an {@code Object},
 * so every method takes that object and answers for it only when it is this lab's.
 */
public interface LivePicture {

    /** How the values are coloured, matching the heat map's colour maps. */
    enum Colours {
        /** Signed values around a middle (decision boundary, tanh states). */
        DIVERGING,
        /** Low to high (probabilities, sigmoid gates, losses, pixels). */
        SEQUENTIAL,
        /** Class indices 0..k−1, each in its class's point colour (a softmax's predicted class). */
        CLASSES
    }

    /**
     * Points over the picture in data coordinates. The rectangle is what the picture covers (x to the right, y
     * upward); class 0, 1, 2… picks a point's colour, hollow points are outlined (test data, a walk's past steps).
     */
    record Overlay(double xMin, double xMax, double yMin, double yMax, double[] x, double[] y, int[] classes,
                   boolean[] hollow) {

        public Overlay {
            Objects.requireNonNull(x, "x");
            if (y.length != x.length || classes.length != x.length || hollow.length != x.length) {
                throw new IllegalArgumentException("overlay needs as many y, classes and hollow flags as x ("
                        + x.length + "), got " + y.length + ", " + classes.length + ", " + hollow.length);
            }
            if (!(xMax > xMin) || !(yMax > yMin)) {
                throw new IllegalArgumentException("overlay rectangle needs xMin < xMax and yMin < yMax, got ["
                        + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]");
            }
        }

        public int size() {
            return x.length;
        }

        /** By value, so a view resends points only when they changed (a dataset's points never do). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Overlay p && xMin == p.xMin && xMax == p.xMax && yMin == p.yMin && yMax == p.yMax
                    && Arrays.equals(x, p.x) && Arrays.equals(y, p.y) && Arrays.equals(classes, p.classes)
                    && Arrays.equals(hollow, p.hollow);
        }

        @Override
        public int hashCode() {
            return Objects.hash(xMin, xMax, yMin, yMax, Arrays.hashCode(x), Arrays.hashCode(y),
                    Arrays.hashCode(classes), Arrays.hashCode(hollow));
        }

        @Override
        public String toString() {
            return "Overlay[" + x.length + " points in [" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]]";
        }
    }

    /** The lab key, its route, as in {@code RunStatus.labKey()}. */
    String lab();

    /**
     * The picture of these internals, byte for byte the one a saved experiment of the same moment keeps; empty when
     * the object is not this lab's internals (or null) or holds nothing to draw yet.
     */
    Optional<Picture> of(Object internals);

    /** The colour map the lab itself uses for this picture. */
    Colours colours(Object internals);

    /** Message key of a short caption saying what the picture is ("Decision boundary"…). */
    String captionKey(Object internals);

    /**
     * Message key naming what the picture's colours measure, written along its colour bar ("network output"). Also
     * asked with {@code null} internals for a saved picture, whose internals are gone: the answer is then the lab's
     * usual quantity.
     */
    String valueKey(Object internals);

    /** Points to draw over the picture so it reads like the lab's own; empty by default. */
    default Optional<Overlay> overlay(Object internals) {
        return Optional.empty();
    }
}
