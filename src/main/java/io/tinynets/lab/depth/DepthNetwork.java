package io.tinynets.lab.depth;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.FeatureSet;
import io.tinynets.data.TargetEncoding;
import io.tinynets.engine.Activation;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.model.LayerTrace;
import io.tinynets.engine.model.Mlp;
import io.tinynets.engine.model.MlpSpec;
import io.tinynets.engine.model.MlpTrainer;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.MlpEpochInBatches;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.io.ModelJson;
import io.tinynets.training.io.OptimizerStateJson;
import org.ejml.data.DMatrixRMaj;

import java.util.Collections;
import java.util.SplittableRandom;

/**
 * One deep MLP of the comparison with its data and plain SGD (so the gradient norms are the raw ones, not rescaled by
 * an adaptive optimizer). Built from its own generator seeded like its twin, so both see the same data and the same
 * initial draws: only the activation differs.
 */
final class DepthNetwork {

    static final double DOMAIN = 6;
    static final int BATCH = 20;

    private final Activation activation;
    private final Mlp mlp;
    private final MlpTrainer trainer;
    private final MlpEpochInBatches batches;
    /** Epochs of the saved run's batch order still to redraw before the first epoch (see {@link #prepare()}). */
    private long fastForwardLeft;
    private final DMatrixRMaj x;
    private final DMatrixRMaj y;
    private final DMatrixRMaj gridInput;

    DepthNetwork(DepthConfig config, Activation activation, long seed) {
        this(config, activation, seed, null, 0);
    }

    /**
     * @param savedModel  {@link ModelJson} of this network's shape to start from instead of the initial draws (which
     *                    are still drawn), or null; its optimizer block, when present and of SGD, is resumed
     * @param epochsSaved epochs the saved run had trained: the batch order is fast-forwarded by as many (by
     *                    {@link #prepare()}, in pieces), so the continued run sees the batches the uninterrupted one
     *                    would have (0 = the replay's order)
     */
    DepthNetwork(DepthConfig config, Activation activation, long seed, String savedModel, long epochsSaved) {
        this.activation = activation;
        SplittableRandom rng = new SplittableRandom(seed);
        Dataset2D data = Dataset2D.generate(config.dataset(), DepthConfig.POINTS, 0.0, 1.0, rng);
        x = data.trainInputs(FeatureSet.RAW);
        y = data.trainTargets(TargetEncoding.ZERO_ONE);
        MlpSpec spec = spec(config, activation);
        mlp = new Mlp(spec, rng);
        ModelJson.Loaded loaded = savedModel == null ? null : read(savedModel, spec);
        if (loaded != null) {
            Mlp saved = loaded.mlp();
            for (int i = 0; i < mlp.params().size(); i++) {
                double[] from = saved.params().get(i).value().data;
                System.arraycopy(from, 0, mlp.params().get(i).value().data, 0, from.length);
            }
        }
        Optimizer optimizer = optimizerConfig(config).create();
        if (loaded != null && loaded.optimizer() != null) {
            OptimizerStateJson.Saved.of(loaded.optimizer()).importInto(optimizer, mlp.params());
        }
        trainer = new MlpTrainer(mlp, Loss.BINARY_CROSS_ENTROPY, optimizer, BATCH, true, rng);
        trainer.setData(x, y);
        batches = new MlpEpochInBatches(trainer);
        fastForwardLeft = ResumePoint.epochsToFastForward(epochsSaved, drawsPerEpoch());
        gridInput = gridInputs();
    }

    /** One Fisher–Yates shuffle (n − 1 draws) per epoch. */
    private long drawsPerEpoch() {
        return x.numRows - 1L;
    }

    /** Saved weights of a network of {@code spec}'s shape, or an IllegalArgumentException naming the mismatch. */
    static ModelJson.Loaded read(String savedModel, MlpSpec spec) {
        ModelJson.Loaded loaded = ModelJson.read(savedModel);
        if (!loaded.mlp().spec().equals(spec)) {
            throw new IllegalArgumentException("saved weights are for the network " + loaded.mlp().spec()
                    + ", not for this config's " + spec);
        }
        return loaded;
    }

    /** Trainable scalars of a network of this config and activation, from the layer sizes alone. */
    static long parameterCount(DepthConfig config) {
        int[] sizes = spec(config, Activation.LINEAR).layerSizes();
        long n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return n;
    }

    /** Redraws one piece of the saved run's batch order; true while some is left. */
    boolean prepare() {
        if (fastForwardLeft > 0) {
            long piece = Math.min(fastForwardLeft, ResumePoint.epochsPerPiece(drawsPerEpoch()));
            trainer.fastForward(piece);
            fastForwardLeft -= piece;
        }
        return fastForwardLeft > 0;
    }

    /** Plain SGD, so the gradient norms shown are the raw ones. */
    static OptimizerConfig optimizerConfig(DepthConfig config) {
        return OptimizerConfig.of(OptimizerKind.SGD, config.learningRate());
    }

    static MlpSpec spec(DepthConfig config, Activation activation) {
        return new MlpSpec(2, Collections.nCopies(config.depth(), config.width()),
                Collections.nCopies(config.depth(), activation), 1, Activation.SIGMOID, config.initializer());
    }

    /**
     * Captured parameters and optimizer state as {@link ModelJson}, built on a fresh copy: never touches a live
     * network.
     */
    static String modelJson(DepthConfig config, NetworkInternals internals, boolean withState) {
        Mlp copy = new Mlp(spec(config, internals.activation()), new SplittableRandom(0));
        if (internals.parameters().length != copy.params().size()) {
            throw new IllegalArgumentException("internals hold " + internals.parameters().length
                    + " parameters, the config's network has " + copy.params().size());
        }
        for (int i = 0; i < internals.parameters().length; i++) {
            double[] to = copy.params().get(i).value().data;
            if (internals.parameters()[i].length != to.length) {
                throw new IllegalArgumentException("internals parameter " + i + " does not match the config");
            }
            System.arraycopy(internals.parameters()[i], 0, to, 0, to.length);
        }
        Optimizer optimizer = null;
        if (withState && internals.optimizer() != null) {
            optimizer = optimizerConfig(config).create();
            internals.optimizer().importInto(optimizer, copy.params());
        }
        return ModelJson.write(copy, optimizer);
    }

    double trainEpoch() {
        while (prepare()) {
            // a trainer used outside the runtime prepares on first use
        }
        Double loss;
        while ((loss = batches.step()) == null) {
            // the rest of the epoch
        }
        return loss;
    }

    /** One mini-batch: the epoch's loss once it completed the epoch (see {@link MlpEpochInBatches}), else null. */
    Double trainBatch() {
        return batches.step();
    }

    boolean parametersFinite() {
        return mlp.parametersFinite();
    }

    void setLearningRate(double lr) {
        trainer.optimizer().setLearningRate(lr);
    }

    long parameterCount() {
        return mlp.parameterCount();
    }

    int datasetSize() {
        return x.numRows;
    }

    Mlp mlp() {
        return mlp;
    }

    /** Everything the UI shows, measured on the whole training set (between two steps, on the training thread). */
    NetworkInternals capture() {
        Capture capture = startCapture();
        while (!capture.step()) {
            // every piece at once
        }
        return capture.result();
    }

    /** The capture in pieces (see {@link Capture}). */
    Capture startCapture() {
        return new Capture();
    }

    /** Grid rows of the decision boundary one capture piece computes (a deep network's grid takes a while). */
    static final int BOUNDARY_ROWS_PER_PIECE = 10;

    /**
     * {@link #capture()} in pieces small enough to share a training worker: the measures on the training set, the
     * decision boundary {@value #BOUNDARY_ROWS_PER_PIECE} grid rows at a time (each row's outputs are computed on
     * their own, so they are those of one pass over the grid), then the weights. Nothing trains in between.
     */
    final class Capture {
        private double loss;
        private double[] norms;
        private double[][] histograms;
        private boolean[][] dead;
        private int deadCount;
        private double accuracy;
        private double[] range;
        private double[] boundary;
        private int boundaryRow = -1;
        private NetworkInternals result;

        /** Computes the next piece; true once the capture is complete. */
        boolean step() {
            if (boundaryRow < 0) {
                measure();
                boundary = new double[gridInput.numRows];
                boundaryRow = 0;
            } else if (boundaryRow < NetworkInternals.GRID) {
                int rows = Math.min(BOUNDARY_ROWS_PER_PIECE, NetworkInternals.GRID - boundaryRow);
                int cols = NetworkInternals.GRID;
                DMatrixRMaj block = new DMatrixRMaj(rows * cols, 2);
                System.arraycopy(gridInput.data, boundaryRow * cols * 2, block.data, 0, rows * cols * 2);
                System.arraycopy(mlp.forward(block).data, 0, boundary, boundaryRow * cols, rows * cols);
                boundaryRow += rows;
            } else {
                LinearCollapse collapse = activation == Activation.LINEAR ? LinearCollapse.of(mlp) : null;
                double[][] parameters = new double[mlp.params().size()][];
                for (int i = 0; i < parameters.length; i++) {
                    parameters[i] = mlp.params().get(i).value().data.clone();
                }
                result = new NetworkInternals(activation, norms, histograms, range[0], range[1], dead, deadCount,
                        boundary, loss, accuracy, collapse, parameters,
                        OptimizerStateJson.Saved.of(trainer.optimizer()));
                return true;
            }
            return false;
        }

        NetworkInternals result() {
            return result;
        }

        private void measure() {
            // full-batch ∂L/∂θ: steadier than the last mini-batch's, and defined before the first step
            loss = mlp.computeGradients(x, y, Loss.BINARY_CROSS_ENTROPY);
            norms = mlp.layerGradientNorms();
            LayerTrace trace = mlp.trace(x);
            int hidden = trace.activations().size() - 1;
            range = histogramRange(activation);
            histograms = new double[hidden][];
            dead = new boolean[hidden][];
            for (int l = 0; l < hidden; l++) {
                DMatrixRMaj a = trace.activations().get(l);
                histograms[l] = histogram(a, range[0], range[1]);
                dead[l] = new boolean[a.numCols];
                for (int j = 0; j < a.numCols; j++) {
                    boolean allZero = true;
                    for (int r = 0; r < a.numRows && allZero; r++) {
                        allZero = a.get(r, j) == 0.0;
                    }
                    dead[l][j] = allZero;
                    deadCount += allZero ? 1 : 0;
                }
            }
            DMatrixRMaj p = trace.activations().get(hidden);
            int correct = 0;
            for (int r = 0; r < p.numRows; r++) {
                correct += (p.get(r, 0) >= 0.5) == (y.get(r, 0) >= 0.5) ? 1 : 0;
            }
            accuracy = (double) correct / p.numRows;
        }
    }

    /** The bins cover where the activation's outputs live, so a saturated sigmoid piles up at both ends. */
    static double[] histogramRange(Activation a) {
        return switch (a) {
            case SIGMOID -> new double[] {0, 1};
            case TANH -> new double[] {-1, 1};
            case RELU -> new double[] {0, 3};
            default -> new double[] {-3, 3};
        };
    }

    private static double[] histogram(DMatrixRMaj a, double min, double max) {
        int bins = NetworkInternals.BINS;
        double[] h = new double[bins];
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            double v = a.data[i];
            int b = (int) Math.floor((v - min) / (max - min) * bins);
            h[Math.max(0, Math.min(bins - 1, b))]++;
        }
        for (int b = 0; b < bins; b++) {
            h[b] /= n;
        }
        return h;
    }

    /** Grid points row-major with row 0 at the top (largest x₂), as the heat map draws them. */
    private static DMatrixRMaj gridInputs() {
        int n = NetworkInternals.GRID;
        DMatrixRMaj g = new DMatrixRMaj(n * n, 2);
        for (int row = 0; row < n; row++) {
            double x2 = DOMAIN - (row + 0.5) * 2 * DOMAIN / n;
            for (int col = 0; col < n; col++) {
                double x1 = -DOMAIN + (col + 0.5) * 2 * DOMAIN / n;
                g.set(row * n + col, 0, x1);
                g.set(row * n + col, 1, x2);
            }
        }
        return g;
    }

    static double gridX(int col) {
        return -DOMAIN + (col + 0.5) * 2 * DOMAIN / NetworkInternals.GRID;
    }

    static double gridY(int row) {
        return DOMAIN - (row + 0.5) * 2 * DOMAIN / NetworkInternals.GRID;
    }

    DMatrixRMaj inputs() {
        return x;
    }

    DMatrixRMaj targets() {
        return y;
    }
}
