package io.tinynets.lab.descent;

import io.tinynets.experiment.LabConfigRules;
import io.tinynets.lab.LabLimits;
import io.tinynets.training.TrainingLimits;
import org.springframework.stereotype.Component;

/** The gradient-descent race's saved settings: {@link DescentConfigJson#read} and the server's learning-rate limit. */
@Component
public class DescentConfigRules implements LabConfigRules {

    public static final String LAB = DescentConfigJson.LAB;

    private final TrainingLimits limits;

    public DescentConfigRules(TrainingLimits limits) {
        this.limits = limits;
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public void check(String configJson, int configVersion, long seed) {
        DescentConfig c = DescentConfigJson.read(configJson, configVersion);
        // each racer is one point on the surface; the line fit walks over its few data points
        long parameters = (long) c.optimizers().size() * c.surface().create().dimensions();
        long examples = c.surface() == SurfaceKind.LINE_FIT ? LineFitSurface.POINTS : 1;
        LabLimits.check(limits, parameters, examples, c.learningRate());
    }
}
