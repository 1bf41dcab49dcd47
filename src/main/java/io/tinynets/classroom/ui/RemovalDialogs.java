package io.tinynets.classroom.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.List;

/**
 * The pieces the classes and admin pages share for removals: an icon-only button that still has a name for screen
 * readers and a tooltip, and a confirmation that lists exactly what goes and says what stays.
 */
final class RemovalDialogs {

    private RemovalDialogs() {
    }

    /** An icon button of a grid row; {@code label} is its accessible name and its tooltip. */
    static Button iconButton(VaadinIcon icon, String label, ComponentEventListener<ClickEvent<Button>> listener) {
        Button b = new Button(icon.create(), listener);
        b.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        b.setAriaLabel(label);
        b.setTooltipText(label);
        return b;
    }

    /**
     * Opens a confirmation: the header names the thing, a list states what is removed for good ({@code goes}, may be
     * empty), a last paragraph what stays. Escape or Cancel closes it without doing anything.
     */
    static ConfirmDialog confirm(Component owner, String header, String confirmText, List<String> goes, String stays,
                                 Runnable onConfirm) {
        ConfirmDialog d = new ConfirmDialog();
        d.addClassName("removal-dialog");
        d.setHeader(header);
        Div body = new Div();
        if (!goes.isEmpty()) {
            UnorderedList list = new UnorderedList();
            goes.forEach(item -> list.add(new ListItem(item)));
            body.add(new Paragraph(owner.getTranslation("classroom.remove.goes")), list);
        }
        body.add(new Paragraph(stays));
        d.setText(body);
        d.setCancelable(true);
        d.setCancelText(owner.getTranslation("classroom.cancel"));
        d.setConfirmText(confirmText);
        d.setConfirmButtonTheme("error primary");
        d.addConfirmListener(e -> {
            // closed first: while a modal dialog is open, a notification shown now would be attached inside it
            d.close();
            onConfirm.run();
        });
        d.open();
        return d;
    }

    /** Everything the dialog says, for tests. */
    static String text(ConfirmDialog d) {
        return d.getChildren().map(c -> c.getElement().getTextRecursively()).reduce("", (a, b) -> a + b);
    }
}
