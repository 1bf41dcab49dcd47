package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import io.tinynets.engine.layer.Dense;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.optim.GradientClipping;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.Regularization;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron: a stack of {@link Dense} layers named {@code layer0 … layerN}, the last one the output
 * layer. It trains in steps ({@link #trainStep}) and exposes what the labs draw: per-layer activations, gradient
 * norms, dead units, unit outputs over a grid of the input plane, and the equivalent single matrix of an all-linear
 * network.
 *
 * <p>Not thread-safe: the layers keep the last batch for backward, and introspection methods run their own forward
 * passes, so call them between steps on the thread that trains.
 */
public final class Mlp {

    private final MlpSpec spec;
    private final List<Dense> layers;
    private final List<Param> params;
    private final List<Param> weights;
    private final DMatrixRMaj dLoss = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj gridInput = new DMatrixRMaj(1, 1);
    /** The last loss found compatible with the output layer, so each step need not check again. */
    private Loss checkedLoss;

    /** Builds the layers and initializes weights from {@code rng} (biases zero), layer by layer. */
    public Mlp(MlpSpec spec, RandomGenerator rng) {
        this.spec = spec;
        int[] sizes = spec.layerSizes();
        List<Dense> built = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            boolean output = l + 2 == sizes.length;
            Activation f = output ? spec.outputActivation() : spec.hiddenActivations().get(l);
            Dense layer = new Dense("layer" + l, sizes[l], sizes[l + 1], f);
            spec.initializer().fill(layer.weight().value(), sizes[l], sizes[l + 1], rng);
            built.add(layer);
        }
        this.layers = Collections.unmodifiableList(built);
        List<Param> all = new ArrayList<>();
        List<Param> ws = new ArrayList<>();
        for (Dense layer : layers) {
            all.addAll(layer.params());
            ws.add(layer.weight());
        }
        this.params = Collections.unmodifiableList(all);
        this.weights = Collections.unmodifiableList(ws);
    }

    public MlpSpec spec() {
        return spec;
    }

    /** Hidden layers then the output layer. */
    public List<Dense> layers() {
        return layers;
    }

    /** Every weight and bias, layer by layer (weight before bias). */
    public List<Param> params() {
        return params;
    }

    /** The weight matrices only: what regularization penalizes. */
    public List<Param> weights() {
        return weights;
    }

    public int parameterCount() {
        int n = 0;
        for (Param p : params) {
            n += p.size();
        }
        return n;
    }

    /** The network's output for a batch (batch × inputs); an internal buffer overwritten by the next pass. */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj a = x;
        for (int l = 0, n = layers.size(); l < n; l++) {
            a = layers.get(l).forward(a);
        }
        return a;
    }

    /** The data loss on a batch, without touching gradients. */
    public double loss(DMatrixRMaj x, DMatrixRMaj target, Loss loss) {
        checkLoss(loss);
        DMatrixRMaj out = forward(x);
        Dense last = layers.get(layers.size() - 1);
        return loss.fusesWith(last.activation())
                ? loss.valueFromPreActivation(last.preActivation(), target)
                : loss.value(out, target);
    }

    /**
     * Zeroes the gradients, then forward and backward on the batch: afterwards every param's grad holds ∂L/∂param
     * of the data loss. Returns the data loss.
     */
    public double computeGradients(DMatrixRMaj x, DMatrixRMaj target, Loss loss) {
        checkLoss(loss);
        for (int i = 0, n = params.size(); i < n; i++) {
            params.get(i).zeroGrad();
        }
        DMatrixRMaj out = forward(x);
        int lastIndex = layers.size() - 1;
        Dense last = layers.get(lastIndex);
        double value;
        DMatrixRMaj d;
        if (loss.fusesWith(last.activation())) {
            // stable form: L and ∂L/∂z straight from the output pre-activation
            value = loss.valueFromPreActivation(last.preActivation(), target);
            loss.gradientFromPreActivation(last.preActivation(), target, dLoss);
            d = last.backwardFromPreActivation(dLoss, lastIndex > 0);
        } else {
            value = loss.value(out, target);
            loss.gradient(out, target, dLoss);
            d = last.backward(dLoss, lastIndex > 0);
        }
        for (int l = lastIndex - 1; l >= 0; l--) {
            d = layers.get(l).backward(d, l > 0);
        }
        return value;
    }

    /** One step without regularization or clipping. */
    public StepReport trainStep(DMatrixRMaj x, DMatrixRMaj target, Loss loss, Optimizer optimizer) {
        return trainStep(x, target, loss, optimizer, Regularization.NONE, GradientClipping.NONE);
    }

    /**
     * One training step on a batch: gradients of data loss + penalty on the weights, clipped, then one optimizer
     * update. The report carries the loss before the update and whether loss and parameters are still finite.
     */
    public StepReport trainStep(DMatrixRMaj x, DMatrixRMaj target, Loss loss, Optimizer optimizer,
                                Regularization regularization, GradientClipping clipping) {
        double dataLoss = computeGradients(x, target, loss);
        double penalty = 0.0;
        if (regularization.isActive()) {
            penalty = regularization.penalty(weights);
            regularization.addGradient(weights);
        }
        if (clipping.isActive()) {
            clipping.apply(params);
        }
        optimizer.step(params);
        double total = dataLoss + penalty;
        boolean finite = Double.isFinite(total) && parametersFinite();
        return new StepReport(total, dataLoss, penalty, finite);
    }

    /** True when no weight or bias is NaN or ±Infinity. */
    public boolean parametersFinite() {
        for (int i = 0, n = params.size(); i < n; i++) {
            if (!params.get(i).isFinite()) {
                return false;
            }
        }
        return true;
    }

    private void checkLoss(Loss loss) {
        if (loss == checkedLoss) {
            return;
        }
        Dense last = layers.get(layers.size() - 1);
        loss.incompatibility(last.activation(), last.outputs()).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        checkedLoss = loss;
    }

    // ---- introspection -------------------------------------------------------------------------------------------

    /** Runs x through the network and copies every layer's z and y. */
    public LayerTrace trace(DMatrixRMaj x) {
        forward(x);
        List<DMatrixRMaj> zs = new ArrayList<>(layers.size());
        List<DMatrixRMaj> ys = new ArrayList<>(layers.size());
        for (Dense layer : layers) {
            zs.add(layer.preActivation().copy());
            ys.add(layer.output().copy());
        }
        return new LayerTrace(List.copyOf(zs), List.copyOf(ys));
    }

    /**
     * √(‖∂L/∂W‖² + ‖∂L/∂b‖²) per layer from the gradients of the last step (the penalty's share included), input
     * side first: vanishing or exploding gradients show as a slope across layers.
     */
    public double[] layerGradientNorms() {
        double[] norms = new double[layers.size()];
        for (int l = 0; l < norms.length; l++) {
            double sum = 0;
            for (Param p : layers.get(l).params()) {
                double[] g = p.grad().data;
                for (int i = 0, n = p.size(); i < n; i++) {
                    sum += g[i] * g[i];
                }
            }
            norms[l] = Math.sqrt(sum);
        }
        return norms;
    }

    /**
     * Per layer, how many units output exactly 0 for every row of x: for ReLU, units that are dead on this data
     * set and receive no gradient. Returns one count per layer (output layer last).
     */
    public int[] deadUnitCounts(DMatrixRMaj x) {
        if (x.numRows == 0) {
            throw new IllegalArgumentException("dead unit count needs at least one input row");
        }
        forward(x);
        int[] counts = new int[layers.size()];
        for (int l = 0; l < counts.length; l++) {
            Dense layer = layers.get(l);
            double[] y = layer.output().data;
            int units = layer.outputs();
            for (int j = 0; j < units; j++) {
                boolean dead = true;
                for (int r = 0; r < x.numRows && dead; r++) {
                    dead = y[r * units + j] == 0.0;
                }
                if (dead) {
                    counts[l]++;
                }
            }
        }
        return counts;
    }

    /** The network output over the grid only (cheaper than {@link #unitGrids}): {@code [outputUnit][cell]}. */
    public double[][] outputGrid(int n, double x1Min, double x1Max, double x2Min, double x2Max,
                                 InputMapping mapping) {
        return evaluateGrid(n, x1Min, x1Max, x2Min, x2Max, mapping, false).output();
    }

    /** Every unit of every layer over an n×n grid; see {@link UnitGrids} for the layout. */
    public UnitGrids unitGrids(int n, double x1Min, double x1Max, double x2Min, double x2Max,
                               InputMapping mapping) {
        return evaluateGrid(n, x1Min, x1Max, x2Min, x2Max, mapping, true);
    }

    private UnitGrids evaluateGrid(int n, double x1Min, double x1Max, double x2Min, double x2Max,
                                   InputMapping mapping, boolean allLayers) {
        if (n < 2 || n > 1000) {
            throw new IllegalArgumentException("grid size n must be in 2..1000, was " + n);
        }
        if (!(x1Max > x1Min) || !(x2Max > x2Min)) {
            throw new IllegalArgumentException("grid ranges must have max > min, got x1 " + x1Min + ".." + x1Max
                    + ", x2 " + x2Min + ".." + x2Max);
        }
        if (mapping.width() != spec.inputs()) {
            throw new IllegalArgumentException("input mapping gives " + mapping.width()
                    + " columns but the network takes " + spec.inputs());
        }
        int first = allLayers ? 0 : layers.size() - 1;
        double[][][] values = new double[layers.size() - first][][];
        for (int l = first; l < layers.size(); l++) {
            values[l - first] = new double[layers.get(l).outputs()][n * n];
        }
        int width = mapping.width();
        gridInput.reshape(n, width);
        double dx1 = (x1Max - x1Min) / (n - 1);
        double dx2 = (x2Max - x2Min) / (n - 1);
        // one grid row (fixed x2) per batch of n points
        for (int row = 0; row < n; row++) {
            double x2 = x2Min + row * dx2;
            for (int col = 0; col < n; col++) {
                mapping.map(x1Min + col * dx1, x2, gridInput.data, col * width);
            }
            forward(gridInput);
            for (int l = first; l < layers.size(); l++) {
                Dense layer = layers.get(l);
                double[] y = layer.output().data;
                int units = layer.outputs();
                double[][] target = values[l - first];
                for (int col = 0; col < n; col++) {
                    for (int j = 0; j < units; j++) {
                        target[j][row * n + col] = y[col * units + j];
                    }
                }
            }
        }
        return new UnitGrids(n, x1Min, x1Max, x2Min, x2Max, values);
    }

    /** True when every layer, output included, is linear. */
    public boolean isAllLinear() {
        return layers.stream().allMatch(l -> l.activation() == Activation.LINEAR);
    }

    /**
     * For an all-linear network, the single map it computes: W = W_L ⋯ W_1, b = (…(b_1 W_2ᵀ + b_2)…)W_Lᵀ + b_L.
     *
     * @throws IllegalStateException if some layer is not linear (then no such matrix exists)
     */
    public LinearEquivalent equivalentLinear() {
        for (Dense layer : layers) {
            if (layer.activation() != Activation.LINEAR) {
                throw new IllegalStateException("layer " + layer.name() + " uses " + layer.activation().key()
                        + ": only an all-linear network collapses to one matrix");
            }
        }
        DMatrixRMaj w = layers.get(0).weight().value().copy();
        DMatrixRMaj b = layers.get(0).bias().value().copy();
        for (int l = 1; l < layers.size(); l++) {
            DMatrixRMaj wl = layers.get(l).weight().value();
            DMatrixRMaj nextW = new DMatrixRMaj(wl.numRows, w.numCols);
            DMatrixRMaj nextB = layers.get(l).bias().value().copy();
            // W ← W_l · W;  b ← b · W_lᵀ + b_l
            org.ejml.dense.row.CommonOps_DDRM.mult(wl, w, nextW);
            org.ejml.dense.row.CommonOps_DDRM.multAddTransB(b, wl, nextB);
            w = nextW;
            b = nextB;
        }
        return new LinearEquivalent(w, b);
    }
}
