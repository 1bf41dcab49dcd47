package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.tinynets.training.Advice;
import io.tinynets.training.Requester;
import io.tinynets.training.RunSettings;
import io.tinynets.training.Snapshot;
import io.tinynets.training.Speed;
import io.tinynets.training.Subscription;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainingRefusedException;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One live training run as a view sees it: creates the run in the {@link TrainingService} (as the logged-in user, or
 * as an anonymous visitor with their browser session and network address, which the service's fair limits need),
 * subscribes while the owner component is attached and closes the run when it is detached, hands every
 * snapshot to the view inside {@code ui.access}, and turns a refusal into a clear, translated notification instead
 * of an exception. A new or reset run is first {@linkplain TrainingRun#isPreparing() prepared} on the training pool;
 * its first snapshot arrives when it is ready.
 *
 * @param <I> the lab's internals type
 */
public final class LiveTraining<I> {

    private final Component owner;
    private final TrainingService service;
    private final String labKey;
    private final Consumer<Snapshot<I>> onSnapshot;
    private final List<Consumer<Snapshot<I>>> stateListeners = new ArrayList<>();
    private final List<Runnable> runChangeListeners = new ArrayList<>();
    private TrainingRun<I> run;
    private Subscription subscription;
    private UI ui;

    public LiveTraining(Component owner, TrainingService service, String labKey, Consumer<Snapshot<I>> onSnapshot) {
        this.owner = owner;
        this.service = service;
        this.labKey = labKey;
        this.onSnapshot = onSnapshot;
        owner.addAttachListener(e -> {
            ui = e.getUI();
            subscribe();
        });
        // The view is gone for good (navigating back builds a new one, and a closed tab's UI is detached when it
        // expires): its run could never be watched again, so it is closed at once instead of holding memory and a
        // place in its owner's and address's limits until the idle timeout.
        owner.addDetachListener(e -> discard());
    }

    /** Also told of every snapshot (after the view): the controls use it for state, epoch and messages. */
    public void addSnapshotListener(Consumer<Snapshot<I>> listener) {
        stateListeners.add(listener);
    }

    /**
     * Also told when a run is created or reset here (it is then preparing, with no snapshot yet): the controls use it
     * to show "preparing" at once.
     */
    public void addRunChangeListener(Runnable listener) {
        runChangeListeners.add(listener);
    }

    /**
     * Replaces the current run (if any) by a new one built from {@code factory}; it starts READY, preparing on the
     * training pool. Returns false and shows the reason when the service refuses (limits, invalid values).
     *
     * @throws IllegalArgumentException from the factory's check (e.g. saved weights that do not fit), for the view
     *                                  to show where it belongs
     */
    public boolean create(TrainerFactory<I> factory, RunSettings settings) {
        discard();
        try {
            run = service.create(requester(), labKey, factory, settings);
        } catch (TrainingRefusedException e) {
            showRefusal(e);
            return false;
        }
        subscribe();
        runChangeListeners.forEach(Runnable::run);
        return true;
    }

    /** Who is asking, as the service's limits need it: the account, or the anonymous session and its address. */
    private static Requester requester() {
        String address = ClientAddress.current();
        return CurrentUser.username().map(user -> Requester.account(user, address))
                .orElseGet(() -> Requester.anonymous(CurrentUser.trainerId(), address));
    }

    public Optional<TrainingRun<I>> run() {
        return Optional.ofNullable(run);
    }

    public boolean hasRun() {
        return run != null;
    }

    public boolean isRunning() {
        return run != null && run.state() == io.tinynets.training.RunState.RUNNING;
    }

    /** True while the current run's trainer is being built or prepared (after create and after a reset). */
    public boolean isPreparing() {
        return run != null && run.isPreparing();
    }

    public void play() {
        act(() -> service.start(user(), run.id()));
    }

    public void pause() {
        act(() -> service.pause(user(), run.id()));
    }

    public void step(long epochs) {
        act(() -> service.step(user(), run.id(), epochs));
    }

    public void reset() {
        act(() -> service.reset(user(), run.id()));
        runChangeListeners.forEach(Runnable::run);
    }

    public void reset(long newSeed) {
        act(() -> service.reset(user(), run.id(), newSeed));
        runChangeListeners.forEach(Runnable::run);
    }

    public void setSpeed(Speed speed) {
        act(() -> service.setSpeed(user(), run.id(), speed));
    }

    public void setLearningRate(double learningRate) {
        act(() -> service.setLearningRate(user(), run.id(), learningRate));
    }

    public void setHyperparameter(String key, double value) {
        act(() -> service.setHyperparameter(user(), run.id(), key, value));
    }

    /** Cancels and forgets the current run (a new configuration replaces it). */
    public void discard() {
        unsubscribe();
        if (run != null) {
            try {
                service.cancel(user(), run.id());
            } catch (TrainingRefusedException ignored) {
                // already freed by the service (idle timeout): nothing left to cancel
            }
            run = null;
        }
    }

    /** Translates an advice for this owner's locale. */
    public String translate(Advice advice) {
        return owner.getTranslation(advice.messageKey(), advice.args().toArray());
    }

    private void act(Runnable action) {
        if (run == null) {
            return;
        }
        try {
            action.run();
        } catch (TrainingRefusedException e) {
            showRefusal(e);
        }
    }

    private void showRefusal(TrainingRefusedException e) {
        Notification n = Notification.show(owner.getTranslation(e.messageKey(), e.args().toArray()), 6000,
                Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private String user() {
        return run.ownerId();
    }

    private void subscribe() {
        if (run == null || ui == null || subscription != null || !owner.isAttached()) {
            return;
        }
        UI target = ui;
        TrainingRun<I> subscribed = run;
        subscription = service.subscribe(subscribed.ownerId(), subscribed, snapshot -> target.access(() -> {
            if (run == subscribed) { // a late snapshot of a discarded run must not draw over the new one
                onSnapshot.accept(snapshot);
                stateListeners.forEach(l -> l.accept(snapshot));
            }
        }));
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
