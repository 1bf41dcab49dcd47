package io.tinynets.lab.autoencoder.ui;

import io.tinynets.base.ui.PublicView;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabFrame;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.training.TrainingService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The autoencoder lab: an hourglass network squeezes digits, shapes or points on a bent surface through a small code
 * and rebuilds them. Live: inputs / noisy inputs / reconstructions, the loss next to PCA's line at the same k, and the
 * latent space coloured by class; the decoder explorer draws what the decoder makes of any point of the latent plane
 * and interpolates between two inputs.
 */
@PublicView
@Route(AutoencoderConfigJson.LAB) // the key, written once in the codec
@Menu(title = "nav.autoencoder", order = 6, icon = "vaadin:compress-square")
class AutoencoderView extends LabFrame<AutoencoderConfig, AutoencoderInternals, AutoencoderForm, AutoencoderPanels> {

    @Autowired
    AutoencoderView(TrainingService service, ObjectProvider<LabAddOn> addOns) {
        this(service, addOns, new AutoencoderPanels());
    }

    private AutoencoderView(TrainingService service, ObjectProvider<LabAddOn> addOns, AutoencoderPanels panels) {
        super(service, addOns.orderedStream(), new AutoencoderLab(panels), new AutoencoderForm(), panels);
    }
}
