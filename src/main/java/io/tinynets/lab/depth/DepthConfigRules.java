package io.tinynets.lab.depth;

import io.tinynets.experiment.LabConfigRules;
import io.tinynets.lab.ConfigJsonFields;
import io.tinynets.lab.LabLimits;
import io.tinynets.training.TrainingLimits;
import org.springframework.stereotype.Component;

/**
 * The vanishing-gradient lab's saved settings: {@link DepthConfigJson#read}, a run seed the form can show, and the
 * compared networks together within the server's {@link TrainingLimits}.
 */
@Component
public class DepthConfigRules implements LabConfigRules {

    public static final String LAB = DepthConfigJson.LAB;

    private final TrainingLimits limits;

    public DepthConfigRules(TrainingLimits limits) {
        this.limits = limits;
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public void check(String configJson, int configVersion, long seed) {
        DepthConfig c = DepthConfigJson.read(configJson, configVersion);
        if (seed < 0 || seed > DepthConfig.MAX_SEED) {
            throw ConfigJsonFields.problem("experiments.config.range", "seed", "0",
                    ConfigJsonFields.plain(DepthConfig.MAX_SEED), ConfigJsonFields.plain(seed));
        }
        LabLimits.check(limits, parameters(c), DepthConfig.POINTS, c.learningRate());
    }

    /** Trainable numbers of all compared networks. */
    public static long parameters(DepthConfig c) {
        return c.activations().stream()
                .mapToLong(a -> LabLimits.denseParameters(DepthNetwork.spec(c, a).layerSizes())).sum();
    }
}
