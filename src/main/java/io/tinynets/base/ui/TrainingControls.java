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
 * The speed opens at the lab's watchable pace ({@code LabDefinition.defaultSpeed()}); a button beside it switches to
 * "as fast as possible" and back in one click. Keyboard: Alt+P play/pause, Alt+S step, Alt+R reset.
 */
public class TrainingControls extends VerticalLayout {

    /** Speeds offered, epochs per second; 0 stands for "as fast as possible". */
    static final List<Double> SPEEDS = List.of(0.0, 1.0, 5.0, 10.0, 20.0, 100.0);
    /** The colour of a message that is no warning (a finished or paused run). */
    static final String NEUTRAL_COLOUR = "var(--lumo-body-text-color)";

    final Button play = new Button();
    final Button step = new Button();
    final Button reset = new Button();
    final Select<Double> speed = new Select<>();
    /** One click between the lab's watchable pace and "as fast as possible", and back. */
    final Button fastest = new Button();
    final Span epoch = new Span();
    final Span state = new Span();
    final Span message = new Span();

    private final LiveTraining<?> training;
    private final java.util.function.BooleanSupplier ensureRun;
    /** The lab's own pace, epochs per second (0 = as fast as possible): what the controls open at. */
    private final double pace;

    /** Controls that open at "as fast as possible". */
    public TrainingControls(LiveTraining<?> training, java.util.function.BooleanSupplier ensureRun) {
        this(training, ensureRun, Speed.UNLIMITED);
    }

    /**
     * @param ensureRun creates the run from the current configuration when needed and returns false when it could
     *                  not (invalid configuration, refused); called before play and step
     * @param pace      the speed the controls open at: the lab's watchable pace (it is offered even if it is not one
     *                  of the usual speeds)
     */
    public TrainingControls(LiveTraining<?> training, java.util.function.BooleanSupplier ensureRun, Speed pace) {
        this.training = training;
        this.ensureRun = ensureRun;
        this.pace = pace.isUnlimited() ? 0.0 : pace.epochsPerSecond();
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
        speed.setItems(speedsWith(this.pace));
        speed.setItemLabelGenerator(s -> s == 0 ? getTranslation("training.speed.max")
                : getTranslation("training.speed.perSecond", Numbers.compact(s)));
        speed.setValue(this.pace);
        speed.setWidth("11em");
        speed.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                training.setSpeed(speedOf(e.getValue()));
            }
            showFastest();
        });
        fastest.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        fastest.addClickListener(e -> speed.setValue(isFastest() && this.pace > 0 ? this.pace : 0.0));
        showFastest();

        epoch.addClassName("epoch-counter");
        state.getElement().getThemeList().add("badge");
        message.addClassName("training-message");

        HorizontalLayout buttons = new HorizontalLayout(play, step, reset);
        buttons.setSpacing(true);
        HorizontalLayout status = new HorizontalLayout(state, epoch);
        status.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout speedRow = new HorizontalLayout(speed, fastest);
        speedRow.setSpacing(false);
        speedRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(buttons, speedRow, status, message);
        show(RunState.READY, 0, null);
        training.addSnapshotListener(this::apply);
        training.addRunChangeListener(this::showCurrentRun);
    }

    /** The usual speeds, with the lab's pace among them in order when it is not one of them. */
    private static List<Double> speedsWith(double pace) {
        java.util.TreeSet<Double> speeds = new java.util.TreeSet<>(SPEEDS);
        speeds.add(pace);
        return List.copyOf(speeds);
    }

    private boolean isFastest() {
        return speed.getValue() != null && speed.getValue() == 0;
    }

    /** The button offers "as fast as possible", or the lab's pace back once the run goes as fast as possible. */
    private void showFastest() {
        boolean back = isFastest() && pace > 0;
        fastest.setIcon(back ? VaadinIcon.CLOCK.create() : VaadinIcon.FAST_FORWARD.create());
        String label = back ? getTranslation("training.speed.pace", Numbers.compact(pace))
                : getTranslation("training.speed.max");
        fastest.setTooltipText(label);
        fastest.setAriaLabel(label);
        fastest.setEnabled(pace > 0 || !isFastest());
    }

    /** The lab's own pace, epochs per second; 0 for "as fast as possible". */
    public double pace() {
        return pace;
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
        // Only a run that went wrong speaks in the warning colour (the theme's default for these messages, with its
        // advice); a finished or paused run says what ended it in plain text: finishing is not an error.
        if (isWarning(runState)) {
            message.getStyle().remove("color");
        } else {
            message.getStyle().set("color", NEUTRAL_COLOUR);
        }
    }

    /** True for the states whose message is a warning: the run diverged or failed. */
    static boolean isWarning(RunState runState) {
        return runState == RunState.DIVERGED || runState == RunState.FAILED;
    }

    private static Speed speedOf(double epochsPerSecond) {
        return epochsPerSecond <= 0 ? Speed.UNLIMITED : Speed.epochsPerSecond(epochsPerSecond);
    }

    public Select<Double> speedSelect() {
        return speed;
    }

    /** The one-click switch to "as fast as possible" (and back to the lab's pace). */
    public Button fastestButton() {
        return fastest;
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
