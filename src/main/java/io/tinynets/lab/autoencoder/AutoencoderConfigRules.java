package io.tinynets.lab.autoencoder;

import io.tinynets.data.images.ImageSetKind;
import io.tinynets.experiment.LabConfigRules;
import io.tinynets.lab.LabLimits;
import io.tinynets.training.TrainingLimits;
import org.springframework.stereotype.Component;

import java.util.SplittableRandom;

/**
 * The autoencoder lab's saved settings: {@link AutoencoderConfigJson#read} and the encoder and decoder together
 * within the server's {@link TrainingLimits} (wide layers over 16×16 images can exceed them).
 */
@Component
public class AutoencoderConfigRules implements LabConfigRules {

    public static final String LAB = AutoencoderConfigJson.LAB;

    private final TrainingLimits limits;

    public AutoencoderConfigRules(TrainingLimits limits) {
        this.limits = limits;
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public void check(String configJson, int configVersion, long seed) {
        AutoencoderConfig c = AutoencoderConfigJson.read(configJson, configVersion);
        LabLimits.check(limits, parameters(c), c.samples(), c.learningRate());
    }

    /**
     * Trainable numbers: every encoder layer's weights and biases, and the decoder's biases plus, untied, its own
     * weights (a tied decoder reuses the encoder's transposed).
     */
    public static long parameters(AutoencoderConfig c) {
        int[] sizes = c.spec(features(c.data())).encoderSizes();
        long n = LabLimits.denseParameters(sizes);
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += sizes[l] + (c.tied() ? 0 : (long) sizes[l] * sizes[l + 1]);
        }
        return n;
    }

    /** Inputs per sample of a data set, from a handful of generated samples (the same generator the trainer uses). */
    static int features(ImageSetKind kind) {
        return kind.generate(ImageSetKind.MIN_SAMPLES, new SplittableRandom(0)).features();
    }
}
