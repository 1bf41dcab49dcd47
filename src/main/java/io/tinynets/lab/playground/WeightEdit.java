package io.tinynets.lab.playground;

/**
 * A student's change to one weight or bias, typed into the network diagram.
 *
 * @param layer index of the layer in the network (0 = first hidden layer, or the output layer of a network without
 *              hidden layers)
 * @param to    the unit of that layer
 * @param from  the unit of the previous layer the link comes from, or −1 for the bias of {@code to}
 * @param value the new value, finite
 */
public record WeightEdit(int layer, int to, int from, double value) {

    public WeightEdit {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a weight must be a finite number, was " + value);
        }
        if (layer < 0 || to < 0 || from < -1) {
            throw new IllegalArgumentException("no such link: layer " + layer + ", to " + to + ", from " + from);
        }
    }

    public boolean isBias() {
        return from < 0;
    }
}
