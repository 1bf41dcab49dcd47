package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinynets.data.images.ImageGeneration;
import io.tinynets.data.images.ImageSet;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.model.Autoencoder;
import io.tinynets.engine.model.AutoencoderBatches;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.model.AutoencoderPca;
import io.tinynets.engine.model.PcaErrorInPieces;
import io.tinynets.engine.model.AutoencoderSpec;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Hyperparameter;
import io.tinynets.training.InternalsCapture;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;
import io.tinynets.training.io.OptimizerStateJson;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The autoencoder lab's trainer: one epoch is one shuffled pass over the samples. Internals carry a few inputs, their
 * noisy versions and reconstructions, the codes of up to {@link #LATENT_POINTS} samples on the latent plane, the PCA
 * line at the same k, and a frozen copy of the model for the decoder explorer. The noise level can change live.
 */
public final class AutoencoderLabTrainer implements Trainer<AutoencoderInternals> {

    public static final int SHOWN = 10;
    public static final int LATENT_POINTS = 300;
    public static final String NOISE_LEVEL = "noiseLevel";

    /**
     * Rows one capture piece encodes (for the latent plane) or reconstructs (to measure the error): about 2 ms for
     * the largest network (250 rows, or the 300 codes at once, held a worker for 12 ms). Each row is computed on its
     * own, so the pieces give what one pass over every row gives.
     */
    static final int ROWS_PER_PIECE = 50;

    private final AutoencoderConfig config;
    private final String savedWeights;
    /** The run's one generator: the data, then the initial weights, then the batches and noise draw from it. */
    private final SplittableRandom rng;
    /** The data set being drawn by {@link #prepare()}; null once it is and the model is made (see {@link #build()}). */
    private ImageGeneration generation;
    // the rest is made from the data once it is drawn (see buildModel)
    private ImageSet data;
    private Autoencoder model;
    private AutoencoderBatches batches;
    /** The saved weights being read by {@link #prepare()}, in pieces; null when there are none or once read. */
    private JsonTreeInPieces reading;
    /** The saved weights read, until they and their optimizer state are applied; null when there are none. */
    private JsonNode saved;
    private boolean savedWeightsLoaded;
    private int lastReadingTokens;
    /** Epochs of the saved run's stream still to redraw before the first epoch (see {@link #prepare()}). */
    private long fastForwardLeft;
    private long drawsPerEpoch;
    private long lastPieceDraws;
    /** PCA's error at the bottleneck size; NaN until {@link #prepare()} (or first use) has fitted it. */
    private double pcaError = Double.NaN;
    /** That error being computed, piece by piece, by {@link #prepare()}; null until it starts. */
    private PcaErrorInPieces pcaPieces;
    private SplittableRandom captureRng;
    private DMatrixRMaj shown;
    private DMatrixRMaj latentInputs;
    private final DMatrixRMaj noisy = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj pieceRows = new DMatrixRMaj(1, 1);
    /** Epochs of the whole run, those of the saved run this one continues included. */
    private long epochs;
    /** The batch losses of the epoch in progress (see {@link #trainChunk()}). */
    private double epochLossSum;
    private int epochBatches;

    AutoencoderLabTrainer(AutoencoderConfig config, long seed) {
        this(config, seed, null);
    }

    /**
     * Cheap: the data set, the model and the rest are made by {@link #prepare()} in pieces (or at once on first use
     * outside the runtime), so building a run of 2000 digits does not hold a worker for tens of milliseconds. Saved
     * weights that do not fit the config are refused then; {@link #factory(AutoencoderConfig, String)}'s check refuses
     * them before any run is built.
     *
     * @param savedWeights {@link AutoencoderWeights} JSON the model starts from instead of the seed's initial weights
     *                     ("continue training"); null for fresh weights. The seed still draws data and batches;
     *                     when the JSON carries the optimizer's state and epochs, the optimizer resumes (if of the
     *                     same kind) and the batches and noise are fast-forwarded by the saved epochs, so the run
     *                     continues exactly as the uninterrupted one would have.
     */
    AutoencoderLabTrainer(AutoencoderConfig config, long seed, String savedWeights) {
        this.config = config;
        this.savedWeights = savedWeights;
        this.rng = new SplittableRandom(seed);
        this.generation = config.data().start(config.samples(), rng);
    }

    /** Draws the rest of the data set and makes the model, if {@link #prepare()} has not yet. */
    private void build() {
        while (generation != null) {
            buildPiece();
        }
    }

    /**
     * A few more samples of the data set; once the last is drawn, the model; then the saved weights, read
     * {@link JsonTreeInPieces#TOKENS_PER_PIECE} tokens a piece (the largest network's are 70 000 numbers, 15 ms at
     * once); then checked and copied into the model (about a millisecond); then the rest (with the saved optimizer
     * state).
     */
    private void buildPiece() {
        lastReadingTokens = 0;
        if (data == null) {
            if (generation.step()) {
                data = generation.result();
                this.model = new Autoencoder(config.spec(data.features()), rng);
                reading = savedWeights == null ? null : AutoencoderWeights.reading(savedWeights);
            }
        } else if (reading != null) {
            boolean read = reading.step();
            lastReadingTokens = reading.lastPieceTokens();
            if (read) {
                saved = reading.result();
                reading = null;
            }
        } else if (savedWeights != null && !savedWeightsLoaded) {
            AutoencoderWeights.load(saved, model);
            savedWeightsLoaded = true;
        } else {
            buildOptimizer();
            saved = null;
            generation = null;
        }
    }

    /** Tokens (numbers, names, brackets) of saved weights the last piece of the build read (0: none), for tests. */
    int lastReadingPieceTokens() {
        return lastReadingTokens;
    }

    private void buildOptimizer() {
        Optimizer optimizer = OptimizerConfig.of(config.optimizer(), config.learningRate()).create();
        long epochsBefore = savedWeights == null ? 0 : AutoencoderWeights.resume(saved, optimizer, model);
        this.batches = new AutoencoderBatches(model, data.samples(), config.loss(), optimizer,
                AutoencoderConfig.BATCH_SIZE, rng);
        batches.setNoise(config.noise());
        this.captureRng = rng.split();
        // after the split, as in the uninterrupted run: its epochs drew from rng only after this point
        // one shuffle per epoch, and one noise draw per pixel of every sample unless there is no noise
        this.drawsPerEpoch = data.size() - 1L
                + (config.noise().kind() == AutoencoderNoise.Kind.NONE ? 0 : (long) data.size() * data.features());
        this.fastForwardLeft = ResumePoint.epochsToFastForward(epochsBefore, drawsPerEpoch);
        this.epochs = epochsBefore;
        int d = data.features();
        this.shown = rows(0, SHOWN, d);
        this.latentInputs = rows(0, Math.min(LATENT_POINTS, data.size()), d);
    }

    /**
     * A factory for the training service: same config, seed → same data, weights and curve. The view runs it with
     * {@link AutoencoderConfig#seed()}; the runtime passes the seed in so a reset may draw a new one.
     */
    public static TrainerFactory<AutoencoderInternals> factory(AutoencoderConfig config) {
        return TrainerFactory.of(plan(config), seed -> new AutoencoderLabTrainer(config, seed));
    }

    /**
     * The factory of "continue training": every build (and reset) starts from the saved weights. Its check refuses
     * weights that do not fit the config, on a throw-away model of the config's shape (no data is generated).
     */
    public static TrainerFactory<AutoencoderInternals> factory(AutoencoderConfig config, String savedWeights) {
        return TrainerFactory.of(plan(config), () -> {
            AutoencoderSpec spec = config.spec(inputs(config));
            Autoencoder shape = new Autoencoder(spec, new SplittableRandom(0));
            JsonNode saved = AutoencoderWeights.read(savedWeights);
            AutoencoderWeights.load(saved, shape);
            AutoencoderWeights.resume(saved,
                    OptimizerConfig.of(config.optimizer(), config.learningRate()).create(), shape);
        }, seed -> new AutoencoderLabTrainer(config, seed, savedWeights));
    }

    /** What the trainer of this config will hold, from the layer sizes alone. */
    static TrainerPlan plan(AutoencoderConfig config) {
        int[] sizes = config.spec(inputs(config)).encoderSizes();
        long parameters = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            // encoder layer l, and its mirror in the decoder: a weight of its own unless tied, and a bias
            parameters += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
            parameters += (config.tied() ? 0 : (long) sizes[l] * sizes[l + 1]) + sizes[l];
        }
        return new TrainerPlan(parameters, config.samples(), config.learningRate(), hyperparametersOf(config));
    }

    /** Features per sample of the config's data set (the size of a handful of samples, not of the data). */
    private static int inputs(AutoencoderConfig config) {
        return config.data().generate(ImageSetKind.MIN_SAMPLES, new SplittableRandom(0)).features();
    }

    private DMatrixRMaj rows(int from, int count, int d) {
        DMatrixRMaj m = new DMatrixRMaj(count, d);
        System.arraycopy(data.samples().data, from * d, m.data, 0, count * d);
        return m;
    }

    public AutoencoderConfig config() {
        return config;
    }

    public double pcaError() {
        build();
        fitPca();
        return pcaError;
    }

    private void fitPca() {
        while (Double.isNaN(pcaError)) {
            pcaPiece();
        }
    }

    /** One piece of the PCA baseline (the SVD of 2000 digits in one piece held a worker for over 100 ms). */
    private void pcaPiece() {
        if (pcaPieces == null) {
            pcaPieces = new PcaErrorInPieces(data.samples(), Math.min(config.bottleneck(), data.features()));
        }
        if (pcaPieces.step()) {
            pcaError = pcaPieces.error();
            pcaPieces = null;
        }
    }

    /**
     * The data set and the model, then the PCA baseline, then a continued run's fast-forward, each in pieces; true
     * while some is left.
     */
    @Override
    public boolean prepare() {
        if (generation != null) {
            buildPiece();
            return true;
        } else if (Double.isNaN(pcaError)) {
            pcaPiece();
            return true; // the next call finds the error known, or goes on
        } else if (fastForwardLeft > 0) {
            fastForwardPiece();
        }
        return fastForwardLeft > 0;
    }

    /**
     * Redraws batches of the saved epochs until about {@link ResumePoint#DRAWS_PER_PIECE} draws: an epoch of 2000
     * noisy 16 × 16 digits is half a million, so whole epochs would not fit a piece.
     */
    private void fastForwardPiece() {
        long draws = 0;
        long perBatch = config.noise().kind() == AutoencoderNoise.Kind.NONE ? 0
                : (long) AutoencoderConfig.BATCH_SIZE * data.features();
        do {
            if (!batches.inEpoch()) {
                draws += data.size() - 1L; // the epoch's shuffle
            }
            if (batches.fastForwardBatch()) {
                fastForwardLeft--;
            }
            draws += perBatch + 1; // at least one unit of work a batch, when there is no noise to draw
        } while (fastForwardLeft > 0 && draws < ResumePoint.DRAWS_PER_PIECE);
        lastPieceDraws = draws;
    }

    /** Draws (at most; a batch without noise counts one) the last piece of a fast-forward redrew, for tests. */
    long lastPieceDraws() {
        return lastPieceDraws;
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

    /** One mini-batch; the epoch's mean batch loss once its last batch is done (exactly as a whole epoch). */
    @Override
    public EpochMetrics trainChunk() {
        build();
        if (!batches.inEpoch()) {
            epochLossSum = 0;
            epochBatches = 0;
        }
        double value = batches.batch();
        if (!Double.isFinite(value)) {
            epochs++;
            return EpochMetrics.of(value); // at once, like a whole epoch: the run ends as diverged
        }
        epochLossSum += value;
        epochBatches++;
        if (batches.inEpoch()) {
            return null;
        }
        epochs++;
        return EpochMetrics.of(epochLossSum / epochBatches);
    }

    @Override
    public AutoencoderInternals captureInternals() {
        InternalsCapture<AutoencoderInternals> capture = startCapture();
        while (!capture.step()) {
            // every piece at once
        }
        return capture.result();
    }

    /**
     * In pieces: the codes of the latent plane's samples {@value #ROWS_PER_PIECE} rows at a time, the plane, then the
     * reconstruction error on the clean samples {@value #ROWS_PER_PIECE} rows at a time (the same sum, in the same
     * order, as one pass over them all), then the pictures.
     */
    @Override
    public InternalsCapture<AutoencoderInternals> startCapture() {
        build();
        fitPca();
        return new InternalsCapture<>() {
            private DMatrixRMaj codes;
            private int codeRow;
            private LatentPlane plane;
            private int errorRow;
            private double squaredError;
            private AutoencoderInternals result;

            @Override
            public boolean step() {
                if (codes == null || codeRow < codes.numRows) {
                    codes = addCodes(codes, codeRow, Math.min(ROWS_PER_PIECE, latentInputs.numRows - codeRow));
                    codeRow += Math.min(ROWS_PER_PIECE, latentInputs.numRows - codeRow);
                } else if (plane == null) {
                    plane = latentPlane(codes);
                } else if (errorRow < data.size()) {
                    int rows = Math.min(ROWS_PER_PIECE, data.size() - errorRow);
                    squaredError = addSquaredError(squaredError, errorRow, rows);
                    errorRow += rows;
                } else {
                    result = pictures(plane, squaredError / ((double) data.size() * data.features()));
                    return true;
                }
                return false;
            }

            @Override
            public AutoencoderInternals result() {
                return result;
            }
        };
    }

    /** The codes of the first samples on the latent plane. */
    private record LatentPlane(double[] x, double[] y, int[] labels, int k, AutoencoderPca codePca,
                               CodeNeighbours neighbours) {
    }

    /**
     * The codes of {@code rows} of the latent plane's samples from {@code from}, written into {@code codes} (made
     * with the first rows: one row per sample, one column per code unit), which is returned.
     */
    private DMatrixRMaj addCodes(DMatrixRMaj codes, int from, int rows) {
        int d = data.features();
        pieceRows.reshape(rows, d);
        System.arraycopy(latentInputs.data, from * d, pieceRows.data, 0, rows * d);
        DMatrixRMaj out = model.encode(pieceRows);
        DMatrixRMaj all = codes != null ? codes : new DMatrixRMaj(latentInputs.numRows, out.numCols);
        System.arraycopy(out.data, 0, all.data, from * out.numCols, rows * out.numCols);
        return all;
    }

    private LatentPlane latentPlane(DMatrixRMaj codes) {
        // latent plane: codes of the first samples (classes take turns, so all appear)
        int n = codes.numRows;
        int k = codes.numCols;
        AutoencoderPca codePca = k > 2 ? AutoencoderPca.fit(codes) : null;
        double[] lx = new double[n];
        double[] ly = new double[n];
        int[] labels = new int[n];
        double[] c = new double[k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(codes.data, i * k, c, 0, k);
            double[] p = LatentDecoder.toPlane(c, codePca);
            lx[i] = p[0];
            ly[i] = p[1];
            labels[i] = data.labels()[i];
        }
        // measured on the whole codes, not on the plane they are drawn on
        return new LatentPlane(lx, ly, labels, k, codePca, CodeNeighbours.of(java.util.Arrays.copyOf(codes.data, n * k), k, labels));
    }

    /**
     * {@code sum} plus (o − t)² of each element of the reconstructions of {@code rows} clean samples from
     * {@code from}, added one by one: the running sum of one pass over every sample, continued.
     */
    private double addSquaredError(double sum, int from, int rows) {
        int d = data.features();
        pieceRows.reshape(rows, d);
        System.arraycopy(data.samples().data, from * d, pieceRows.data, 0, rows * d);
        double[] out = model.forward(pieceRows).data;
        double[] target = pieceRows.data;
        for (int i = 0; i < rows * d; i++) {
            double diff = out[i] - target[i];
            sum += diff * diff;
        }
        return sum;
    }

    private AutoencoderInternals pictures(LatentPlane plane, double error) {
        int d = data.features();
        int k = plane.k();
        byte[] grid = new byte[0];
        if (data.isImage()) {
            grid = new byte[3 * SHOWN * d];
            batches.noise().apply(shown, noisy, captureRng);
            for (int i = 0; i < SHOWN * d; i++) {
                grid[i] = AutoencoderInternals.quantize(shown.data[i]);
                grid[SHOWN * d + i] = AutoencoderInternals.quantize(noisy.data[i]);
            }
            DMatrixRMaj rec = model.forward(noisy);
            for (int i = 0; i < SHOWN * d; i++) {
                grid[2 * SHOWN * d + i] = AutoencoderInternals.quantize(rec.data[i]);
            }
        }
        return new AutoencoderInternals(data.width(), data.height(), data.isImage(), SHOWN, grid,
                shown.data.clone(), plane.x(), plane.y(), plane.labels(), data.classNames(), k, pcaError, error,
                plane.neighbours(), new LatentDecoder(model.copy(), plane.codePca(), OptimizerStateJson.Saved.of(batches.optimizer()),
                        epochs));
    }

    @Override
    public boolean parametersFinite() {
        build();
        return model.parametersFinite();
    }

    @Override
    public double learningRate() {
        build();
        return batches.optimizer().learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        build();
        batches.optimizer().setLearningRate(learningRate);
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return hyperparametersOf(config);
    }

    private static List<Hyperparameter> hyperparametersOf(AutoencoderConfig config) {
        AutoencoderNoise n = config.noise();
        return n.kind() == AutoencoderNoise.Kind.NONE ? List.of()
                : List.of(new Hyperparameter(NOISE_LEVEL, 0.0, n.kind().maxLevel(), n.level()));
    }

    @Override
    public void setHyperparameter(String key, double value) {
        if (!NOISE_LEVEL.equals(key) || config.noise().kind() == AutoencoderNoise.Kind.NONE) {
            throw new IllegalArgumentException("unknown hyperparameter " + key);
        }
        build();
        batches.setNoise(new AutoencoderNoise(config.noise().kind(), value));
    }

    @Override
    public long parameterCount() {
        // before the model is made (the runtime checks a run as soon as it is built): what its plan counts
        return model != null ? model.parameterCount() : plan(config).parameters();
    }

    @Override
    public int datasetSize() {
        return config.samples();
    }
}
