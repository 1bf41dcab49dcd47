package io.tinynets.experiment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.BeforeEnterEvent;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabContext;
import io.tinynets.experiment.ExperimentService;
import org.springframework.core.annotation.Order;

import java.util.List;
import java.util.Optional;

/**
 * "Save as experiment" and the reopened-experiment bar ({@code ?experiment=<id>}) in every lab whose definition is a
 * {@link SavableLab}. Asked after the assignment bar: an assignment link does not also reopen an experiment.
 */
@org.springframework.stereotype.Component
@Order(20)
public class ExperimentAddOn implements LabAddOn {

    private final ExperimentService experiments;

    public ExperimentAddOn(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @Override
    public Optional<Part> attach(LabContext<?, ?> lab) {
        return LabExperiments.savable(lab).map(def -> new Bars(lab, def.saveDisabledKey()));
    }

    /** One lab's save button and reopened-experiment bar. */
    public final class Bars implements Part {

        public final Button save;
        public final ReopenedExperimentBar reopened;
        private final com.vaadin.flow.component.Component view;
        private final String saveDisabledKey;

        Bars(LabContext<?, ?> lab, String saveDisabledKey) {
            this.view = lab.view();
            this.saveDisabledKey = saveDisabledKey;
            save = SaveExperimentDialog.button(experiments, () -> LabExperiments.draft(lab));
            reopened = new ReopenedExperimentBar(lab.definition().key(), experiments,
                    (e, continueTraining) -> LabExperiments.restore(lab, e, continueTraining));
        }

        @Override
        public List<com.vaadin.flow.component.Component> components() {
            return List.of(save, reopened);
        }

        @Override
        public boolean beforeEnter(BeforeEnterEvent event) {
            reopened.beforeEnter(event);
            return false;
        }

        @Override
        public void saveStateChanged(boolean canSave) {
            LabExperimentSupport.saveButtonState(save, canSave, view.getTranslation(saveDisabledKey));
        }

        @Override
        public void configChanged() {
            reopened.showChanged();
        }
    }
}
