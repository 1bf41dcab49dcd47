package io.tinynets.share.ui;

import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabContext;
import io.tinynets.experiment.LabConfigs;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * "Copy link" and the lab's state in the address ({@code ?lab=…}) in every lab. Asked after the assignment bar and the
 * reopened experiment: their links win, and the address keeps them.
 */
@Component
@Order(30)
public class ShareAddOn implements LabAddOn {

    private final LabConfigs rules;

    public ShareAddOn(LabConfigs rules) {
        this.rules = rules;
    }

    @Override
    public Optional<Part> attach(LabContext<?, ?> lab) {
        return Optional.of(new ShareBar(lab, rules));
    }
}
