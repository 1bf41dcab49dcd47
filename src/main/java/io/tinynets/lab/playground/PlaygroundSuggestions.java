package io.tinynets.lab.playground;

import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.optim.RegularizationKind;
import io.tinynets.lab.playground.PlaygroundConfigJson.Saved;
import io.tinynets.training.lab.Suggestion;

import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.tinynets.lab.playground.PlaygroundConfigJson.ACTIVATIONS;
import static io.tinynets.lab.playground.PlaygroundConfigJson.DATASET;
import static io.tinynets.lab.playground.PlaygroundConfigJson.FEATURES;
import static io.tinynets.lab.playground.PlaygroundConfigJson.HIDDEN;
import static io.tinynets.lab.playground.PlaygroundConfigJson.LEARNING_RATE;
import static io.tinynets.lab.playground.PlaygroundConfigJson.NOISE;
import static io.tinynets.lab.playground.PlaygroundConfigJson.OUTPUT_LOSS;
import static io.tinynets.lab.playground.PlaygroundConfigJson.REGULARIZATION;
import static io.tinynets.lab.playground.PlaygroundConfigJson.TRAIN_FRACTION;

/**
 * The playground's "Try this" ({@code playground.try.N}): each text's step as a change of the settings, shared by
 * the lab's buttons and PlaygroundClaimsTest, which trains each step and checks what its text promises. A step that
 * picks a generated data set drops points the student drew or uploaded; one that does not keeps them.
 */
public final class PlaygroundSuggestions {

    /** The view's default run seed (the run's own seed draws the weights and the batch order). */
    public static final long DEFAULT_SEED = 1;

    public static final List<Suggestion<Saved>> ALL = List.of(
            Suggestion.<Saved>of("playground.try.1", generated(c -> with(c, DatasetKind.XOR, c.noise(),
                    c.trainFraction(), c.features(), c.hidden(),
                    Collections.nCopies(c.hidden().size(), Activation.LINEAR), c.learningRate(),
                    c.regularization(), c.regularizationRate())), DATASET, ACTIVATIONS).andPlay(),
            Suggestion.<Saved>of("playground.try.2", generated(c -> with(c, DatasetKind.SPIRAL, c.noise(),
                    c.trainFraction(), List.of(Feature.X1, Feature.X2, Feature.SIN_X1, Feature.SIN_X2), c.hidden(),
                    c.activations(), c.learningRate(), c.regularization(), c.regularizationRate())),
                    DATASET, FEATURES).andPlay(),
            Suggestion.<Saved>of("playground.try.3", kept(c -> new PlaygroundConfig(c.dataset(), c.points(), c.noise(),
                    c.trainFraction(), c.batchSize(), c.seed(), c.features(), c.hidden(), c.activations(),
                    OutputLoss.LINEAR_SQUARED, c.initializer(), c.optimizer(), 10, c.regularization(),
                    c.regularizationRate())), OUTPUT_LOSS, LEARNING_RATE).andPlay(),
            Suggestion.<Saved>of("playground.try.4", kept(c -> with(c, c.dataset(), 0.3, 0.1, c.features(),
                    Collections.nCopies(Math.max(1, c.hidden().size()), 8),
                    c.hidden().isEmpty() ? List.of(Activation.TANH) : c.activations(), c.learningRate(),
                    RegularizationKind.NONE, c.regularizationRate())),
                    HIDDEN, ACTIVATIONS, NOISE, TRAIN_FRACTION, REGULARIZATION).andPlay(),
            Suggestion.look("playground.try.5"));

    private PlaygroundSuggestions() {
    }

    /** A step on generated data: the student's own points are dropped. */
    private static UnaryOperator<Saved> generated(UnaryOperator<PlaygroundConfig> step) {
        return s -> new Saved(step.apply(s.config()), null);
    }

    /** A step that keeps the points (generated or the student's own). */
    private static UnaryOperator<Saved> kept(UnaryOperator<PlaygroundConfig> step) {
        return s -> new Saved(step.apply(s.config()), s.customData());
    }

    private static PlaygroundConfig with(PlaygroundConfig c, DatasetKind dataset, double noise, double trainFraction,
                                         List<Feature> features, List<Integer> hidden, List<Activation> activations,
                                         double learningRate, RegularizationKind regularization, double rate) {
        return new PlaygroundConfig(dataset, c.points(), noise, trainFraction, c.batchSize(), c.seed(), features,
                hidden, activations, c.outputLoss(), c.initializer(), c.optimizer(), learningRate, regularization,
                rate);
    }
}
