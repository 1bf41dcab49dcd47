package io.tinynets.lab.descent.ui;

import io.tinynets.base.ui.PublicView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabFrame;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.DescentInternals;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.training.TrainingService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Gradient descent lab: a surface as a heat map, optimizers racing from a clicked start with their paths and
 * arrows drawn live, the loss gap on a log axis, and plain words when a rate is too large or too small.
 */
@PublicView
@Route(DescentConfigJson.LAB) // the key, written once in the codec
@Menu(title = "nav.descent", order = 2, icon = "vaadin:trending-down")
class DescentView extends LabFrame<DescentConfig, DescentInternals, DescentForm, DescentPanels> {

    @Autowired
    DescentView(TrainingService service, ObjectProvider<LabAddOn> addOns) {
        this(service, addOns, new DescentForm());
    }

    private DescentView(TrainingService service, ObjectProvider<LabAddOn> addOns, DescentForm form) {
        this(service, addOns, form, new DescentPanels(form));
    }

    private DescentView(TrainingService service, ObjectProvider<LabAddOn> addOns, DescentForm form,
                        DescentPanels panels) {
        super(service, addOns.orderedStream(), new DescentLab(panels), form, panels);
        panels.map.addGridClickListener(e -> setStart(e.getX(), e.getY()));
    }

    /**
     * A click on the map: the new start of every racer, unless an assignment fixes where the race starts (a click
     * would make the run differ from it).
     */
    void setStart(double x, double y) {
        if (isLocked(DescentConfigJson.START)) {
            error(lockedWhy());
            return;
        }
        form.setStart(x, y);
    }
}
