package io.tinynets.lab.sequence.ui;

import io.tinynets.base.ui.PublicView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabFrame;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceInternals;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.training.TrainingService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Sequence lab: RNN, LSTM and GRU race on the same data while their gates, states, carried "conveyor belt" and
 * gradient flow are drawn live, with a step-through cell diagram and, for text, next-character sampling. The live
 * options (focus cell, panels shown, sampling temperature) are shared between the form, the panels and the trainer.
 */
@PublicView
@Route(SequenceConfigJson.LAB) // the key, written once in the codec
@Menu(title = "nav.sequence", order = 5, icon = "vaadin:connect")
class SequenceLabView extends LabFrame<SequenceConfig, SequenceInternals, SequenceForm, SequencePanels> {

    @Autowired
    SequenceLabView(TrainingService service, ObjectProvider<LabAddOn> addOns) {
        this(service, addOns, new LiveOptions());
    }

    private SequenceLabView(TrainingService service, ObjectProvider<LabAddOn> addOns, LiveOptions options) {
        this(service, addOns, options, new SequenceForm(options));
    }

    private SequenceLabView(TrainingService service, ObjectProvider<LabAddOn> addOns, LiveOptions options,
                            SequenceForm form) {
        this(service, addOns, options, form, new SequencePanels(form, options));
    }

    private SequenceLabView(TrainingService service, ObjectProvider<LabAddOn> addOns, LiveOptions options,
                            SequenceForm form, SequencePanels panels) {
        super(service, addOns.orderedStream(), new SequenceLab(options, panels), form, panels);
    }
}
