package io.tinynets.data;

/** How labels become the target matrix a loss expects. */
public enum TargetEncoding {
    /** Binary classes as −1/+1 (tanh output + squared error, as TensorFlow Playground); regression unchanged. */
    PLUS_MINUS_ONE,
    /** Binary classes as 0/1 (sigmoid output + binary cross-entropy); regression unchanged. */
    ZERO_ONE,
    /** The class index in one column (softmax cross-entropy). */
    CLASS_INDEX
}
