package io.tinynets.experiment.ui;

import io.tinynets.base.ui.frame.LabDefinition;
import io.tinynets.base.ui.frame.LabRun;
import io.tinynets.experiment.ExperimentDraft;

/**
 * A lab whose runs can be saved as experiments, reopened and handed in: its definition plus the draft of a run. The
 * frame's add-ons ({@link ExperimentAddOn}, the classroom's assignment bar) find it by this interface.
 */
public interface SavableLab<C, I> extends LabDefinition<C, I> {

    /**
     * The run as an experiment: settings, seed, curves (up to the internals' epoch), final figures, weights and
     * picture. Provenance is added by {@link LabExperiments#draft}.
     */
    ExperimentDraft draft(LabRun<C, I> run);

    /** Why the save button is disabled (translated by the caller). */
    default String saveDisabledKey() {
        return key() + ".experiment.saveDisabled";
    }

    /** Message key with {0} = name: a saved run without weights cannot be continued. */
    default String noWeightsKey() {
        return key() + ".experiment.noWeights";
    }

    /** Message key: a saved seed the form cannot show; null for a lab without a seed field (any seed is used). */
    default String seedKey() {
        return key() + ".seed.required";
    }
}
