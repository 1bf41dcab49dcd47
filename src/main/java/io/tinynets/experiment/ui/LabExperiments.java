package io.tinynets.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import io.tinynets.base.ui.frame.LabContext;
import io.tinynets.base.ui.frame.LabRun;
import io.tinynets.base.ui.frame.SavedCurve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.Provenance;

import java.util.List;
import java.util.Optional;

/**
 * Experiments in a lab frame, shared by saving, reopening and assignments: an experiment put back into the lab (its
 * settings checked by the lab's codec first), and the current run as a draft with its provenance (a run continued
 * from saved weights is only as trustworthy as the experiment it came from).
 */
public final class LabExperiments {

    private LabExperiments() {
    }

    /** The lab's savable definition, when it has one. */
    @SuppressWarnings("unchecked")
    public static Optional<SavableLab<Object, Object>> savable(LabContext<?, ?> lab) {
        return lab.definition() instanceof SavableLab<?, ?> s ? Optional.of((SavableLab<Object, Object>) s)
                : Optional.empty();
    }

    /**
     * The experiment's settings, seed and curves in the lab, with a READY run from its seed or, when
     * {@code continueTraining}, from its saved weights; false after showing why it cannot.
     */
    @SuppressWarnings("unchecked")
    public static boolean restore(LabContext<?, ?> lab, Experiment e, boolean continueTraining) {
        LabContext<Object, Object> ctx = (LabContext<Object, Object>) lab;
        SavableLab<Object, Object> def = savable(lab).orElseThrow();
        Component view = ctx.view();
        Object config;
        try {
            config = def.codec().read(e.configJson(), e.configVersion());
        } catch (IllegalArgumentException ex) {
            LabExperimentSupport.error(view.getTranslation(def.unreadableKey(), e.name(),
                    LabExperimentSupport.reason(view, ex)));
            return false;
        }
        if (def.seedKey() != null && (e.seed() < 0 || e.seed() > Integer.MAX_VALUE)) {
            LabExperimentSupport.error(view.getTranslation(def.unreadableKey(), e.name(),
                    view.getTranslation(def.seedKey())));
            return false;
        }
        if (continueTraining && e.weightsJson() == null) {
            LabExperimentSupport.error(view.getTranslation(def.noWeightsKey(), e.name()));
            return false;
        }
        List<SavedCurve> curves = e.curves().stream().map(c -> new SavedCurve(c.name(), c.x(), c.y())).toList();
        boolean created = ctx.restore(e.name(), config, e.seed(), continueTraining ? e.weightsJson() : null, curves);
        if (created) {
            Provenance provenance = continueTraining ? e.provenance().continued() : Provenance.MEASURED;
            setProvenance(lab, provenance);
        }
        return created;
    }

    /** Where the current run's figures come from from now on (e.g. weights set by hand: {@link Provenance#EDITED}). */
    public static void setProvenance(LabContext<?, ?> lab, Provenance provenance) {
        lab.run().ifPresent(run -> ComponentUtil.setData(lab.view(), RunProvenance.class,
                new RunProvenance(run.id(), provenance)));
    }

    /** The current run as an experiment; throws when there is nothing to save yet. */
    public static ExperimentDraft draft(LabContext<?, ?> lab) {
        SavableLab<Object, Object> def = savable(lab).orElseThrow();
        @SuppressWarnings("unchecked")
        LabRun<Object, Object> run = ((LabContext<Object, Object>) lab).savableRun()
                .orElseThrow(() -> new IllegalStateException("nothing to save yet: train at least one epoch"));
        return def.draft(run).withProvenance(provenance(lab, run.run().id()));
    }

    /** Which run the provenance of a reopened experiment belongs to: any later run is measured here. */
    private record RunProvenance(String runId, Provenance provenance) {
    }

    private static Provenance provenance(LabContext<?, ?> lab, String runId) {
        RunProvenance p = ComponentUtil.getData(lab.view(), RunProvenance.class);
        return p != null && p.runId().equals(runId) ? p.provenance() : Provenance.MEASURED;
    }
}
