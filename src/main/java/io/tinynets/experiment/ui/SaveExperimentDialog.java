package io.tinynets.experiment.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.training.TranslatableProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * "Save as experiment" for any lab: asks for a name, tags and notes, then saves what the lab's draft supplier returns
 * at that moment (config, seed, curves, final figures, weights, picture) for the current user.
 *
 * <pre>{@code
 * Button save = SaveExperimentDialog.button(experiments, () -> currentDraft());   // in the lab's controls
 * }</pre>
 * The supplier's draft name is the suggested name. The supplier is called on opening (to suggest the name) and again
 * on saving, so the run saved is the run as it is when the student presses Save.
 */
public class SaveExperimentDialog extends Dialog {

    final DescriptionForm form;
    final Button save = new Button();
    final Button cancel = new Button();
    private final ExperimentService service;
    private final Supplier<ExperimentDraft> drafts;
    private final List<Consumer<Long>> savedListeners = new ArrayList<>();

    public SaveExperimentDialog(ExperimentService service, Supplier<ExperimentDraft> drafts) {
        this.service = Objects.requireNonNull(service, "service");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        ExperimentDraft suggestion = drafts.get();
        setHeaderTitle(getTranslation("experiments.saveDialog.header"));
        form = new DescriptionForm(this, new DescriptionForm.Description(suggestion == null ? "" : suggestion.name(),
                suggestion == null ? List.of() : suggestion.tags(), suggestion == null ? "" : suggestion.notes()));
        VerticalLayout fields = new VerticalLayout(form.name, form.tags, form.notes);
        fields.setPadding(false);
        fields.setWidth("28rem");
        fields.setMaxWidth("100%");
        add(fields);

        save.setText(getTranslation("experiments.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> save());
        cancel.setText(getTranslation("experiments.cancel"));
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
        form.binder.addStatusChangeListener(e -> save.setEnabled(form.binder.isValid()));
        save.setEnabled(form.binder.isValid());
        addClassName("save-experiment-dialog");
    }

    /** A lab's "Save as experiment" button that opens this dialog. */
    public static Button button(ExperimentService service, Supplier<ExperimentDraft> drafts) {
        Button b = new Button(VaadinIcon.ARCHIVE.create());
        b.setText(b.getTranslation("experiments.saveDialog.open"));
        b.setTooltipText(b.getTranslation("experiments.saveDialog.open.tooltip"));
        b.addClickListener(e -> {
            if (CurrentUser.isLoggedIn()) {
                new SaveExperimentDialog(service, drafts).open();
            } else {
                askToLogIn(b);
            }
        });
        return b;
    }

    /** Saving needs an account (the labs themselves are open without one): say so, with a way to log in. */
    static Notification askToLogIn(Button source) {
        Notification n = new Notification();
        n.setDuration(8000);
        n.setPosition(Notification.Position.BOTTOM_START);
        Button login = new Button(source.getTranslation("shell.login"), e -> UI.getCurrent().navigate("login"));
        login.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        n.add(new HorizontalLayout(new Span(source.getTranslation("experiments.saveDialog.loginFirst")), login));
        n.open();
        return n;
    }

    /**
     * Another title and action for the same form, when saving is part of something else (a lab's "Submit to
     * assignment" saves the run, then hands it in).
     */
    public void describeAs(String header, String action) {
        setHeaderTitle(header);
        save.setText(action);
    }

    /** Called with the new experiment's id after a successful save. */
    public void addSavedListener(Consumer<Long> listener) {
        savedListeners.add(listener);
    }

    /** Saves the lab's current run under the typed description; returns the id, or null when refused. */
    Long save() {
        if (!form.valid()) {
            return null;
        }
        DescriptionForm.Description d = form.bean();
        try {
            ExperimentDraft draft = drafts.get().describedAs(d.name(), d.notes(), d.tagList());
            long id = service.save(CurrentUser.experimentOwner(), draft);
            close();
            notifySaved(id, draft.name().strip());
            savedListeners.forEach(l -> l.accept(id));
            return id;
        } catch (RuntimeException e) {
            if (e instanceof TranslatableProblem p) {
                ExperimentTexts.error(ExperimentTexts.problem(this, p));
                return null;
            }
            throw e;
        }
    }

    private void notifySaved(long id, String name) {
        Notification n = new Notification();
        n.setDuration(6000);
        n.setPosition(Notification.Position.BOTTOM_START);
        Button view = new Button(getTranslation("experiments.saveDialog.view"),
                e -> UI.getCurrent().navigate("experiments/" + id));
        view.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        n.add(new HorizontalLayout(new Span(getTranslation("experiments.saveDialog.saved", name)), view));
        n.open();
    }
}
