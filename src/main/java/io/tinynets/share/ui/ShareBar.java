package io.tinynets.share.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabContext;
import io.tinynets.base.ui.frame.LabDefinition;
import io.tinynets.experiment.LabConfigs;
import io.tinynets.share.LabLink;
import io.tinynets.share.ShareLinkProblem;
import io.tinynets.training.TranslatableProblem;

import java.util.List;
import java.util.Map;

/**
 * One lab's share link. The address follows the form: every change of a setting, the seed or a live hyperparameter
 * replaces it (no new history entry) with {@code ?lab=…} holding the whole state, so the address bar, a bookmark and
 * "Copy link" all reproduce the lab. Opening such a link puts the state into the form (no run: Play starts one) after
 * the same checks as an import; a link that fails them says why and leaves the lab at its defaults.
 *
 * <p>A lab entered through another feature's link ({@code ?assignment=}, {@code ?experiment=}) keeps that address:
 * only "Copy link" makes a share link there.
 */
public final class ShareBar extends Div implements LabAddOn.Part {

    /** Copies the absolute link; answers "+url" when the clipboard took it, "-url" when the browser refused. */
    private static final String COPY = """
            const url = new URL($0, document.baseURI).href;
            return (async () => {
              try { await navigator.clipboard.writeText(url); return '+' + url; } catch (e) { return '-' + url; }
            })();""";

    public final Button copy = new Button();
    /** The link to copy by hand, shown once "Copy link" was pressed. */
    public final TextField linkField = new TextField();
    /** Why the settings cannot travel in a link (shown only then). */
    public final Span note = new Span();
    private final LabContext<Object, Object> lab;
    private final LabDefinition<Object, Object> definition;
    private final LabConfigs rules;
    /** The route's path, known once the lab was entered. */
    private String path;
    /** True when the address follows the form (the lab was entered without another feature's link). */
    private boolean following;
    /** The parameter of the form's state, or null (an invalid form, or a state too large for a link). */
    private String parameter;

    @SuppressWarnings("unchecked")
    ShareBar(LabContext<?, ?> lab, LabConfigs rules) {
        this.lab = (LabContext<Object, Object>) lab;
        this.definition = this.lab.definition();
        this.rules = rules;
        addClassName("share-bar");
        copy.setText(getTranslation("share.copy"));
        copy.setIcon(VaadinIcon.LINK.create());
        copy.addClassName("share-copy");
        copy.addClickListener(e -> copyLink());
        linkField.setLabel(getTranslation("share.field"));
        linkField.setReadOnly(true);
        linkField.setWidthFull();
        linkField.setVisible(false);
        linkField.addClassName("share-link");
        note.addClassName("share-note");
        note.setVisible(false);
        add(copy, note, linkField);
        stateChanged();
    }

    @Override
    public List<Component> components() {
        return List.of(this);
    }

    /** The relative link to the form's state ({@code playground?lab=…}), or null when there is none. */
    public String link() {
        return parameter == null || path == null ? null : location(parameter).getPathWithQueryParameters();
    }

    @Override
    public boolean beforeEnter(BeforeEnterEvent event) {
        path = event.getLocation().getPath();
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        if (query.keySet().stream().anyMatch(k -> !k.equals(LabLink.PARAMETER))) {
            // another feature's link (or a parameter of a newer version): its address stays
            following = false;
            return false;
        }
        following = true;
        List<String> values = query.getOrDefault(LabLink.PARAMETER, List.of());
        if (values.isEmpty()) {
            return false;
        }
        if (!open(values.get(0))) {
            // the address must not keep a link that fails on every reload
            UI.getCurrent().getPage().getHistory().replaceState(null, location(null));
        }
        return true;
    }

    @Override
    public void configChanged() {
        stateChanged();
    }

    @Override
    public void liveChanged() {
        stateChanged();
    }

    /** Puts a shared state into the form after the import's checks; false, after saying why, when refused. */
    private boolean open(String text) {
        Object config;
        LabLink.State state;
        try {
            state = LabLink.read(text);
            if (!state.lab().equals(definition.key())) {
                throw new ShareLinkProblem("share.link.otherLab", state.lab());
            }
            rules.check(state.lab(), state.configJson(), state.configVersion(), state.seed());
            config = definition.codec().read(state.configJson(), state.configVersion());
        } catch (IllegalArgumentException e) {
            refuse(e instanceof TranslatableProblem p ? getTranslation(p.messageKey(), p.messageArgs())
                    : getTranslation("share.link.unreadable"));
            return false;
        }
        if (!lab.load(config, state.seed())) {
            refuse(getTranslation(definition.outOfRangeKey()));
            return false;
        }
        return true;
    }

    private void refuse(String why) {
        Notification n = Notification.show(getTranslation("share.link.refused", why), 10_000,
                Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The form changed: a new parameter, into the address when it follows the form. */
    private void stateChanged() {
        Object config = lab.formValue();
        String was = parameter;
        parameter = null;
        note.setVisible(false);
        if (config == null) {
            copy.setEnabled(false);
            copy.setTooltipText(getTranslation("share.copy.invalid"));
            return;
        }
        try {
            parameter = LabLink.write(new LabLink.State(definition.key(), definition.codec().write(config),
                    definition.codec().version(), lab.formSeed()));
            copy.setEnabled(true);
            copy.setTooltipText(getTranslation("share.copy.tooltip"));
        } catch (ShareLinkProblem p) {
            copy.setEnabled(false);
            String why = getTranslation("share.link.cannotCarry", p.messageArgs());
            copy.setTooltipText(why);
            note.setText(why);
            note.setVisible(true);
        }
        linkField.setVisible(false);
        if (following && path != null && !java.util.Objects.equals(was, parameter)) {
            UI.getCurrent().getPage().getHistory().replaceState(null, location(parameter));
        }
    }

    private Location location(String value) {
        return new Location(path, value == null ? QueryParameters.empty()
                : QueryParameters.simple(Map.of(LabLink.PARAMETER, value)));
    }

    private void copyLink() {
        String relative = link();
        if (relative == null) {
            return;
        }
        copy.getElement().executeJs(COPY, relative).then(String.class, answer -> {
            linkField.setValue(answer.substring(1));
            linkField.setVisible(true);
            if (answer.startsWith("+")) {
                linkField.setHelperText(null);
                Notification.show(getTranslation("share.copied"), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } else {
                linkField.setHelperText(getTranslation("share.field.helper"));
                linkField.getElement().executeJs("this.focus(); this.inputElement.select()");
            }
        });
    }
}
