package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.BeforeEnterEvent;

import java.util.List;
import java.util.Optional;

/**
 * Something a feature adds to every lab (saving and reopening experiments, assignments), provided as a Spring bean so
 * that the frame never names the feature. Beans are asked in their {@code @Order}; each gives every lab view a part of
 * its own.
 */
public interface LabAddOn {

    /** This add-on's part in one lab view (a new one per view), or empty when it has nothing for that lab. */
    Optional<Part> attach(LabContext<?, ?> lab);

    /** Where a part sits in the controls column. */
    enum Slot {
        /** Above the form (an assignment's instructions). */
        TOP,
        /** Below the training controls (save, reopen). */
        BELOW_CONTROLS
    }

    /** One add-on's part of one lab view. */
    interface Part {

        List<Component> components();

        default Slot slot() {
            return Slot.BELOW_CONTROLS;
        }

        /**
         * The lab is entered: reads this part's query parameter. True when it took the entry (the parts after it do
         * not run theirs: an assignment link does not also reopen an experiment).
         */
        default boolean beforeEnter(BeforeEnterEvent event) {
            return false;
        }

        /** Whether the current run can be saved changed (or may have). */
        default void saveStateChanged(boolean canSave) {
        }

        /** The student changed a setting: the next run is theirs. */
        default void configChanged() {
        }

        /** The student changed a live hyperparameter (the learning rate…): the run goes on with it. */
        default void liveChanged() {
        }
    }
}
