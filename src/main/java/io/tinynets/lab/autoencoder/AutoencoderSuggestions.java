package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.training.lab.Suggestion;

import java.util.List;

import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.ACTIVATION;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.BOTTLENECK;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.DATA;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.HIDDEN;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.LINEAR_CODE;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.LOSS;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.NOISE;
import static io.tinynets.lab.autoencoder.AutoencoderConfigJson.NOISE_LEVEL;

/**
 * The autoencoder lab's "Try this" ({@code autoencoder.try.N}): each text's step as a change of the configuration,
 * shared by the lab's buttons and AutoencoderSuggestionClaimsTest, which trains each step and checks what its text
 * promises. The seed is part of the configuration here.
 */
public final class AutoencoderSuggestions {

    public static final List<Suggestion<AutoencoderConfig>> ALL = List.of(
            Suggestion.<AutoencoderConfig>of("autoencoder.try.1", c -> with(c, c.data(), new int[]{32, 16}, 2,
                    Activation.TANH, c.loss(), c.noise(), true), HIDDEN, BOTTLENECK, ACTIVATION, LINEAR_CODE).andPlay(),
            Suggestion.<AutoencoderConfig>of("autoencoder.try.2", c -> with(c, c.data(), c.hidden(), 4,
                    Activation.LINEAR, c.loss(), c.noise(), c.linearCode()), ACTIVATION, BOTTLENECK).andPlay(),
            Suggestion.<AutoencoderConfig>of("autoencoder.try.3", c -> with(c, c.data(), c.hidden(), c.bottleneck(),
                    c.activation(), c.loss(), AutoencoderNoise.gaussian(0.4), c.linearCode()), NOISE, NOISE_LEVEL)
                    .andPlay(),
            Suggestion.<AutoencoderConfig>of("autoencoder.try.4", c -> with(c, ImageSetKind.SURFACE_3D, c.hidden(), 2,
                    c.activation(), AutoencoderLoss.MSE, c.noise(), c.linearCode()), DATA, BOTTLENECK, LOSS)
                    .andPlay());

    private AutoencoderSuggestions() {
    }

    private static AutoencoderConfig with(AutoencoderConfig c, ImageSetKind data, int[] hidden, int bottleneck,
                                          Activation activation, AutoencoderLoss loss, AutoencoderNoise noise,
                                          boolean linearCode) {
        return new AutoencoderConfig(data, c.samples(), hidden, bottleneck, activation, c.tied(), loss, noise,
                c.optimizer(), c.learningRate(), c.seed(), linearCode);
    }
}
