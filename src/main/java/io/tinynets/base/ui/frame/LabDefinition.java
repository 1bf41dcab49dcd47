package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.Component;
import io.tinynets.training.Snapshot;
import io.tinynets.training.Speed;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.lab.LabConfigCodec;
import io.tinynets.training.lab.Suggestion;

import java.util.List;

/**
 * What one lab tells the {@link LabFrame}: its codec (and with it its key), its texts, how a trainer is built from a
 * configuration and how far the latest internals got. Features that add to every lab (saving, assignments) read more
 * from a definition that also implements their own interface.
 *
 * @param <C> the lab's configuration
 * @param <I> the internals its trainer captures
 */
public interface LabDefinition<C, I> {

    LabConfigCodec<C> codec();

    /** The lab's key (its route), from the codec. */
    default String key() {
        return codec().lab();
    }

    /**
     * True when the training controls (and the add-ons below them) come before the form: for a long form, so that
     * Play stays in sight.
     */
    default boolean controlsFirst() {
        return false;
    }

    /**
     * The speed the lab opens at: slow enough that its curves and pictures evolve over tens of seconds, so a student
     * can watch them ("as fast as possible" stays one click away in the controls). Each lab measures its own: how
     * many epochs its default configuration needs before the picture settles.
     */
    default Speed defaultSpeed() {
        return Speed.epochsPerSecond(10);
    }

    /** How many paragraphs "How it works" has ({@code <key>.explain.1…}). */
    default int explanations() {
        return 4;
    }

    /**
     * The "Try this" suggestions ({@code <key>.try.1…}), each with the step its button applies to the form; a claims
     * test trains each one headless and checks what its text promises.
     */
    List<Suggestion<C>> suggestions();

    /**
     * The trainer for a run: fresh weights from the run's seed, or {@code savedWeights} (a saved experiment's, applied
     * as the run is built).
     *
     * @throws IllegalArgumentException when the saved weights do not fit the configuration
     */
    TrainerFactory<I> trainer(C config, String savedWeights);

    /**
     * The epoch (or step) a snapshot's internals were captured at (the snapshot's own epoch by default); a run can be
     * saved from 1 on.
     */
    default long epoch(Snapshot<I> snapshot) {
        return snapshot.epoch();
    }

    /** Message key with {0} = name, {1} = why: a configuration or saved run this lab cannot open. */
    default String unreadableKey() {
        return key() + ".experiment.unreadable";
    }

    /** The message when the trainer refused to be built (saved weights that do not fit). */
    default String trainerRefusal(Component view, IllegalArgumentException e) {
        return view.getTranslation(unreadableKey(), "", e.getMessage());
    }

    /** Why a configuration that passed the codec still does not fit the form ({@link #unreadableKey()}'s {1}). */
    default String outOfRangeKey() {
        return key() + ".experiment.outOfRange";
    }
}
