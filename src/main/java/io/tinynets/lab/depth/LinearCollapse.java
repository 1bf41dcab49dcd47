package io.tinynets.lab.depth;

import io.tinynets.engine.Activation;
import io.tinynets.engine.layer.Dense;
import io.tinynets.engine.model.Mlp;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.List;

/**
 * A network whose hidden layers are all linear computes z = w·x + b before its output sigmoid, whatever its depth:
 * one matrix. The decision boundary σ(z) = ½ is the straight line w₁x₁ + w₂x₂ + b = 0. (The engine's
 * {@code Mlp.equivalentLinear} needs the output linear too; here the output sigmoid stays, which does not bend the
 * boundary because σ is monotone.)
 *
 * @param w1 weight of x₁
 * @param w2 weight of x₂
 * @param b  bias
 */
public record LinearCollapse(double w1, double w2, double b) {

    /** The collapse of {@code mlp}'s layers up to the output pre-activation; requires linear hidden layers. */
    public static LinearCollapse of(Mlp mlp) {
        List<Dense> layers = mlp.layers();
        for (int l = 0; l + 1 < layers.size(); l++) {
            if (layers.get(l).activation() != Activation.LINEAR) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " uses "
                        + layers.get(l).activation().key() + ": only linear hidden layers collapse");
            }
        }
        DMatrixRMaj w = layers.get(0).weight().value().copy();
        DMatrixRMaj b = layers.get(0).bias().value().copy();
        for (int l = 1; l < layers.size(); l++) {
            DMatrixRMaj wl = layers.get(l).weight().value();
            DMatrixRMaj nextW = new DMatrixRMaj(wl.numRows, w.numCols);
            DMatrixRMaj nextB = layers.get(l).bias().value().copy();
            // W ← W_l · W;  b ← b · W_lᵀ + b_l
            CommonOps_DDRM.mult(wl, w, nextW);
            CommonOps_DDRM.multAddTransB(b, wl, nextB);
            w = nextW;
            b = nextB;
        }
        return new LinearCollapse(w.get(0, 0), w.get(0, 1), b.get(0));
    }

    /** z = w₁x₁ + w₂x₂ + b; positive on the class-1 side of the line. */
    public double z(double x1, double x2) {
        return w1 * x1 + w2 * x2 + b;
    }
}
