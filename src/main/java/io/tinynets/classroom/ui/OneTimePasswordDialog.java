package io.tinynets.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.tinynets.classroom.OneTimeLogin;

/** Shows a reset's one-time password once, large enough to read out or copy; it is never shown again. */
class OneTimePasswordDialog extends Dialog {

    final Span password = new Span();

    OneTimePasswordDialog(OneTimeLogin login) {
        addClassName("one-time-password-dialog");
        setHeaderTitle(getTranslation("classroom.reset.done", login.displayName()));
        password.setText(login.password());
        password.addClassName("one-time-password");
        password.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600")
                .set("letter-spacing", "0.1em").set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("user-select", "all");
        add(new Paragraph(getTranslation("classroom.reset.handOut", login.displayName(), login.username())),
                password);
        Button close = new Button(getTranslation("classroom.close"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        // the keyboard lands on Close: Enter dismisses once the password is handed out
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                close.focus();
            }
        });
    }
}
