package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The short explanation every lab shows beside its controls, and the "things to try" list, from message keys (so the
 * texts live in messages_en/messages_ko).
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

    /** An empty "Try this" list; the caller adds each suggestion with its action ({@link TryThisList#add}). */
    public static TryThisList tryThis(Component owner) {
        return new TryThisList(owner);
    }
}
