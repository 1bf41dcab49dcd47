package io.tinynets.lab.depth.ui;

import io.tinynets.base.ui.PublicView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabFrame;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthInternals;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.training.TrainingService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Vanishing gradient lab: a deep narrow MLP, its per-layer gradient norms on a log axis, activation histograms and
 * dead units, at initialization and while training; two activations side by side with everything else equal.
 */
@PublicView
@Route(DepthConfigJson.LAB) // the key, written once in the codec
@Menu(title = "nav.depth", order = 3, icon = "vaadin:split-v")
class DepthView extends LabFrame<DepthConfig, DepthInternals, DepthForm, DepthPanels> {

    @Autowired
    DepthView(TrainingService service, ObjectProvider<LabAddOn> addOns) {
        this(service, addOns, new DepthPanels());
    }

    private DepthView(TrainingService service, ObjectProvider<LabAddOn> addOns, DepthPanels panels) {
        super(service, addOns.orderedStream(), new DepthLab(panels), new DepthForm(), panels);
    }
}
