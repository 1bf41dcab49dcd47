package io.tinynets.lab.sequence;

import io.tinynets.data.sequence.SequenceTask;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.experiment.LabConfigRules;
import io.tinynets.lab.LabLimits;
import io.tinynets.training.TrainingLimits;
import org.springframework.stereotype.Component;

import java.util.SplittableRandom;

/**
 * The sequence lab's saved settings: {@link SequenceConfigJson#read} and the raced models together within the
 * server's {@link TrainingLimits} (a custom text's alphabet sets the input and output sizes).
 */
@Component
public class SequenceConfigRules implements LabConfigRules {

    public static final String LAB = SequenceConfigJson.LAB;

    private final TrainingLimits limits;

    public SequenceConfigRules(TrainingLimits limits) {
        this.limits = limits;
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public void check(String configJson, int configVersion, long seed) {
        SequenceConfig c = SequenceConfigJson.read(configJson, configVersion);
        LabLimits.check(limits, parameters(c), (long) SequenceTrainer.STEPS_PER_EPOCH * SequenceTrainer.BATCH,
                c.learningRate());
    }

    /** Trainable numbers of every model the config trains: each cell and its output layer. */
    public static long parameters(SequenceConfig c) {
        SequenceTask task = c.createTask(new SplittableRandom(0));
        long n = 0;
        for (CellKind cell : c.cells()) {
            n += cell.parameterCount(task.inputSize(), c.hidden())
                    + LabLimits.denseParameters(c.hidden(), task.outputSize());
        }
        return n;
    }
}
