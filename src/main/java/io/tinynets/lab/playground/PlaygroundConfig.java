package io.tinynets.lab.playground;

import io.tinynets.data.DatasetKind;
import io.tinynets.data.Feature;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.optim.RegularizationKind;

import java.util.List;

/**
 * Everything the student sets in the Network Playground, checked in one place: each bad value throws an
 * {@link IllegalArgumentException} naming the field and its allowed range. The form uses the same bounds for its
 * field messages, so a config that reaches the trainer is always valid.
 *
 * @param dataset            which generated data set (ignored when the student uploaded or drew their own points)
 * @param points             how many points to generate, {@value #MIN_POINTS}..{@value #MAX_POINTS}
 * @param noise              0..0.5 (the playground's noise slider / 100)
 * @param trainFraction      share of points used for training, 0.1..0.9
 * @param batchSize          {@value #MIN_BATCH}..{@value #MAX_BATCH}
 * @param seed               data set seed, {@value #MIN_SEED}..{@value #MAX_SEED} in the form (the run's own seed draws
 *                           weights and batch order)
 * @param features           inputs fed to the network, at least one, no repeats
 * @param hidden             0..{@value #MAX_LAYERS} hidden layers of 1..{@value #MAX_NEURONS} neurons
 * @param activations        one activation per hidden layer
 * @param outputLoss         output activation + loss; must suit the data's task
 * @param learningRate       in [{@value #MIN_LEARNING_RATE}, {@value #MAX_LEARNING_RATE}]
 * @param regularization     none, L1 or L2 on the weights
 * @param regularizationRate λ in [0, {@value #MAX_REGULARIZATION_RATE}]
 */
public record PlaygroundConfig(DatasetKind dataset, int points, double noise, double trainFraction, int batchSize,
                               long seed, List<Feature> features, List<Integer> hidden, List<Activation> activations,
                               OutputLoss outputLoss, Initializer initializer, OptimizerKind optimizer,
                               double learningRate, RegularizationKind regularization, double regularizationRate) {

    public static final int MIN_POINTS = 20;
    public static final int MAX_POINTS = 1000;
    public static final double MAX_NOISE = 0.5;
    public static final double MIN_TRAIN_FRACTION = 0.1;
    public static final double MAX_TRAIN_FRACTION = 0.9;
    public static final int MIN_BATCH = 1;
    public static final int MAX_BATCH = 100;
    public static final int MAX_LAYERS = 6;
    public static final int MAX_NEURONS = 8;
    public static final double MIN_LEARNING_RATE = 0.00001;
    public static final double MAX_LEARNING_RATE = 10;
    public static final double MAX_REGULARIZATION_RATE = 10;
    /** The data set seed the form offers (and a saved config may hold). */
    public static final long MIN_SEED = 0;
    public static final long MAX_SEED = 999_999;

    public PlaygroundConfig {
        require(dataset != null, "dataset must be chosen");
        require(points >= MIN_POINTS && points <= MAX_POINTS,
                "points must be in " + MIN_POINTS + ".." + MAX_POINTS + ", was " + points);
        require(noise >= 0 && noise <= MAX_NOISE, "noise must be in [0, " + MAX_NOISE + "], was " + noise);
        require(trainFraction >= MIN_TRAIN_FRACTION && trainFraction <= MAX_TRAIN_FRACTION,
                "train fraction must be in [" + MIN_TRAIN_FRACTION + ", " + MAX_TRAIN_FRACTION + "], was "
                        + trainFraction);
        require(batchSize >= MIN_BATCH && batchSize <= MAX_BATCH,
                "batch size must be in " + MIN_BATCH + ".." + MAX_BATCH + ", was " + batchSize);
        require(features != null && !features.isEmpty(), "at least one input feature must be selected");
        require(features.stream().distinct().count() == features.size(), "input features must not repeat");
        require(hidden != null && activations != null, "hidden layers and activations must not be null");
        require(hidden.size() <= MAX_LAYERS, "hidden layers must be in 0.." + MAX_LAYERS + ", was " + hidden.size());
        require(activations.size() == hidden.size(), "one activation per hidden layer is needed: " + hidden.size()
                + " layers, " + activations.size() + " activations");
        for (int i = 0; i < hidden.size(); i++) {
            Integer n = hidden.get(i);
            require(n != null && n >= 1 && n <= MAX_NEURONS,
                    "hidden layer " + (i + 1) + " neurons must be in 1.." + MAX_NEURONS + ", was " + n);
            require(activations.get(i) != null, "hidden layer " + (i + 1) + " needs an activation");
        }
        require(outputLoss != null, "output and loss must be chosen");
        require(initializer != null, "initializer must be chosen");
        require(optimizer != null, "optimizer must be chosen");
        require(learningRate >= MIN_LEARNING_RATE && learningRate <= MAX_LEARNING_RATE,
                "learning rate must be in [" + MIN_LEARNING_RATE + ", " + MAX_LEARNING_RATE + "], was " + learningRate);
        require(regularization != null, "regularization must be chosen");
        require(regularizationRate >= 0 && regularizationRate <= MAX_REGULARIZATION_RATE,
                "regularization rate must be in [0, " + MAX_REGULARIZATION_RATE + "], was " + regularizationRate);
        features = List.copyOf(features);
        hidden = List.copyOf(hidden);
        activations = List.copyOf(activations);
    }

    /** TensorFlow Playground's opening screen: circle, x1 and x2, two tanh layers of 4 and 2. */
    public static PlaygroundConfig defaults() {
        return new PlaygroundConfig(DatasetKind.CIRCLE, 200, 0.0, 0.5, 10, 1, List.of(Feature.X1, Feature.X2),
                List.of(4, 2), List.of(Activation.TANH, Activation.TANH), OutputLoss.TANH_SQUARED, Initializer.XAVIER,
                OptimizerKind.SGD, 0.03, RegularizationKind.NONE, 0.0);
    }

    /** The same config with the learning rate a student changed while training (it is live). */
    public PlaygroundConfig withLearningRate(double rate) {
        return new PlaygroundConfig(dataset, points, noise, trainFraction, batchSize, seed, features, hidden,
                activations, outputLoss, initializer, optimizer, rate, regularization, regularizationRate);
    }

    /** The same config with a new regularization rate λ (also live). */
    public PlaygroundConfig withRegularizationRate(double rate) {
        return new PlaygroundConfig(dataset, points, noise, trainFraction, batchSize, seed, features, hidden,
                activations, outputLoss, initializer, optimizer, learningRate, regularization, rate);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
