package io.tinynets.lab.playground;

import io.tinynets.data.Dataset2D;
import io.tinynets.experiment.LabConfigRules;
import io.tinynets.lab.LabLimits;
import io.tinynets.training.TrainingLimits;
import org.springframework.stereotype.Component;

/**
 * The playground's saved settings: {@link PlaygroundConfigJson#read} (every field, the student's own points) and the
 * network and training set within the server's {@link TrainingLimits}.
 */
@Component
public class PlaygroundConfigRules implements LabConfigRules {

    public static final String LAB = PlaygroundConfigJson.LAB;

    private final TrainingLimits limits;

    public PlaygroundConfigRules(TrainingLimits limits) {
        this.limits = limits;
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public void check(String configJson, int configVersion, long seed) {
        PlaygroundConfigJson.Saved saved = PlaygroundConfigJson.read(configJson, configVersion);
        PlaygroundConfig c = saved.config();
        Dataset2D custom = saved.customData();
        int classes = custom == null ? c.dataset().classes() : custom.classes();
        LabLimits.check(limits, parameters(c, classes), trainingExamples(c, custom), c.learningRate());
    }

    /** Trainable numbers of the network the config builds for data with {@code classes} classes. */
    public static long parameters(PlaygroundConfig c, int classes) {
        return LabLimits.denseParameters(PlaygroundTrainer.specFor(c, classes).layerSizes());
    }

    /** Training points: the student's own, or the generated ones that {@link Dataset2D#split} puts into training. */
    public static long trainingExamples(PlaygroundConfig c, Dataset2D custom) {
        return custom != null ? custom.train().size() : Math.max(1, Math.round(c.points() * c.trainFraction()));
    }
}
