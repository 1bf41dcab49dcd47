package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.Component;
import io.tinynets.training.TrainingRun;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an {@link LabAddOn} sees of the lab it is attached to: the definition, the run as far as it can be saved,
 * restoring a saved run into the form, and locking controls by configuration path.
 */
public interface LabContext<C, I> {

    /** The lab view (for translations and per-view data). */
    Component view();

    LabDefinition<C, I> definition();

    /** The current run, if any (read-only: the frame drives it). */
    Optional<TrainingRun<I>> run();

    /** The current run when it can be saved (trained at least one epoch, settings unchanged since). */
    Optional<LabRun<C, I>> savableRun();

    /** The configuration the form holds now, live values included (null while a field is invalid). */
    C formValue();

    /** The seed the form's next run starts from. */
    long formSeed();

    /**
     * Puts a configuration and a seed into the form, as if the student had set them, without building a run (Play
     * does). False, changing nothing and showing nothing, when the form cannot show them.
     */
    boolean load(C config, long seed);

    /**
     * Puts a configuration into the form, {@code curves} dashed into the panels, and creates a READY run from
     * {@code seed}: fresh weights, or {@code savedWeights} when non-null. False, after showing why (named after
     * {@code name}), when the form or the service refuses.
     */
    boolean restore(String name, C config, long seed, String savedWeights, List<SavedCurve> curves);

    /**
     * Greys out the controls whose configuration path {@code locked} accepts, saying {@code why} on hover; applied
     * again after every change of the settings (a form may re-enable a control).
     */
    void lock(Predicate<String> locked, String why);
}
