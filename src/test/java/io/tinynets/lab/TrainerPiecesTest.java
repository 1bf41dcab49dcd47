package io.tinynets.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthInternals;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.DescentTrainer;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceInternals;
import io.tinynets.lab.sequence.SequenceTaskKind;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.InternalsCapture;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every lab's trainer as the runtime drives it: declared before it is built, then trained and captured in pieces
 * small enough to share a worker. The pieces change nothing: the figures below were computed by the whole-epoch,
 * whole-capture trainers before the runtime worked in pieces, and must come out bit for bit.
 */
class TrainerPiecesTest {

    private static final PlaygroundConfig PLAYGROUND = new PlaygroundConfig(DatasetKind.SPIRAL, 200, 0.1, 0.5, 10, 1,
            List.of(Feature.X1, Feature.X2), List.of(6, 4), List.of(Activation.TANH, Activation.TANH),
            OutputLoss.TANH_SQUARED, Initializer.XAVIER, OptimizerKind.ADAM, 0.03, RegularizationKind.L2, 0.001);
    private static final Dataset2D SPIRAL = Dataset2D.generate(DatasetKind.SPIRAL, 200, 0.1, 0.5,
            new SplittableRandom(3));
    private static final DepthConfig DEPTH = new DepthConfig(DatasetKind.XOR, 5, 8,
            List.of(Activation.SIGMOID, Activation.RELU), Initializer.XAVIER, 0.5);
    private static final AutoencoderConfig AUTOENCODER = new AutoencoderConfig(ImageSetKind.DIGITS_8, 300,
            new int[] {16}, 2, Activation.TANH, false, AutoencoderLoss.MSE, AutoencoderNoise.gaussian(0.2),
            OptimizerKind.ADAM, 0.01);
    private static final SequenceConfig SEQUENCE = new SequenceConfig(SequenceTaskKind.ADDING, 5, 12, "",
            CellKind.LSTM, true, 8, OptimizerKind.ADAM, 0.01, 1.0, true);

    /** One epoch piece by piece, as the runtime trains it; returns its metrics and counts the pieces. */
    private static EpochMetrics epochInPieces(Trainer<?> trainer, List<Integer> pieces) {
        int n = 0;
        EpochMetrics metrics = null;
        while (metrics == null) {
            metrics = trainer.trainChunk();
            n++;
        }
        pieces.add(n);
        return metrics;
    }

    /** The internals piece by piece, as the runtime captures them; counts the pieces. */
    private static <I> I captureInPieces(Trainer<I> trainer, List<Integer> pieces) {
        InternalsCapture<I> capture = trainer.startCapture();
        int n = 1;
        while (!capture.step()) {
            n++;
        }
        pieces.add(n);
        return capture.result();
    }

    private static <I> Trainer<I> prepared(TrainerFactory<I> factory, long seed) {
        Trainer<I> trainer = factory.create(seed);
        while (trainer.prepare()) {
            // a fresh run has nothing to prepare; a continued one redraws its stream
        }
        return trainer;
    }

    @Test
    void playgroundInPiecesEqualsWholeEpochsBitForBit() {
        Trainer<PlaygroundInternals> t = prepared(PlaygroundTrainer.factory(PLAYGROUND, SPIRAL, null, b -> { }), 7);
        List<Integer> pieces = new ArrayList<>();
        double[][] expected = {{0.6696574985004162, 0.5763889886799177, 0.55},
            {0.5189721541899287, 0.5629906695010016, 0.55}, {0.5239298655960409, 0.579553991366537, 0.47}};
        for (double[] e : expected) {
            EpochMetrics m = epochInPieces(t, pieces);
            assertThat(new double[] {m.trainLoss(), m.testLoss().getAsDouble(), m.accuracy().getAsDouble()})
                    .containsExactly(e);
        }
        // 100 training points in batches of 10: a piece is one mini-batch
        assertThat(pieces).containsExactly(10, 10, 10);
        PlaygroundInternals in = captureInPieces(t, new ArrayList<>());
        assertThat(in.trainLoss()).isEqualTo(0.4817582677838284);
        assertThat(in.boundary()[1234]).isEqualTo(-0.2803588086037128);
    }

    @Test
    void depthInPiecesEqualsWholeEpochsBitForBit() {
        Trainer<DepthInternals> t = prepared(DepthTrainer.factory(DEPTH), 7);
        List<Integer> pieces = new ArrayList<>();
        for (double expected : new double[] {0.704974079611288, 0.7025716868300921, 0.6985400444456794}) {
            assertThat(epochInPieces(t, pieces).trainLoss()).isEqualTo(expected);
        }
        // two networks, 200 points in batches of 20 each
        assertThat(pieces).containsExactly(20, 20, 20);
        List<Integer> capturePieces = new ArrayList<>();
        DepthInternals in = captureInPieces(t, capturePieces);
        assertThat(in.networks().get(0).loss()).isEqualTo(0.7028258883342449);
        assertThat(in.networks().get(1).gradientNorms()[0]).isEqualTo(0.14979757697952303);
        assertThat(in.networks().get(1).boundary()[100]).isEqualTo(0.6289427592071234);
        assertThat(in.networks().get(1).boundary()[1000]).isEqualTo(0.9762484369449892);
        assertThat(in.networks().get(0).boundary()[1599]).isEqualTo(0.5986582706714388);
        // per network: the measures, the 40-row boundary 10 rows at a time, the weights
        assertThat(capturePieces).containsExactly(2 * (1 + 4 + 1));
    }

    @Test
    void autoencoderInPiecesEqualsWholeEpochsBitForBit() {
        Trainer<AutoencoderInternals> t = prepared(AutoencoderLabTrainer.factory(AUTOENCODER), 7);
        List<Integer> pieces = new ArrayList<>();
        for (double expected : new double[] {0.15116749734308682, 0.09386405042550125, 0.0798283918602808}) {
            assertThat(epochInPieces(t, pieces).trainLoss()).isEqualTo(expected);
        }
        // 300 samples in batches of 32
        assertThat(pieces).containsExactly(10, 10, 10);
        List<Integer> capturePieces = new ArrayList<>();
        AutoencoderInternals in = captureInPieces(t, capturePieces);
        // the error over every sample, 50 rows per piece, is the one pass's sum in the same order
        assertThat(in.reconstructionError()).isEqualTo(0.07862285464955546);
        // PCA's baseline from the scatter matrix's eigenvalues, in pieces (the SVD gave 0.05225310893557626)
        assertThat(in.pcaError()).isEqualTo(0.05225310893557584);
        assertThat(in.latentX()[5]).isEqualTo(0.9990522606466423);
        // the 300 codes of the plane 50 rows a piece, the plane, the error 50 rows a piece, the pictures
        assertThat(capturePieces).containsExactly(6 + 1 + 6 + 1);
    }

    @Test
    void sequenceRaceInPiecesEqualsWholeEpochsBitForBit() {
        Trainer<SequenceInternals> t = prepared(SequenceTrainer.factory(SEQUENCE, new LiveOptions()), 7);
        List<Integer> pieces = new ArrayList<>();
        for (double expected : new double[] {0.4233878210791299, 0.25400563249756264, 0.13705695745621949}) {
            assertThat(epochInPieces(t, pieces).trainLoss()).isEqualTo(expected);
        }
        // 4 steps of 3 models, then 3 evaluations, 10 time steps of a pass per piece: a step on 12-step sequences
        // is 2 forward pieces, the output layer, the loss, its gradient, the output layer's backward, 2 backward
        // pieces and the update; an evaluation runs its 64 sequences as two passes of the training batch's 32 (so the
        // cells' caches stay training-sized), each 2 forward pieces, then the output layer and the loss
        assertThat(pieces).containsExactly(12 * 9 + 3 * 6, 126, 126);
        List<Integer> capturePieces = new ArrayList<>();
        SequenceInternals in = captureInPieces(t, capturePieces);
        assertThat(in.cells().get(1).loss()[2]).isEqualTo(0.11342763776543151);
        assertThat(in.cells().get(2).metric()[2]).isEqualTo(0.15121281132431874);
        assertThat(in.cells().get(0).gradientHidden()[3]).isEqualTo(0.2821097803574979);
        assertThat(capturePieces).containsExactly(3);
    }

    @Test
    void everyLabsPlanIsWhatItsFactoryBuilds() {
        Map<String, TrainerFactory<?>> factories = Map.of(
                "playground", PlaygroundTrainer.factory(PLAYGROUND, SPIRAL, null, b -> { }),
                "playground, classes", PlaygroundTrainer.factory(new PlaygroundConfig(DatasetKind.GAUSSIANS, 300, 0,
                        0.8, 5, 1, List.of(Feature.values()), List.of(8, 8, 8), List.of(Activation.RELU,
                        Activation.TANH, Activation.SIGMOID), OutputLoss.SOFTMAX_CROSS_ENTROPY, Initializer.HE,
                        OptimizerKind.SGD, 0.1, RegularizationKind.NONE, 0), Dataset2D.generate(DatasetKind.GAUSSIANS,
                        300, 0, 0.8, new SplittableRandom(1)), null, b -> { }),
                "depth", DepthTrainer.factory(DEPTH),
                "depth, deepest", DepthTrainer.factory(new DepthConfig(DatasetKind.SPIRAL, DepthConfig.MAX_DEPTH,
                        DepthConfig.MAX_WIDTH, List.of(Activation.TANH), Initializer.XAVIER, 0.1)),
                "autoencoder", AutoencoderLabTrainer.factory(AUTOENCODER),
                "autoencoder, tied", AutoencoderLabTrainer.factory(new AutoencoderConfig(ImageSetKind.DIGITS_16, 100,
                        new int[] {64, 32}, 8, Activation.RELU, true, AutoencoderLoss.BINARY_CROSS_ENTROPY,
                        AutoencoderNoise.NONE, OptimizerKind.SGD, 0.1)),
                "sequence race", SequenceTrainer.factory(SEQUENCE, new LiveOptions()),
                "sequence, next character", SequenceTrainer.factory(new SequenceConfig(SequenceTaskKind.NEXT_CHARACTER,
                        5, 30, "", CellKind.GRU, false, 16, OptimizerKind.RMSPROP, 0.01, 0, false), new LiveOptions()),
                "descent", DescentTrainer.factory(DescentConfig.of(SurfaceKind.HIMMELBLAU,
                        List.of(OptimizerKind.SGD, OptimizerKind.ADAM, OptimizerKind.MOMENTUM), 0.01)),
                "descent, line fit", DescentTrainer.factory(DescentConfig.of(SurfaceKind.LINE_FIT,
                        List.of(OptimizerKind.ADAGRAD), 0.1)));
        factories.forEach((lab, factory) -> {
            TrainerPlan plan = factory.plan();
            Trainer<?> built = factory.create(1);
            assertThat(plan.parameters()).as(lab + " parameters").isEqualTo(built.parameterCount());
            assertThat(plan.datasetSize()).as(lab + " data").isEqualTo(built.datasetSize());
            assertThat(plan.learningRate()).as(lab + " learning rate").isEqualTo(built.learningRate());
            assertThat(plan.hyperparameters()).as(lab + " live settings").isEqualTo(built.hyperparameters());
        });
    }
}
