package io.tinynets.lab.depth;

import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.training.lab.Suggestion;

import java.util.List;

import static io.tinynets.lab.depth.DepthConfigJson.ACTIVATIONS;
import static io.tinynets.lab.depth.DepthConfigJson.DATASET;
import static io.tinynets.lab.depth.DepthConfigJson.DEPTH;
import static io.tinynets.lab.depth.DepthConfigJson.INITIALIZER;
import static io.tinynets.lab.depth.DepthConfigJson.LEARNING_RATE;

/**
 * The vanishing-gradient lab's "Try this" ({@code depth.try.N}): each text's step as a change of the configuration,
 * shared by the lab's buttons and DepthClaimsTest, which trains each step and checks what its text promises.
 */
public final class DepthSuggestions {

    /** The lab's opening settings (the form's defaults) and its default run seed. */
    public static final DepthConfig DEFAULTS = new DepthConfig(DatasetKind.XOR, 10, 8,
            List.of(Activation.SIGMOID, Activation.RELU), Initializer.XAVIER, 0.1);
    public static final long DEFAULT_SEED = 1;

    public static final List<Suggestion<DepthConfig>> ALL = List.of(
            Suggestion.<DepthConfig>of("depth.try.1", c -> new DepthConfig(c.dataset(), 10, c.width(),
                    List.of(Activation.SIGMOID, Activation.RELU), Initializer.HE, c.learningRate()),
                    DEPTH, ACTIVATIONS, INITIALIZER).andPlay(),
            Suggestion.<DepthConfig>of("depth.try.2", c -> new DepthConfig(c.dataset(), c.depth(), c.width(),
                    List.of(Activation.RELU), c.initializer(), 3.0), ACTIVATIONS, LEARNING_RATE).andPlay(),
            Suggestion.<DepthConfig>of("depth.try.3", c -> new DepthConfig(DatasetKind.XOR, 10, c.width(),
                    List.of(Activation.LINEAR), c.initializer(), c.learningRate()),
                    DATASET, DEPTH, ACTIVATIONS).andPlay(),
            Suggestion.<DepthConfig>of("depth.try.4", c -> new DepthConfig(c.dataset(), 30, c.width(),
                    List.of(Activation.TANH), Initializer.XAVIER, c.learningRate()),
                    DEPTH, ACTIVATIONS, INITIALIZER));

    private DepthSuggestions() {
    }
}
