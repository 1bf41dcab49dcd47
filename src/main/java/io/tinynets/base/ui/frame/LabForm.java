package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tinynets.base.ui.LiveTraining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A lab's settings form, the one place where its configuration meets its controls: {@link #getValue()} (null while a
 * field is invalid), {@link #setValue}, the run's seed, and the controls that write each configuration field,
 * registered under the codec's field names ({@link #lockable}) so that an assignment can lock them.
 *
 * <p>Two kinds of change: a setting that changes the network or the data ({@link #changed()}: the frame discards the
 * run) and a live hyperparameter such as the learning rate ({@link #liveChanged()}: sent to the running trainer
 * through {@link #sendLive}, the run goes on).
 *
 * @param <C> the lab's configuration
 */
public abstract class LabForm<C> extends VerticalLayout {

    private final Set<String> paths;
    private final Map<String, List<Component>> lockable = new LinkedHashMap<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final List<Runnable> liveListeners = new ArrayList<>();
    private Predicate<String> locks = path -> false;
    private String lockedWhy = "";

    /** @param paths the codec's field names: the only paths a control may be registered under */
    protected LabForm(Set<String> paths) {
        this.paths = Set.copyOf(paths);
        setPadding(false);
        // the same gap as the controls column around it (.lab-controls), so the form reads as part of it
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-s)");
        addClassName("lab-form");
    }

    /** The form as a configuration, or null while a field is invalid or the values do not make one. */
    public abstract C getValue();

    /** Puts a configuration into the controls; false, changing nothing, when the controls cannot show it. */
    public abstract boolean setValue(C config);

    /** The seed a new run starts from. */
    public abstract long getSeed();

    public abstract void setSeed(long seed);

    /** Marks invalid fields (e.g. when Play is pressed with one); true when the form holds a configuration. */
    public abstract boolean validate();

    /** Sends the live hyperparameters (learning rate…) to the running trainer. */
    protected void sendLive(LiveTraining<?> training) {
    }

    /** The run's configuration with the live values now in the form (a saved run records the rate in effect). */
    protected C withLive(C runConfig) {
        return runConfig;
    }

    /** Registers the controls that write configuration field {@code path} (one of the codec's field names). */
    protected final void lockable(String path, Component... controls) {
        if (!paths.contains(path)) {
            throw new IllegalArgumentException("not a field of the lab's configuration: " + path);
        }
        lockable.computeIfAbsent(path, p -> new ArrayList<>()).addAll(List.of(controls));
    }

    /** Replaces the controls registered under {@code path} (a form that rebuilds them, e.g. one row per layer). */
    protected final void relockable(String path, Component... controls) {
        lockable.remove(path);
        lockable(path, controls);
    }

    /** The controls by the configuration field they write. */
    public final Map<String, List<Component>> lockableControls() {
        return Collections.unmodifiableMap(lockable);
    }

    /** True when an assignment (or another add-on) locks configuration path {@code path}. */
    protected final boolean isLocked(String path) {
        return locks.test(path);
    }

    /** Why locked controls are locked, for a refusal the form shows itself (a click that would change one). */
    protected final String lockedWhy() {
        return lockedWhy;
    }

    final void setLocks(Predicate<String> lockedPaths, String why) {
        locks = lockedPaths;
        lockedWhy = why;
    }

    /** A setting changed: the current run no longer matches the form. */
    protected final void changed() {
        changeListeners.forEach(Runnable::run);
    }

    /** A live hyperparameter changed. */
    protected final void liveChanged() {
        liveListeners.forEach(Runnable::run);
    }

    final void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    final void addLiveChangeListener(Runnable listener) {
        liveListeners.add(listener);
    }
}
