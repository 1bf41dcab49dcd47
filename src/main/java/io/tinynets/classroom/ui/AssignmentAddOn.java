package io.tinynets.classroom.ui;

import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabContext;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ui.LabExperiments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@link AssignmentBar} in every lab whose runs can be saved ({@code ?assignment=<id>}): asked first, so that an
 * assignment link does not also reopen an experiment.
 */
@Component
@Order(10)
public class AssignmentAddOn implements LabAddOn {

    private final AssignmentService assignments;
    private final ExperimentService experiments;

    public AssignmentAddOn(AssignmentService assignments, ExperimentService experiments) {
        this.assignments = assignments;
        this.experiments = experiments;
    }

    @Override
    public Optional<Part> attach(LabContext<?, ?> lab) {
        return LabExperiments.savable(lab).map(def -> new AssignmentBar(lab, assignments, experiments));
    }
}
