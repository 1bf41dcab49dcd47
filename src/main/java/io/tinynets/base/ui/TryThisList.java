package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lab's "Try this" list: each suggestion's text and, where the suggestion sets controls or presses Play, a "Try it"
 * button that carries it out. A button can be disabled with the reason (an assignment's lock) shown on hover.
 */
public class TryThisList extends Div {

    private final Component owner;
    private final UnorderedList list = new UnorderedList();
    private final Map<String, Button> buttons = new LinkedHashMap<>();

    public TryThisList(Component owner) {
        this.owner = owner;
        add(new H4(owner.getTranslation("lab.tryThis")), list);
        addClassName("lab-try");
    }

    /** Adds suggestion {@code key}'s text, with a "Try it" button running {@code action} unless that is null. */
    public void add(String key, Runnable action) {
        String text = owner.getTranslation(key);
        ListItem item = new ListItem(new Span(text));
        if (action != null) {
            Button tryIt = new Button(owner.getTranslation("lab.tryIt"), e -> action.run());
            tryIt.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            tryIt.setAriaLabel(owner.getTranslation("lab.tryIt.aria", text));
            tryIt.addClassName("try-it");
            tryIt.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            item.add(tryIt);
            buttons.put(key, tryIt);
        }
        list.add(item);
    }

    /** The "Try it" button of suggestion {@code key}, if it has one. */
    public Optional<Button> button(String key) {
        return Optional.ofNullable(buttons.get(key));
    }

    /** The buttons by suggestion key, in order. */
    public Map<String, Button> buttons() {
        return Collections.unmodifiableMap(buttons);
    }

    /** Enables suggestion {@code key}'s button, or disables it saying {@code why} on hover when why is non-null. */
    public void setLocked(String key, String why) {
        Button b = buttons.get(key);
        if (b == null) {
            return;
        }
        b.setEnabled(why == null);
        b.setTooltipText(why);
        if (why == null) {
            b.getElement().removeAttribute("title");
        } else {
            b.getElement().setAttribute("title", why);
        }
    }
}
