package io.tinynets.experiment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentValidationException;

import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Shown in a lab opened with {@code ?experiment=<id>}: which experiment it is, and the choice between replaying it
 * from its seed (fresh weights, the same curve again) and continuing to train from its saved weights. Hidden until
 * {@link #show} is called. Texts come from the lab's own keys under {@code <prefix>.}: {@code reopened} ({0} = name),
 * {@code replay}, {@code replay.tooltip}, {@code continue}, {@code continue.tooltip}, {@code mode.replay},
 * {@code mode.continue},
 * {@code mode.changed}, {@code wrongLab} ({0} = id, {1} = the experiment's lab), {@code unreadable} ({0} = name,
 * {1} = why).
 *
 * <p>It also runs the reopen flow every lab shares: {@link #beforeEnter} reads {@code ?experiment=<id>}, loads it
 * through {@link LabExperimentSupport#open} and hands it to the lab's {@code restore(experiment, continueTraining)};
 * the two buttons call that again with the remembered experiment.
 */
public class ReopenedExperimentBar extends Div {

    public final Span title = new Span();
    public final Span mode = new Span();
    public final Button replay = new Button();
    public final Button continueTraining = new Button();
    private final String prefix;
    private final String lab;
    private final ExperimentService service;
    private final BiPredicate<Experiment, Boolean> restore;
    private Experiment experiment;

    /**
     * @param lab     the lab's key (its route); texts come from {@code <lab>.experiment.*}
     * @param restore puts the experiment into the lab (config, curves, a READY run from the seed or, when the flag
     *                is true, from the saved weights); false, after showing why, when it cannot
     */
    public ReopenedExperimentBar(String lab, ExperimentService service, BiPredicate<Experiment, Boolean> restore) {
        this.prefix = lab + ".experiment";
        this.lab = lab;
        this.service = service;
        this.restore = restore;
        Runnable onReplay = () -> reopen(false);
        Runnable onContinue = () -> reopen(true);
        addClassName("reopened-experiment");
        replay.setText(getTranslation(prefix + ".replay"));
        replay.setIcon(VaadinIcon.ROTATE_LEFT.create());
        replay.setTooltipText(getTranslation(prefix + ".replay.tooltip"));
        replay.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replay.addClickListener(e -> onReplay.run());
        continueTraining.setText(getTranslation(prefix + ".continue"));
        continueTraining.setIcon(VaadinIcon.FORWARD.create());
        continueTraining.setTooltipText(getTranslation(prefix + ".continue.tooltip"));
        continueTraining.addThemeVariants(ButtonVariant.LUMO_SMALL);
        continueTraining.addClickListener(e -> onContinue.run());
        mode.getElement().getThemeList().add("badge");
        HorizontalLayout buttons = new HorizontalLayout(replay, continueTraining);
        buttons.setSpacing(true);
        buttons.getStyle().set("flex-wrap", "wrap");
        add(title, mode, buttons);
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        setVisible(false);
    }

    /**
     * Opens {@code ?experiment=<id>} when the lab is entered with one. An id that is not a number (a mistyped link)
     * is refused like a missing experiment, so the student learns why the lab opened empty.
     */
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        Optional<String> raw = parameters.getSingleParameter(LabRoutes.EXPERIMENT_PARAMETER);
        if (raw.isEmpty()) {
            return;
        }
        Optional<Long> id = LabRoutes.experimentId(parameters);
        if (id.isEmpty()) {
            LabExperimentSupport.error(getTranslation("experiments.error.notFound", raw.get()));
            return;
        }
        LabExperimentSupport.open(this, service, id.get(), lab, prefix + ".wrongLab").ifPresent(e -> {
            if (refused(e)) {
                return;
            }
            if (restore.test(e, false)) {
                experiment = e;
                // an experiment saved without weights can only be replayed: offer nothing that must be refused
                continueTraining.setEnabled(e.weightsJson() != null);
                show(e.name());
            }
        });
    }

    /**
     * Checks the experiment's configuration with the lab's rules (the same as import) before the lab builds anything
     * from it: an experiment stored before those rules, or edited in the database, is refused with the reason.
     */
    private boolean refused(Experiment e) {
        try {
            service.checkConfig(e.lab(), e.configJson(), e.configVersion(), e.seed());
            return false;
        } catch (ExperimentValidationException ex) {
            LabExperimentSupport.error(getTranslation(prefix + ".unreadable", e.name(),
                    LabExperimentSupport.reason(this, ex)));
            return true;
        }
    }

    /** The experiment the lab was opened with, if any. */
    public Optional<Experiment> experiment() {
        return Optional.ofNullable(experiment);
    }

    private void reopen(boolean continueTraining) {
        if (experiment != null && restore.test(experiment, continueTraining)) {
            showMode(continueTraining);
        }
    }

    /** Shows the experiment's name; the run starts as a replay. */
    public void show(String experimentName) {
        title.setText(getTranslation(prefix + ".reopened", experimentName));
        setVisible(true);
        showMode(false);
    }

    /** Which of the two the current run is: fresh weights from the seed, or the saved weights. */
    public void showMode(boolean continuing) {
        mode.setText(getTranslation(prefix + (continuing ? ".mode.continue" : ".mode.replay")));
    }

    /** The student changed the settings: the next run is theirs, no longer the experiment's (the buttons restore it). */
    public void showChanged() {
        if (isVisible()) {
            mode.setText(getTranslation(prefix + ".mode.changed"));
        }
    }
}
