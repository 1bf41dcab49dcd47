package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The short explanation every lab shows beside its controls, and the "things to try" list, both from message keys
 * {@code prefix.1 … prefix.n} so the texts live in messages_en/messages_ko.
 */
public final class LabText {

    private LabText() {
    }

    /** Paragraphs {@code prefix.1..count} under a collapsible "What is going on?" heading, opened by default. */
    public static Details explanation(Component owner, String prefix, int count) {
        Div body = new Div();
        for (int i = 1; i <= count; i++) {
            body.add(new Paragraph(owner.getTranslation(prefix + "." + i)));
        }
        Details details = new Details(owner.getTranslation("lab.explanation"), body);
        details.setOpened(true);
        details.addClassName("lab-explanation");
        return details;
    }

    /** A "Try this" list of items {@code prefix.1..count}. */
    public static Div tryThis(Component owner, String prefix, int count) {
        UnorderedList list = new UnorderedList();
        for (int i = 1; i <= count; i++) {
            list.add(new ListItem(owner.getTranslation(prefix + "." + i)));
        }
        Div box = new Div(new H4(owner.getTranslation("lab.tryThis")), list);
        box.addClassName("lab-try");
        return box;
    }
}
