package io.tinynets.lab.sequence;

import io.tinynets.data.sequence.NextCharacterTask;
import io.tinynets.data.sequence.SequenceBatch;
import io.tinynets.data.sequence.SequenceTask;
import io.tinynets.engine.model.SequenceModel;
import io.tinynets.engine.optim.GradientClipping;
import io.tinynets.engine.optim.Optimizer;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.engine.recurrent.CellStep;
import io.tinynets.engine.recurrent.GradientFlow;
import io.tinynets.engine.recurrent.GruCell;
import io.tinynets.engine.recurrent.LstmCell;
import io.tinynets.engine.recurrent.LstmStep;
import io.tinynets.engine.recurrent.RecurrentCell;
import io.tinynets.lab.ResumePoint;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.InternalsCapture;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;
import io.tinynets.training.io.OptimizerStateJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains one cell, or RNN, LSTM and GRU in lock-step (race mode), on one seeded stream of batches: every model sees
 * exactly the same batch at the same step, and each model's initial weights come from its own generator seeded with
 * the run's seed. One trainer rather than three runs in the service, so the race is fair by construction (same data,
 * same pace, one play/pause), uses one of the student's run slots, and one snapshot carries all three curves.
 *
 * <p>An epoch is {@value #STEPS_PER_EPOCH} optimizer steps on batches of {@value #BATCH} fresh sequences, then each
 * model is scored on a fixed evaluation batch. The curve points stay in a ring of the last {@value #TAIL} epochs,
 * which the view reads through {@link #captureInternals()}.
 */
public final class SequenceTrainer implements Trainer<SequenceInternals> {

    public static final int STEPS_PER_EPOCH = 4;
    public static final int BATCH = 32;
    public static final int EVAL_BATCH = 64;
    public static final int TAIL = 1024;
    /**
     * Time steps of a forward or backward pass per piece of an epoch: a longest sequence's step on a batch takes
     * about a tenth of a second, in pieces of this many steps a few milliseconds.
     */
    static final int TIME_STEPS_PER_PIECE = 10;
    static final int TOP_CHARACTERS = 8;
    static final int SAMPLE_LENGTH = 40;

    private final SequenceConfig config;
    private final LiveOptions options;
    private final SequenceTask task;
    private final SplittableRandom data;
    private final SplittableRandom sampling;
    private final SequenceBatch example;
    private final SequenceBatch evaluation;
    private final List<String> timeLabels;
    private final List<SequenceModel> models = new ArrayList<>();
    private final List<Optimizer> optimizers = new ArrayList<>();
    private final double[][] lossRing;
    private final double[][] metricRing;
    private long epoch;
    /** Epochs the saved run had trained before this trainer continued it (0 for a fresh run). */
    private final long epochsBefore;
    /** Batches of the saved run's stream still to redraw before the first epoch (see {@link #prepare()}). */
    private long batchesToSkip;
    private final long drawsPerBatch;
    /**
     * The epoch in progress: {@code task} counts the model steps done so far (the training steps model by model,
     * then each model's evaluation); {@code current} is the one under way, done {@value #TIME_STEPS_PER_PIECE} time
     * steps per piece.
     */
    private int piece;
    private SequenceModel.PiecewiseStep current;
    private SequenceBatch batch;
    private final double[] epochLoss;
    private final double[] epochMetric;
    /** Each model's ‖∂L/∂h_t‖ on the example after the first epoch: the gradient-flow chart's ghost. */
    private final double[][] firstGradientHidden;

    public SequenceTrainer(SequenceConfig config, LiveOptions options, long seed) {
        this(config, options, seed, null);
    }

    /**
     * A trainer whose models start from saved weights ({@link SequenceWeights} JSON) instead of the seed's initial
     * ones; the seed still draws the data. When the saved weights carry the optimizers' state and the epoch count,
     * each optimizer resumes its state (if of the same kind) and the batch stream is fast-forwarded by the saved
     * epochs, so the continued run trains as the uninterrupted run would have. {@code savedWeights} null means fresh
     * weights.
     */
    public SequenceTrainer(SequenceConfig config, LiveOptions options, long seed, String savedWeights) {
        config.validate();
        this.config = config;
        this.options = options;
        this.data = new SplittableRandom(seed);
        this.task = config.createTask(data.split());
        this.example = task.batch(1, data.split());
        this.evaluation = task.batch(EVAL_BATCH, data.split());
        this.sampling = data.split();
        this.timeLabels = labels(task, example.inputs());
        for (CellKind kind : config.cells()) {
            SequenceModel m = new SequenceModel(kind, task.inputSize(), config.hidden(), task.outputSize(),
                    task.manyToMany(), task.classification(), new SplittableRandom(seed));
            if (config.carryGateOpen()) {
                if (m.cell() instanceof LstmCell lstm) {
                    lstm.setForgetGateBias(SequenceConfig.CARRY_GATE_BIAS);
                }
                if (m.cell() instanceof GruCell gru) {
                    gru.setUpdateGateBias(SequenceConfig.CARRY_GATE_BIAS);
                }
            }
            m.setClipping(config.clipping() > 0 ? new GradientClipping(config.clipping()) : GradientClipping.NONE);
            models.add(m);
            optimizers.add(OptimizerConfig.of(config.optimizer(), config.learningRate()).create());
        }
        epochsBefore = savedWeights == null ? 0 : SequenceWeights.load(savedWeights, models, optimizers);
        // redraw (in prepare()), without training, the batches the saved run trained on, so the next ones are the
        // run's next (about one draw per sequence step)
        drawsPerBatch = (long) BATCH * Math.max(1, example.inputs().length);
        batchesToSkip = ResumePoint.epochsToFastForward(epochsBefore, STEPS_PER_EPOCH * drawsPerBatch)
                * STEPS_PER_EPOCH;
        lossRing = new double[models.size()][TAIL];
        metricRing = new double[models.size()][TAIL];
        epochLoss = new double[models.size()];
        epochMetric = new double[models.size()];
        firstGradientHidden = new double[models.size()][];
    }

    /** The factory the view hands to the training service. */
    public static TrainerFactory<SequenceInternals> factory(SequenceConfig config, LiveOptions options) {
        config.validate();
        return TrainerFactory.of(plan(config), seed -> new SequenceTrainer(config, options, seed));
    }

    /**
     * The factory of "continue training": every build (and every reset) starts from the saved weights. Its check
     * refuses weights that do not fit the config, on throw-away models of the config's shape (no data is drawn).
     */
    public static TrainerFactory<SequenceInternals> factory(SequenceConfig config, LiveOptions options,
                                                           String savedWeights) {
        config.validate();
        return TrainerFactory.of(plan(config), () -> {
            SequenceTask task = config.createTask(new SplittableRandom(0));
            List<SequenceModel> shapes = new ArrayList<>();
            List<Optimizer> fresh = new ArrayList<>();
            for (CellKind kind : config.cells()) {
                shapes.add(new SequenceModel(kind, task.inputSize(), config.hidden(), task.outputSize(),
                        task.manyToMany(), task.classification(), new SplittableRandom(0)));
                fresh.add(OptimizerConfig.of(config.optimizer(), config.learningRate()).create());
            }
            SequenceWeights.load(savedWeights, shapes, fresh);
        }, seed -> new SequenceTrainer(config, options, seed, savedWeights));
    }

    /** What a trainer of this config will hold: each cell and its output layer, one epoch's sequences. */
    static TrainerPlan plan(SequenceConfig config) {
        SequenceTask task = config.createTask(new SplittableRandom(0));
        int hidden = config.hidden();
        long parameters = 0;
        for (CellKind kind : config.cells()) {
            parameters += kind.parameterCount(task.inputSize(), hidden)
                    + (long) hidden * task.outputSize() + task.outputSize();
        }
        return TrainerPlan.of(parameters, STEPS_PER_EPOCH * BATCH, config.learningRate());
    }

    /** Redraws a piece of the saved run's batches; true while some are left. */
    @Override
    public boolean prepare() {
        long n = Math.min(batchesToSkip, Math.max(1, ResumePoint.DRAWS_PER_PIECE / drawsPerBatch));
        for (long b = 0; b < n; b++) {
            task.batch(BATCH, data);
        }
        batchesToSkip -= n;
        return batchesToSkip > 0;
    }

    public SequenceConfig config() {
        return config;
    }

    public List<SequenceModel> models() {
        return List.copyOf(models);
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

    /**
     * A few time steps of one model's pass per piece: each model's step on the current batch
     * ({@value #STEPS_PER_EPOCH} batches, each drawn before the first model's step), then each model's evaluation.
     * The same work in the same order as a whole epoch; a long-sequence race thus yields the worker every few
     * milliseconds instead of holding it for seconds.
     */
    @Override
    public EpochMetrics trainChunk() {
        int n = models.size();
        int trainingSteps = STEPS_PER_EPOCH * n;
        if (current == null) {
            int m = piece % n;
            SequenceModel model = models.get(m);
            if (piece < trainingSteps) {
                if (m == 0) {
                    if (piece == 0) {
                        java.util.Arrays.fill(epochLoss, 0);
                    }
                    batch = task.batch(BATCH, data);
                }
                current = model.beginTrainStep(batch.inputs(), batch.targets(), optimizers.get(m),
                        TIME_STEPS_PER_PIECE);
            } else {
                // the evaluation batch's sequences BATCH at a time: the same score, and the cells' per-step caches
                // stay the size of a training batch (half the memory of a session's three cells)
                current = model.beginEvaluation(evaluation.inputs(), evaluation.targets(), task.classification(),
                        TIME_STEPS_PER_PIECE, BATCH);
            }
        }
        if (!current.advance()) {
            return null;
        }
        int m = piece % n;
        if (piece < trainingSteps) {
            epochLoss[m] += current.result() / STEPS_PER_EPOCH;
        } else {
            epochMetric[m] = current.result();
        }
        current = null;
        if (++piece < trainingSteps + n) {
            return null;
        }
        piece = 0;
        batch = null;
        int slot = (int) (epoch % TAIL);
        epoch++;
        double total = 0;
        double bestAccuracy = 0;
        for (int k = 0; k < n; k++) {
            lossRing[k][slot] = epochLoss[k];
            metricRing[k][slot] = epochMetric[k];
            total += epochLoss[k];
            bestAccuracy = Math.max(bestAccuracy, epochMetric[k]);
        }
        if (epoch == 1) {
            // the flow before the models learned anything: RNN decaying, LSTM/GRU carried (no randomness drawn)
            for (int k = 0; k < n; k++) {
                firstGradientHidden[k] = models.get(k).gradientFlow(example.inputs(), example.targets()).hidden()
                        .clone();
            }
        }
        // any model's NaN makes the mean NaN: the race stops as diverged, with the runtime's learning-rate advice
        double mean = total / n;
        return new EpochMetrics(mean, OptionalDouble.empty(),
                task.classification() ? OptionalDouble.of(bestAccuracy) : OptionalDouble.empty());
    }

    @Override
    public SequenceInternals captureInternals() {
        List<CellInternals> cells = new ArrayList<>(models.size());
        boolean panels = options.panelsVisible();
        for (int m = 0; m < models.size(); m++) {
            cells.add(captureCell(m, panels));
        }
        return internals(cells);
    }

    /** One model's internals per piece: with long sequences, each one's trace and gradient flow take a while. */
    @Override
    public InternalsCapture<SequenceInternals> startCapture() {
        return new InternalsCapture<>() {
            private final List<CellInternals> cells = new ArrayList<>(models.size());
            private final boolean panels = options.panelsVisible();

            @Override
            public boolean step() {
                cells.add(captureCell(cells.size(), panels));
                return cells.size() == models.size();
            }

            @Override
            public SequenceInternals result() {
                return internals(cells);
            }
        };
    }

    private SequenceInternals internals(List<CellInternals> cells) {
        int length = (int) Math.min(epoch, TAIL);
        long first = epoch - length + 1;
        return new SequenceInternals(epoch, first, task.classification(), timeLabels, List.copyOf(cells),
                epochsBefore + epoch);
    }

    private CellInternals captureCell(int m, boolean panels) {
        int length = (int) Math.min(epoch, TAIL);
        long first = epoch - length + 1;
        SequenceModel model = models.get(m);
        double[] loss = new double[length];
        double[] metric = new double[length];
        for (int i = 0; i < length; i++) {
            int slot = (int) ((first - 1 + i) % TAIL);
            loss[i] = lossRing[m][slot];
            metric[i] = metricRing[m][slot];
        }
        List<? extends CellStep> trace = List.of();
        double[] gradH = new double[0];
        double[] gradC = new double[0];
        double[] firstH = new double[0];
        CellInternals.Prediction prediction = null;
        if (panels) {
            trace = model.trace(example.inputs(), 0);
            GradientFlow flow = model.gradientFlow(example.inputs(), example.targets());
            gradH = flow.hidden();
            gradC = flow.cell() == null ? new double[0] : flow.cell();
            firstH = firstGradientHidden[m] == null ? firstH : firstGradientHidden[m].clone();
            if (task instanceof NextCharacterTask chars && model.cell().kind() == options.focus()) {
                prediction = predict(model, chars);
            }
        }
        RecurrentCell cell = model.cell();
        return new CellInternals(cell.kind(), cell.parameterCount(), model.parameterCount(), loss, metric,
                trace, gradH, gradC, firstH, prediction, SequenceWeights.flatten(model),
                OptimizerStateJson.Saved.of(optimizers.get(m)));
    }

    /** The distribution of the character after the example, and a continuation sampled one character at a time. */
    private CellInternals.Prediction predict(SequenceModel model, NextCharacterTask chars) {
        RecurrentCell cell = model.cell();
        DMatrixRMaj[] prompt = example.inputs();
        cell.forward(prompt, null, null);
        int last = prompt.length - 1;
        DMatrixRMaj h = cell.hidden(last).copy();
        DMatrixRMaj c = cell.step(last) instanceof LstmStep s ? s.c().copy() : null;
        double[] p = softmax(model.output().forward(h).data, 1.0, chars.alphabetSize());
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        int k = Math.min(TOP_CHARACTERS, p.length);
        List<String> top = new ArrayList<>(k);
        double[] probs = new double[k];
        for (int i = 0; i < k; i++) {
            top.add(chars.character(order[i]));
            probs[i] = p[order[i]];
        }
        StringBuilder sample = new StringBuilder();
        double temperature = options.temperature();
        double[] q = softmax(model.output().forward(h).data, temperature, chars.alphabetSize());
        DMatrixRMaj[] one = {new DMatrixRMaj(1, chars.alphabetSize())};
        for (int s = 0; s < SAMPLE_LENGTH; s++) {
            int next = draw(q);
            sample.append(chars.character(next));
            java.util.Arrays.fill(one[0].data, 0);
            one[0].data[next] = 1;
            cell.forward(one, h, c);
            h = cell.hidden(0).copy();
            c = cell.step(0) instanceof LstmStep st ? st.c().copy() : null;
            q = softmax(model.output().forward(h).data, temperature, chars.alphabetSize());
        }
        return new CellInternals.Prediction(top, probs, sample.toString());
    }

    private int draw(double[] p) {
        double u = sampling.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** p_i = exp(z_i / τ) / Σ_j exp(z_j / τ), shifted by the maximum for stability. */
    static double[] softmax(double[] logits, double temperature, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[i]);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Short labels of the example's inputs for the time axis of the gate maps. */
    static List<String> labels(SequenceTask task, DMatrixRMaj[] x) {
        List<String> out = new ArrayList<>(x.length);
        for (DMatrixRMaj step : x) {
            out.add(switch (task.key()) {
                case "delayed_recall" -> {
                    int a = argmax(step.data, step.numCols);
                    yield a == step.numCols - 1 ? "·" : String.valueOf((char) ('A' + a));
                }
                case "adding" -> step.data[1] > 0.5 ? String.format(Locale.ROOT, "★%.1f", step.data[0]) : "·";
                case "next_character" -> {
                    String ch = ((NextCharacterTask) task).character(argmax(step.data, step.numCols));
                    yield " ".equals(ch) ? "␣" : "\n".equals(ch) ? "⏎" : ch;
                }
                default -> String.format(Locale.ROOT, "%.1f", step.data[0]);
            });
        }
        return out;
    }

    private static int argmax(double[] v, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean parametersFinite() {
        return models.stream().allMatch(SequenceModel::isFinite);
    }

    @Override
    public double learningRate() {
        return optimizers.get(0).learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        optimizers.forEach(o -> o.setLearningRate(learningRate));
    }

    @Override
    public long parameterCount() {
        return models.stream().mapToLong(SequenceModel::parameterCount).sum();
    }

    @Override
    public int datasetSize() {
        return STEPS_PER_EPOCH * BATCH;
    }
}
