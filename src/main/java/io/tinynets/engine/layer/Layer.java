package io.tinynets.engine.layer;

import io.tinynets.engine.Param;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * One stage of a feed-forward network on a batch (rows × features): the contract a model relies on to chain layers
 * without knowing their kind, the same three parts as convnetjs' layers and micrograd's modules.
 *
 * <ul>
 *   <li>{@link #forward} maps x (batch × {@link #inputs()}) to y (batch × {@link #outputs()}). y is an internal
 *       buffer that the next forward overwrites, and the layer keeps a reference to x for the backward: the caller
 *       must not change x in between.</li>
 *   <li>{@link #backward} takes dy = ∂L/∂y for the last forward, <em>adds</em> ∂L/∂θ into the gradient of every
 *       parameter the layer reads (shared ones included) and returns dx = ∂L/∂x, an internal buffer, or null when
 *       the input gradient is not needed (the first layer of a network).</li>
 *   <li>{@link #params} lists the parameters the layer owns. A parameter it shares with another layer (a tied weight)
 *       is listed by its owner only, so concatenating the layers' lists names every parameter of a model once.</li>
 * </ul>
 */
public interface Layer {

    /** The prefix of the layer's parameter names, e.g. {@code "layer0"} for {@code "layer0.weight"}. */
    String name();

    int inputs();

    int outputs();

    /** The parameters this layer owns, in a fixed order. */
    List<Param> params();

    /** x (batch × inputs) → y (batch × outputs), an internal buffer. */
    DMatrixRMaj forward(DMatrixRMaj x);

    /**
     * Given dy = ∂L/∂y (batch × outputs) for the last forward, adds the parameter gradients and returns ∂L/∂x
     * (batch × inputs, an internal buffer), or null when {@code needInputGradient} is false.
     */
    DMatrixRMaj backward(DMatrixRMaj dy, boolean needInputGradient);

    /** {@link #backward(DMatrixRMaj, boolean)} with the input gradient computed. */
    default DMatrixRMaj backward(DMatrixRMaj dy) {
        return backward(dy, true);
    }
}
