package io.tinynets.lab.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.FeatureSet;
import io.tinynets.data.Point2D;
import io.tinynets.engine.Activation;
import io.tinynets.engine.layer.Dense;
import io.tinynets.engine.loss.Loss;
import io.tinynets.engine.model.Mlp;
import io.tinynets.engine.model.MlpSpec;
import io.tinynets.engine.model.MlpTrainer;
import io.tinynets.engine.model.UnitGrids;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.optim.Regularization;
import io.tinynets.lab.MlpEpochInBatches;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Hyperparameter;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;
import io.tinynets.training.io.ModelJson;
import io.tinynets.training.io.OptimizerStateJson;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The playground's network on its data: wraps the engine's {@link Mlp} and {@link MlpTrainer} (no math of its own)
 * and measures what the view shows. One seed draws the initial weights and then the batch order.
 *
 * <p>Threading: the runtime calls {@link #trainChunk} (one mini-batch), {@link #prepare} and
 * {@link #captureInternals} from one thread at a time. A weight typed by the student arrives from the UI thread
 * through {@link #queueEdit}, which only enqueues it; the edit is applied by the training thread at the next epoch
 * boundary, so it never races a training step.
 */
public final class PlaygroundTrainer implements Trainer<PlaygroundInternals> {

    public static final String REGULARIZATION_RATE = "regularizationRate";
    public static final int BOUNDARY_GRID = 50;
    public static final int UNIT_GRID = 16;

    private final PlaygroundConfig config;
    private final FeatureSet features;
    private final int classes;
    private final Mlp mlp;
    private final MlpTrainer trainer;
    private final MlpEpochInBatches batches;
    /** Epochs of the saved run's batch order still to redraw before the first epoch (see {@link #prepare()}). */
    private long fastForwardLeft;
    private final Loss loss;
    private final DMatrixRMaj trainX;
    private final DMatrixRMaj trainY;
    private final DMatrixRMaj testX;
    private final DMatrixRMaj testY;
    private final int[] trainLabels;
    private final int[] testLabels;
    private final double domain;
    private final Dataset2D data;
    private final double[][] inputGrids;
    private final ConcurrentLinkedQueue<WeightEdit> edits = new ConcurrentLinkedQueue<>();
    private double regularizationRate;
    /** Epochs trained before this trainer was built (a continued run), so captures count the whole run. */
    private final long epochsBefore;

    public PlaygroundTrainer(PlaygroundConfig config, Dataset2D data, long seed) {
        this(config, data, seed, null);
    }

    /**
     * A trainer that continues from saved weights: the seed still draws (and then discards) the initial weights. When
     * the saved weights carry the optimizer's state and the epoch count ({@link #weightsJson}), the optimizer resumes
     * that state (if it is of the same kind; otherwise it starts fresh) and the batch order is fast-forwarded by the
     * saved epochs, so the continued run trains exactly as the uninterrupted run would have. Older saved weights
     * without them start a fresh optimizer on the replay's batch order.
     *
     * @param savedWeights {@link ModelJson} of a network of exactly this config's shape, or null for fresh weights
     * @throws IllegalArgumentException if the saved weights do not fit the network
     */
    public PlaygroundTrainer(PlaygroundConfig config, Dataset2D data, long seed, String savedWeights) {
        checkPairing(config, data);
        this.config = config;
        this.features = new FeatureSet(config.features());
        this.classes = data.classes();
        OutputLoss out = config.outputLoss();
        this.loss = out.loss();
        MlpSpec spec = specFor(config, classes);
        SplittableRandom rng = new SplittableRandom(seed);
        this.mlp = new Mlp(spec, rng);
        ModelJson.Loaded saved = savedWeights == null ? null : load(savedWeights);
        Optimizer optimizer = OptimizerConfig.of(config.optimizer(), config.learningRate()).create();
        if (saved != null && saved.optimizer() != null) {
            OptimizerStateJson.Saved.of(saved.optimizer()).importInto(optimizer, mlp.params());
        }
        this.trainer = new MlpTrainer(mlp, loss, optimizer, config.batchSize(), true, rng);
        this.trainX = data.trainInputs(features);
        this.trainY = data.trainTargets(out.encoding());
        this.testX = data.testInputs(features);
        this.testY = data.testTargets(out.encoding());
        this.trainLabels = labels(data.train());
        this.testLabels = labels(data.test());
        trainer.setData(trainX, trainY);
        this.batches = new MlpEpochInBatches(trainer);
        this.epochsBefore = savedWeights == null ? 0 : savedEpochs(savedWeights);
        this.fastForwardLeft = ResumePoint.epochsToFastForward(epochsBefore, drawsPerEpoch());
        this.regularizationRate = config.regularizationRate();
        trainer.setRegularization(regularization());
        this.domain = domainOf(data);
        this.data = data;
        this.inputGrids = inputGrids();
    }

    /**
     * The factory the view hands to the training service: its plan is computed from the config and the data, its
     * check refuses a loss that cannot learn the data and saved weights that do not fit (before anything is built).
     *
     * @param savedWeights see {@link #PlaygroundTrainer(PlaygroundConfig, Dataset2D, long, String)}; null for fresh
     * @param onBuilt      told of every trainer built (on the training pool), e.g. to queue weight edits into it
     */
    public static TrainerFactory<PlaygroundInternals> factory(PlaygroundConfig config, Dataset2D data,
                                                             String savedWeights,
                                                             Consumer<PlaygroundTrainer> onBuilt) {
        return TrainerFactory.of(plan(config, data), () -> {
            checkPairing(config, data);
            if (savedWeights != null) {
                read(savedWeights, specFor(config, data.classes()));
                savedEpochs(savedWeights);
            }
        }, seed -> {
            PlaygroundTrainer t = new PlaygroundTrainer(config, data, seed, savedWeights);
            onBuilt.accept(t);
            return t;
        });
    }

    /** What the trainer of this config on this data will hold, from the layer sizes alone. */
    public static TrainerPlan plan(PlaygroundConfig config, Dataset2D data) {
        int[] sizes = specFor(config, data.classes()).layerSizes();
        long parameters = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            parameters += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return new TrainerPlan(parameters, data.train().size(), config.learningRate(), hyperparametersOf(config));
    }

    private static void checkPairing(PlaygroundConfig config, Dataset2D data) {
        if (!config.outputLoss().supports(data.classes())) {
            throw new IllegalArgumentException("output and loss " + config.outputLoss().key() + " cannot learn "
                    + (data.isRegression() ? "a regression task" : data.classes() + " classes"));
        }
    }

    /** One Fisher–Yates shuffle (n − 1 draws) per epoch. */
    private long drawsPerEpoch() {
        return trainX.numRows - 1L;
    }

    /** The network a config builds for data with {@code classes} classes (0 = regression). */
    public static MlpSpec specFor(PlaygroundConfig config, int classes) {
        OutputLoss out = config.outputLoss();
        return new MlpSpec(config.features().size(), config.hidden(), config.activations(), out.outputs(classes),
                out.activation(), config.initializer());
    }

    /**
     * The weights of captured internals as {@link ModelJson}, with the captured optimizer state in its
     * {@code "optimizer"} block and a top-level {@code "epochs"} (epochs trained; the weights alone if that would not
     * fit {@link ResumePoint#MAX_SAVED_CHARS}), without touching the live trainer: safe on the UI thread while the
     * run trains, because internals are an immutable copy.
     */
    public static String weightsJson(PlaygroundConfig config, int classes, PlaygroundInternals internals) {
        Mlp copy = new Mlp(specFor(config, classes), new SplittableRandom(0));
        List<Dense> layers = copy.layers();
        if (internals.weights().length != layers.size()) {
            throw new IllegalArgumentException("internals have " + internals.weights().length
                    + " layers, the config builds " + layers.size());
        }
        for (int l = 0; l < layers.size(); l++) {
            double[] w = layers.get(l).weight().value().data;
            double[] b = layers.get(l).bias().value().data;
            if (internals.weights()[l].length != w.length || internals.biases()[l].length != b.length) {
                throw new IllegalArgumentException("internals layer " + l + " does not match the config's network");
            }
            System.arraycopy(internals.weights()[l], 0, w, 0, w.length);
            System.arraycopy(internals.biases()[l], 0, b, 0, b.length);
        }
        Optimizer optimizer = null;
        if (internals.optimizer() != null) {
            optimizer = OptimizerConfig.of(internals.optimizer().kind(), config.learningRate()).create();
            optimizer.importState(internals.optimizer().state(), copy.params());
        }
        String full = withEpochs(ModelJson.write(copy, optimizer), internals.epochs());
        return ResumePoint.fits(full, ResumePoint.MAX_SAVED_CHARS) ? full : ModelJson.write(copy);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** {@code json} (a JSON object) with {@code "epochs": epochs} added. */
    private static String withEpochs(String json, long epochs) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(json);
            ResumePoint.put(root, epochs);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("weights JSON could not be extended", e);
        }
    }

    private static long savedEpochs(String json) {
        try {
            return ResumePoint.epochs(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("saved weights are not valid JSON");
        }
    }

    /** Saved weights of a network of {@code spec}'s shape, or an IllegalArgumentException naming the mismatch. */
    private static ModelJson.Loaded read(String savedWeights, MlpSpec spec) {
        ModelJson.Loaded loaded = ModelJson.read(savedWeights);
        if (!loaded.mlp().spec().equals(spec)) {
            throw new IllegalArgumentException("saved weights are for the network " + loaded.mlp().spec()
                    + ", not for this config's " + spec);
        }
        return loaded;
    }

    private ModelJson.Loaded load(String savedWeights) {
        ModelJson.Loaded loaded = read(savedWeights, mlp.spec());
        Mlp saved = loaded.mlp();
        for (int i = 0; i < mlp.params().size(); i++) {
            double[] from = saved.params().get(i).value().data;
            System.arraycopy(from, 0, mlp.params().get(i).value().data, 0, from.length);
        }
        return loaded;
    }

    public PlaygroundConfig config() {
        return config;
    }

    public Mlp mlp() {
        return mlp;
    }

    /** Half width of the square the grids cover: the data's extent, at least the generators' 6. */
    public double domain() {
        return domain;
    }

    /**
     * Queues a change of one weight or bias; safe from any thread. It takes effect at the next epoch boundary (the
     * next step or play), before that epoch trains.
     *
     * @throws IllegalArgumentException if the link does not exist in this network
     */
    public void queueEdit(WeightEdit edit) {
        List<Dense> layers = mlp.layers();
        if (edit.layer() >= layers.size()) {
            throw new IllegalArgumentException("layer must be in 0.." + (layers.size() - 1) + ", was " + edit.layer());
        }
        Dense layer = layers.get(edit.layer());
        if (edit.to() >= layer.outputs() || edit.from() >= layer.inputs()) {
            throw new IllegalArgumentException("layer " + edit.layer() + " has " + layer.outputs() + " units with "
                    + layer.inputs() + " inputs each; no link " + edit.from() + " → " + edit.to());
        }
        edits.add(edit);
    }

    /** Edits queued and not yet applied. */
    public int pendingEdits() {
        return edits.size();
    }

    private void applyEdits() {
        WeightEdit e;
        while ((e = edits.poll()) != null) {
            Dense layer = mlp.layers().get(e.layer());
            if (e.isBias()) {
                layer.bias().value().set(0, e.to(), e.value());
            } else {
                layer.weight().value().set(e.to(), e.from(), e.value());
            }
        }
    }

    /** Redraws one piece of the saved run's batch order; true while some is left. */
    @Override
    public boolean prepare() {
        if (fastForwardLeft > 0) {
            long piece = Math.min(fastForwardLeft, ResumePoint.epochsPerPiece(drawsPerEpoch()));
            trainer.fastForward(piece);
            fastForwardLeft -= piece;
        }
        return fastForwardLeft > 0;
    }

    @Override
    public EpochMetrics trainEpoch() {
        while (prepare()) {
            // a trainer used outside the runtime prepares on first use
        }
        EpochMetrics metrics;
        while ((metrics = trainChunk()) == null) {
            // the rest of the epoch
        }
        return metrics;
    }

    /** One mini-batch; weight edits are applied before an epoch's first batch, test figures after its last. */
    @Override
    public EpochMetrics trainChunk() {
        if (!batches.inEpoch()) {
            applyEdits();
        }
        Double epochLoss = batches.step();
        if (epochLoss == null) {
            return null;
        }
        double trainLoss = epochLoss;
        if (!Double.isFinite(trainLoss)) {
            return EpochMetrics.of(trainLoss);
        }
        OptionalDouble testLoss = testX.numRows == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(mlp.loss(testX, testY, loss));
        OptionalDouble accuracy = OptionalDouble.empty();
        if (classes > 0) {
            accuracy = OptionalDouble.of(testX.numRows > 0 ? accuracy(testX, testLabels) : accuracy(trainX, trainLabels));
        }
        return new EpochMetrics(trainLoss, testLoss, accuracy);
    }

    @Override
    public PlaygroundInternals captureInternals() {
        applyEdits();
        List<Dense> layers = mlp.layers();
        int[] sizes = mlp.spec().layerSizes();
        double[][] weights = new double[layers.size()][];
        double[][] biases = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            weights[l] = layers.get(l).weight().value().data.clone();
            biases[l] = layers.get(l).bias().value().data.clone();
        }
        UnitGrids units = mlp.unitGrids(UNIT_GRID, -domain, domain, -domain, domain, features);
        double[][][] unitGrids = new double[layers.size() + 1][][];
        unitGrids[0] = inputGrids;
        for (int l = 0; l < layers.size(); l++) {
            double[][] layer = units.values()[l];
            unitGrids[l + 1] = new double[layer.length][];
            for (int u = 0; u < layer.length; u++) {
                unitGrids[l + 1][u] = topFirst(layer[u], UNIT_GRID);
            }
        }
        double[][] output = mlp.outputGrid(BOUNDARY_GRID, -domain, domain, -domain, domain, features);
        double[] boundary;
        double min;
        double max;
        if (config.outputLoss() == OutputLoss.SOFTMAX_CROSS_ENTROPY) {
            boundary = new double[BOUNDARY_GRID * BOUNDARY_GRID];
            for (int i = 0; i < boundary.length; i++) {
                int best = 0;
                for (int k = 1; k < output.length; k++) {
                    if (output[k][i] > output[best][i]) {
                        best = k;
                    }
                }
                boundary[i] = best;
            }
            boundary = topFirst(boundary, BOUNDARY_GRID);
            min = 0;
            max = output.length - 1;
        } else {
            boundary = topFirst(output[0], BOUNDARY_GRID);
            min = config.outputLoss().activation() == Activation.SIGMOID ? 0 : -1;
            max = 1;
        }
        double trainLoss = mlp.loss(trainX, trainY, loss);
        double testLoss = testX.numRows == 0 ? Double.NaN : mlp.loss(testX, testY, loss);
        double trainAcc = classes == 0 ? Double.NaN : accuracy(trainX, trainLabels);
        double testAcc = classes == 0 || testX.numRows == 0 ? Double.NaN : accuracy(testX, testLabels);
        return new PlaygroundInternals(sizes, weights, biases, BOUNDARY_GRID, boundary, min, max, UNIT_GRID, unitGrids,
                domain, trainLoss, testLoss, trainAcc, testAcc, data,
                OptimizerStateJson.Saved.of(trainer.optimizer()), epochsBefore + trainer.epochs());
    }

    /** Share of rows whose predicted class is the label: sign/0.5 threshold for one output, argmax for several. */
    double accuracy(DMatrixRMaj x, int[] labels) {
        if (x.numRows == 0) {
            return Double.NaN;
        }
        DMatrixRMaj out = mlp.forward(x);
        int k = out.numCols;
        double threshold = config.outputLoss().activation() == Activation.SIGMOID ? 0.5 : 0.0;
        int right = 0;
        for (int r = 0; r < out.numRows; r++) {
            int predicted;
            if (k == 1) {
                predicted = out.data[r] > threshold ? 1 : 0;
            } else {
                predicted = 0;
                for (int j = 1; j < k; j++) {
                    if (out.data[r * k + j] > out.data[r * k + predicted]) {
                        predicted = j;
                    }
                }
            }
            if (predicted == labels[r]) {
                right++;
            }
        }
        return right / (double) out.numRows;
    }

    @Override
    public boolean parametersFinite() {
        return mlp.parametersFinite();
    }

    @Override
    public double learningRate() {
        return trainer.optimizer().learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        trainer.optimizer().setLearningRate(learningRate);
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return hyperparametersOf(config);
    }

    private static List<Hyperparameter> hyperparametersOf(PlaygroundConfig config) {
        return List.of(new Hyperparameter(REGULARIZATION_RATE, 0, PlaygroundConfig.MAX_REGULARIZATION_RATE,
                config.regularizationRate()));
    }

    @Override
    public void setHyperparameter(String key, double value) {
        if (!REGULARIZATION_RATE.equals(key)) {
            Trainer.super.setHyperparameter(key, value);
        }
        regularizationRate = value;
        trainer.setRegularization(regularization());
    }

    @Override
    public long parameterCount() {
        return mlp.parameterCount();
    }

    @Override
    public int datasetSize() {
        return trainX.numRows;
    }

    private Regularization regularization() {
        return new Regularization(config.regularization(), regularizationRate);
    }

    private double[][] inputGrids() {
        double[][] grids = new double[features.width()][UNIT_GRID * UNIT_GRID];
        double step = 2 * domain / (UNIT_GRID - 1);
        for (int row = 0; row < UNIT_GRID; row++) {
            double x2 = domain - row * step; // row 0 at the top
            for (int col = 0; col < UNIT_GRID; col++) {
                double x1 = -domain + col * step;
                for (int f = 0; f < features.width(); f++) {
                    grids[f][row * UNIT_GRID + col] = features.features().get(f).apply(x1, x2);
                }
            }
        }
        return grids;
    }

    /** The engine's grids put x2Min in row 0; the heat maps want the top (x2Max) first. */
    static double[] topFirst(double[] grid, int n) {
        double[] out = new double[grid.length];
        for (int row = 0; row < n; row++) {
            System.arraycopy(grid, row * n, out, (n - 1 - row) * n, n);
        }
        return out;
    }

    private static int[] labels(List<Point2D> points) {
        int[] labels = new int[points.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) points.get(i).label();
        }
        return labels;
    }

    /** Half width of the square the grids cover: at least 6, and every point inside with a 5 % margin. */
    public static double domainOf(Dataset2D data) {
        double max = 6;
        for (List<Point2D> set : List.of(data.train(), data.test())) {
            for (Point2D p : set) {
                max = Math.max(max, Math.max(Math.abs(p.x1()), Math.abs(p.x2())) * 1.05);
            }
        }
        return Math.ceil(max);
    }
}
