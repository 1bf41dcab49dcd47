package io.tinynets.data;

/**
 * One sample of a 2D data set.
 *
 * @param x1    first coordinate
 * @param x2    second coordinate
 * @param label the class index 0..K−1 for classification, or the real target for regression
 */
public record Point2D(double x1, double x2, double label) {
}
