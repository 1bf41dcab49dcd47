package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSet;
import io.tinynets.engine.model.Autoencoder;
import io.tinynets.engine.model.AutoencoderBatches;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.model.AutoencoderPca;
import io.tinynets.engine.io.OptimizerStateJson;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Hyperparameter;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;
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

    private final AutoencoderConfig config;
    private final ImageSet data;
    private final Autoencoder model;
    private final AutoencoderBatches batches;
    private final double pcaError;
    private final SplittableRandom captureRng;
    private final DMatrixRMaj shown;
    private final DMatrixRMaj latentInputs;
    private final DMatrixRMaj noisy = new DMatrixRMaj(1, 1);
    /** Epochs of the whole run, those of the saved run this one continues included. */
    private long epochs;

    AutoencoderLabTrainer(AutoencoderConfig config, long seed) {
        this(config, seed, null);
    }

    /**
     * @param savedWeights {@link AutoencoderWeights} JSON the model starts from instead of the seed's initial weights
     *                     ("continue training"); null for fresh weights. The seed still draws data and batches;
     *                     when the JSON carries the optimizer's state and epochs, the optimizer resumes (if of the
     *                     same kind) and the batches and noise are fast-forwarded by the saved epochs, so the run
     *                     continues exactly as the uninterrupted one would have.
     */
    AutoencoderLabTrainer(AutoencoderConfig config, long seed, String savedWeights) {
        this.config = config;
        SplittableRandom rng = new SplittableRandom(seed);
        this.data = config.data().generate(config.samples(), rng);
        this.model = new Autoencoder(config.spec(data.features()), rng);
        if (savedWeights != null) {
            AutoencoderWeights.load(savedWeights, model);
        }
        Optimizer optimizer = OptimizerConfig.of(config.optimizer(), config.learningRate()).create();
        long epochsBefore = savedWeights == null ? 0 : AutoencoderWeights.resume(savedWeights, optimizer, model);
        this.batches = new AutoencoderBatches(model, data.samples(), config.loss(), optimizer,
                AutoencoderConfig.BATCH_SIZE, rng);
        batches.setNoise(config.noise());
        this.captureRng = rng.split();
        // after the split, as in the uninterrupted run: its epochs drew from rng only after this point
        // one shuffle per epoch, and one noise draw per pixel of every sample unless there is no noise
        long drawsPerEpoch = data.size() - 1L
                + (config.noise().kind() == AutoencoderNoise.Kind.NONE ? 0 : (long) data.size() * data.features());
        batches.fastForward(ResumePoint.epochsToFastForward(epochsBefore, drawsPerEpoch));
        this.epochs = epochsBefore;
        this.pcaError = AutoencoderPca.fit(data.samples()).reconstructionError(
                Math.min(config.bottleneck(), data.features()));
        int d = data.features();
        this.shown = rows(0, SHOWN, d);
        this.latentInputs = rows(0, Math.min(LATENT_POINTS, data.size()), d);
    }

    /**
     * A factory for the training service: same config, seed → same data, weights and curve. The view runs it with
     * {@link AutoencoderConfig#seed()}; the runtime passes the seed in so a reset may draw a new one.
     */
    public static TrainerFactory<AutoencoderInternals> factory(AutoencoderConfig config) {
        return seed -> new AutoencoderLabTrainer(config, seed);
    }

    /** The factory of "continue training": every build (and reset) starts from the saved weights. */
    public static TrainerFactory<AutoencoderInternals> factory(AutoencoderConfig config, String savedWeights) {
        return seed -> new AutoencoderLabTrainer(config, seed, savedWeights);
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
        return pcaError;
    }

    @Override
    public EpochMetrics trainEpoch() {
        epochs++;
        return EpochMetrics.of(batches.epoch());
    }

    @Override
    public AutoencoderInternals captureInternals() {
        int d = data.features();
        // latent plane: codes of the first samples (classes take turns, so all appear)
        DMatrixRMaj codes = model.encode(latentInputs).copy();
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
        double error = model.loss(data.samples(), data.samples(), AutoencoderLoss.MSE);
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
                shown.data.clone(), lx, ly, labels, data.classNames(), k, pcaError, error,
                new LatentDecoder(model.copy(), codePca, OptimizerStateJson.Saved.of(batches.optimizer()), epochs));
    }

    @Override
    public boolean parametersFinite() {
        return model.parametersFinite();
    }

    @Override
    public double learningRate() {
        return batches.optimizer().learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        batches.optimizer().setLearningRate(learningRate);
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        AutoencoderNoise n = config.noise();
        return n.kind() == AutoencoderNoise.Kind.NONE ? List.of()
                : List.of(new Hyperparameter(NOISE_LEVEL, 0.0, n.kind().maxLevel(), n.level()));
    }

    @Override
    public void setHyperparameter(String key, double value) {
        if (!NOISE_LEVEL.equals(key) || config.noise().kind() == AutoencoderNoise.Kind.NONE) {
            throw new IllegalArgumentException("unknown hyperparameter " + key);
        }
        batches.setNoise(new AutoencoderNoise(config.noise().kind(), value));
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public int datasetSize() {
        return data.size();
    }
}
