package io.tinynets.experiment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Shown in a lab opened with {@code ?experiment=<id>}: which experiment it is, and the choice between replaying it
 * from its seed (fresh weights, the same curve again) and continuing to train from its saved weights. Hidden until
 * {@link #show} is called. Texts come from the lab's own keys under {@code <prefix>.}: {@code reopened} ({0} = name),
 * {@code replay}, {@code replay.tooltip}, {@code continue}, {@code continue.tooltip}, {@code mode.replay},
 * {@code mode.continue},
 * {@code mode.changed}.
 */
public class ReopenedExperimentBar extends Div {

    public final Span title = new Span();
    public final Span mode = new Span();
    public final Button replay = new Button();
    public final Button continueTraining = new Button();
    private final String prefix;

    public ReopenedExperimentBar(String prefix, Runnable onReplay, Runnable onContinue) {
        this.prefix = prefix;
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
