package io.tinynets.base.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.tinynets.training.RunState;
import io.tinynets.training.Snapshot;
import io.tinynets.training.Speed;

import java.util.List;

/**
 * Play / pause, one step, reset, speed, the epoch counter, the run's state and its message (why it diverged or
 * finished): the same controls in every live lab. The view supplies what "play" means when no run exists yet or
 * the configuration changed ({@code ensureRun}); everything else goes through {@link LiveTraining}.
 * Keyboard: Alt+P play/pause, Alt+S step, Alt+R reset.
 */
public class TrainingControls extends VerticalLayout {

    /** Speeds offered, epochs per second; 0 stands for "as fast as possible". */
    static final List<Double> SPEEDS = List.of(0.0, 1.0, 5.0, 20.0, 100.0);

    final Button play = new Button();
    final Button step = new Button();
    final Button reset = new Button();
    final Select<Double> speed = new Select<>();
    final Span epoch = new Span();
    final Span state = new Span();
    final Span message = new Span();

    private final LiveTraining<?> training;
    private final java.util.function.BooleanSupplier ensureRun;

    /**
     * @param ensureRun creates the run from the current configuration when needed and returns false when it could
     *                  not (invalid configuration, refused); called before play and step
     */
    public TrainingControls(LiveTraining<?> training, java.util.function.BooleanSupplier ensureRun) {
        this.training = training;
        this.ensureRun = ensureRun;
        setPadding(false);
        setSpacing(false);
        addClassName("training-controls");

        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(e -> togglePlay());
        play.addClickShortcut(Key.KEY_P, KeyModifier.ALT);
        step.setIcon(VaadinIcon.STEP_FORWARD.create());
        step.setText(getTranslation("training.step"));
        step.setTooltipText(getTranslation("training.step.tooltip"));
        step.addClickListener(e -> {
            if (ensureRun.getAsBoolean()) {
                training.step(1);
            }
        });
        step.addClickShortcut(Key.KEY_S, KeyModifier.ALT);
        reset.setIcon(VaadinIcon.ROTATE_LEFT.create());
        reset.setText(getTranslation("training.reset"));
        reset.setTooltipText(getTranslation("training.reset.tooltip"));
        reset.addClickListener(e -> training.reset());
        reset.addClickShortcut(Key.KEY_R, KeyModifier.ALT);

        speed.setLabel(getTranslation("training.speed"));
        speed.setItems(SPEEDS);
        speed.setItemLabelGenerator(s -> s == 0 ? getTranslation("training.speed.max")
                : getTranslation("training.speed.perSecond", s.intValue()));
        speed.setValue(0.0);
        speed.setWidth("11em");
        speed.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                training.setSpeed(speedOf(e.getValue()));
            }
        });

        epoch.addClassName("epoch-counter");
        state.getElement().getThemeList().add("badge");
        message.addClassName("training-message");

        HorizontalLayout buttons = new HorizontalLayout(play, step, reset);
        buttons.setSpacing(true);
        HorizontalLayout status = new HorizontalLayout(state, epoch);
        status.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(buttons, speed, status, message);
        show(RunState.READY, 0, null);
        training.addSnapshotListener(this::apply);
        training.addRunChangeListener(this::showCurrentRun);
    }

    /** The speed chosen in the controls, for a view creating a run. */
    public Speed selectedSpeed() {
        return speedOf(speed.getValue() == null ? 0.0 : speed.getValue());
    }

    /**
     * Shows READY at epoch 0 ("preparing" while the run's trainer is built), e.g. after the view replaced the run by
     * a new configuration.
     */
    public void showReady() {
        show(RunState.READY, 0, null);
    }

    /** The current run's state as it is now: a new or reset run shows "preparing" until its first snapshot. */
    private void showCurrentRun() {
        training.run().ifPresentOrElse(r -> show(r.state(), r.epoch(), null), this::showReady);
    }

    private void togglePlay() {
        if (training.isRunning()) {
            training.pause();
            return;
        }
        if (ensureRun.getAsBoolean()) {
            training.play();
            training.run().ifPresent(r -> show(r.state(), r.epoch(), null));
        }
    }

    private void apply(Snapshot<?> snapshot) {
        String text = snapshot.message().map(training::translate).orElse(null);
        show(snapshot.state(), snapshot.epoch(), text);
    }

    private void show(RunState runState, long epochs, String messageText) {
        boolean running = runState == RunState.RUNNING;
        play.setIcon(running ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
        play.setText(getTranslation(running ? "training.pause" : "training.play"));
        play.setTooltipText(getTranslation(running ? "training.pause.tooltip" : "training.play.tooltip"));
        epoch.setText(getTranslation("training.epoch", epochs));
        // a run being built and prepared on the training pool (a continued run's fast-forward can take a second)
        boolean preparing = training.isPreparing() && !runState.hasEnded();
        state.setText(getTranslation(preparing ? "training.state.preparing" : runState.messageKey()));
        state.getElement().getThemeList().removeAll(List.of("success", "error", "contrast"));
        switch (preparing ? RunState.READY : runState) {
            case RUNNING -> state.getElement().getThemeList().add("success");
            case DIVERGED, FAILED -> state.getElement().getThemeList().add("error");
            case FINISHED -> state.getElement().getThemeList().add("contrast");
            default -> { }
        }
        if (messageText != null || runState == RunState.RUNNING || runState == RunState.READY) {
            message.setText(messageText == null ? "" : messageText);
        }
        message.getElement().getThemeList().clear();
    }

    private static Speed speedOf(double epochsPerSecond) {
        return epochsPerSecond <= 0 ? Speed.UNLIMITED : Speed.epochsPerSecond(epochsPerSecond);
    }

    public Button playButton() {
        return play;
    }

    public Span epochLabel() {
        return epoch;
    }

    public Span stateLabel() {
        return state;
    }

    public Span messageLabel() {
        return message;
    }
}
