package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.shared.HasTooltip;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import io.tinynets.base.ui.LabLayout;
import io.tinynets.base.ui.LabText;
import io.tinynets.base.ui.LiveTraining;
import io.tinynets.base.ui.PictureText;
import io.tinynets.base.ui.TrainingControls;
import io.tinynets.base.ui.TryThisList;
import io.tinynets.training.RunSettings;
import io.tinynets.training.RunState;
import io.tinynets.training.Snapshot;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import io.tinynets.training.lab.Suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every live lab's page, written once: the title and introduction, the form on the left with the training controls
 * and the features' add-ons (save, reopen, assignment), the panels on the right, and the protocol between them:
 * <ul>
 *     <li>a changed setting discards the run and shows the new network at initialization (the next Play builds a
 *     run from the form);</li>
 *     <li>a changed live hyperparameter goes to the running trainer, and into what a save records;</li>
 *     <li>each snapshot reaches the panels inside {@code ui.access} (see {@link LiveTraining}); a run can be saved
 *     once it delivered internals of epoch 1 or later;</li>
 *     <li>{@code beforeEnter} hands the query parameters to the add-ons in order, the first that takes them wins.</li>
 * </ul>
 * A lab view is {@code @Route("x") class XView extends LabFrame<XConfig, XInternals, XForm, XPanels>} handing over
 * its definition, form and panels.
 *
 * @param <C> the lab's configuration
 * @param <I> the internals its trainer captures
 * @param <F> its form
 * @param <P> its panels
 */
public abstract class LabFrame<C, I, F extends LabForm<C>, P extends LabPanels<C, I>> extends VerticalLayout
        implements HasDynamicTitle, BeforeEnterObserver, LabContext<C, I> {

    public final LabDefinition<C, I> definition;
    public final F form;
    public final P panels;
    public final LiveTraining<I> training;
    public final TrainingControls controls;
    /** "Try this": each suggestion's text and the button that carries it out. */
    public final TryThisList tryThis;
    /** The downloads: pictures as PNG, curves as CSV, the printed handout. */
    public final LabExport export;
    private final List<LabAddOn.Part> parts = new ArrayList<>();
    private boolean updating = true;
    /** What the current run was built from (with the live values in effect), and the latest internals drawn. */
    private C runConfig;
    private I lastInternals;
    /** The epoch (or step) {@link #lastInternals} belong to. */
    private long lastEpoch;
    private Predicate<String> locked = path -> false;
    private String lockedWhy = "";

    protected LabFrame(TrainingService service, Stream<LabAddOn> addOns, LabDefinition<C, I> definition,
                       F form, P panels) {
        this.definition = definition;
        this.form = form;
        this.panels = panels;
        String key = definition.key();
        training = new LiveTraining<>(this, service, key, this::apply);
        controls = new TrainingControls(training, this::ensureRun, definition.defaultSpeed());
        tryThis = LabText.tryThis(this);
        // before the add-ons: one may lock controls as it attaches, and the buttons must then be there to disable
        for (Suggestion<C> s : definition.suggestions()) {
            tryThis.add(s.key(), s.actionable() ? () -> trySuggestion(s) : null);
        }
        addOns.forEach(a -> a.attach(this).ifPresent(parts::add));
        export = new LabExport(key, panels::pictures);
        setSizeFull();
        addClassName("lab-view");
        addClassName(key + "-lab");
        add(new H2(getTranslation(key + ".title")), new Paragraph(getTranslation(key + ".intro")));

        VerticalLayout column = new VerticalLayout();
        column.add(partsIn(LabAddOn.Slot.TOP));
        if (definition.controlsFirst()) {
            column.add(controls);
            column.add(partsIn(LabAddOn.Slot.BELOW_CONTROLS));
            column.add(export);
            column.add(form);
        } else {
            column.add(form, controls);
            column.add(partsIn(LabAddOn.Slot.BELOW_CONTROLS));
            column.add(export);
        }
        column.add(panels.besideControls().toArray(Component[]::new));
        column.add(LabText.explanation(this, key + ".explain", definition.explanations()), tryThis);
        add(LabLayout.body(column, panels));

        form.addChangeListener(this::configChanged);
        form.addLiveChangeListener(this::liveChanged);
        updating = false;
        configChanged();
    }

    private Component[] partsIn(LabAddOn.Slot slot) {
        return parts.stream().filter(p -> p.slot() == slot).flatMap(p -> p.components().stream())
                .toArray(Component[]::new);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(definition.key() + ".title") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        for (LabAddOn.Part part : parts) {
            if (part.beforeEnter(event)) {
                return;
            }
        }
    }

    /** The latest internals the panels drew (null before the run's first snapshot). */
    public I lastInternals() {
        return lastInternals;
    }

    /** The epoch (or step) of {@link #lastInternals()} (0 without them). */
    public long lastEpoch() {
        return lastInternals == null ? 0 : lastEpoch;
    }

    /** What the current run was built from, with the live values in effect (null without a run). */
    public C runConfig() {
        return runConfig;
    }

    /** The add-on part of this type (a feature's bar, for tests and for the feature itself). */
    public <T> Optional<T> part(Class<T> type) {
        return parts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    // ---- the protocol ----------------------------------------------------------------------------------------

    /** Forgets the run and shows the new configuration at initialization. */
    private void configChanged() {
        if (updating) {
            return;
        }
        if (training.hasRun()) {
            training.discard();
            // only then: the controls show READY already, and redrawing them moves Play's text behind its tooltip
            controls.showReady();
        }
        runConfig = null;
        lastInternals = null;
        parts.forEach(LabAddOn.Part::configChanged);
        saveStateChanged();
        applyLocks();
        C config = form.getValue();
        controls.playButton().setEnabled(config != null);
        panels.configure(config, form.getSeed());
        export.rebuild();
    }

    private void liveChanged() {
        parts.forEach(LabAddOn.Part::liveChanged);
        // a running run can always be paused, whatever the form holds
        controls.playButton().setEnabled(form.getValue() != null || training.isRunning());
        if (training.hasRun()) {
            form.sendLive(training);
            if (runConfig != null) {
                runConfig = form.withLive(runConfig);
            }
        }
    }

    /** Creates the run from the form when there is none; false (the invalid fields marked) when it cannot. */
    public boolean ensureRun() {
        if (training.hasRun()) {
            return true;
        }
        C config = form.getValue();
        if (config == null) {
            form.validate();
            return false;
        }
        return createRun(config, form.getSeed(), null);
    }

    /** A READY run from the config: fresh weights from the seed, or the saved weights (applied as it is built). */
    private boolean createRun(C config, long seed, String savedWeights) {
        boolean created;
        try {
            // the service checks that the weights fit before it builds anything
            created = training.create(definition.trainer(config, savedWeights),
                    RunSettings.seeded(seed).withSpeed(controls.selectedSpeed()));
        } catch (IllegalArgumentException e) {
            error(definition.trainerRefusal(this, e));
            return false;
        }
        runConfig = created ? config : null;
        lastInternals = null;
        if (created) {
            panels.runCreated();
        }
        saveStateChanged();
        return created;
    }

    private void apply(Snapshot<I> snapshot) {
        if (!panels.accepts(snapshot)) {
            return;
        }
        if (snapshot.fromStart()) {
            panels.restart();
        }
        if (snapshot.internals() != null) {
            lastInternals = snapshot.internals();
            lastEpoch = definition.epoch(snapshot);
            saveStateChanged();
        } else if (snapshot.fromStart()) {
            // reset without internals yet: nothing of the old epochs may be saved with the new history
            lastInternals = null;
            saveStateChanged();
        }
        panels.show(snapshot);
        if (snapshot.state() != RunState.RUNNING) {
            // the run stopped: its last numbers reach the pictures' text alternatives now, not never
            PictureText.flushAll(panels);
        }
    }

    private boolean canSave() {
        return training.hasRun() && runConfig != null && lastInternals != null && lastEpoch >= 1;
    }

    private void saveStateChanged() {
        boolean canSave = canSave();
        parts.forEach(p -> p.saveStateChanged(canSave));
    }

    // ---- what add-ons see ------------------------------------------------------------------------------------

    @Override
    public Component view() {
        return this;
    }

    @Override
    public LabDefinition<C, I> definition() {
        return definition;
    }

    @Override
    public Optional<TrainingRun<I>> run() {
        return training.run();
    }

    @Override
    public Optional<LabRun<C, I>> savableRun() {
        if (!canSave()) {
            return Optional.empty();
        }
        I in = lastInternals;
        long epoch = lastEpoch;
        return training.run().map(r -> new LabRun<>(runConfig, r, in, epoch));
    }

    @Override
    public C formValue() {
        return form.getValue();
    }

    @Override
    public long formSeed() {
        return form.getSeed();
    }

    @Override
    public boolean load(C config, long seed) {
        if (!putInForm(config, seed)) {
            return false;
        }
        panels.setSavedCurves(List.of());
        configChanged();
        return form.getValue() != null;
    }

    @Override
    public boolean restore(String name, C config, long seed, String savedWeights, List<SavedCurve> curves) {
        if (!putInForm(config, seed)) {
            error(getTranslation(definition.unreadableKey(), name, getTranslation(definition.outOfRangeKey())));
            return false;
        }
        panels.setSavedCurves(curves);
        configChanged();
        C shown = form.getValue();
        if (shown == null) {
            error(getTranslation(definition.unreadableKey(), name, getTranslation(definition.outOfRangeKey())));
            return false;
        }
        return createRun(shown, seed, savedWeights);
    }

    /** The configuration and seed into the form without reacting to each control; false when it cannot show them. */
    private boolean putInForm(C config, long seed) {
        updating = true;
        try {
            boolean fits = form.setValue(config);
            if (fits) {
                form.setSeed(seed);
            }
            return fits;
        } finally {
            updating = false;
        }
    }

    @Override
    public void lock(Predicate<String> lockedPaths, String why) {
        locked = lockedPaths;
        lockedWhy = why;
        form.setLocks(lockedPaths, why);
        applyLocks();
        for (Suggestion<C> s : definition.suggestions()) {
            tryThis.setLocked(s.key(), s.lockedBy(lockedPaths) ? why : null);
        }
    }

    /**
     * Carries out a "Try this" suggestion: its step applied to the settings in the form, through the same path as a
     * restored run (the form takes the configuration, the run is discarded), its seed if it names one, then Play if
     * the text says so. Refused with a message while a field is invalid (the step needs the rest of the settings).
     */
    void trySuggestion(Suggestion<C> suggestion) {
        if (suggestion.lockedBy(locked)) {
            error(lockedWhy);
            return;
        }
        C current = form.getValue();
        if (current == null) {
            form.validate();
            error(getTranslation("lab.tryIt.invalid"));
            return;
        }
        C next;
        try {
            next = suggestion.apply(current);
        } catch (IllegalArgumentException e) {
            error(getTranslation("lab.tryIt.refused"));
            return;
        }
        boolean fits = putInForm(next, suggestion.seed().orElse(form.getSeed()));
        // the panels follow the form even when it refused part of the step
        configChanged();
        if (!fits) {
            error(getTranslation("lab.tryIt.refused"));
            return;
        }
        if (suggestion.play() && form.getValue() != null) {
            controls.playButton().click();
        }
    }

    /** True when an add-on locked the controls of configuration path {@code path}. */
    protected boolean isLocked(String path) {
        return locked.test(path);
    }

    /** Why the locked controls are locked (shown on hover). */
    protected String lockedWhy() {
        return lockedWhy;
    }

    private void applyLocks() {
        for (Map.Entry<String, List<Component>> e : form.lockableControls().entrySet()) {
            if (locked.test(e.getKey())) {
                e.getValue().forEach(this::lockControl);
            }
        }
    }

    private void lockControl(Component c) {
        if (c instanceof HasEnabled h) {
            h.setEnabled(false);
        }
        if (c instanceof HasTooltip t) {
            t.setTooltipText(lockedWhy);
        }
        c.getElement().setAttribute("title", lockedWhy);
        c.addClassName("assignment-locked");
    }

    /** Shows an error the student can read (never a stack trace). */
    protected static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
