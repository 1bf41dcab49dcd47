package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.tinynets.experiment.TranslatableProblem;

/** Notifications of the classroom pages, refusals translated from their message keys. */
final class Texts {

    private Texts() {
    }

    static String problem(Component c, TranslatableProblem p) {
        return c.getTranslation(p.messageKey(), p.messageArgs());
    }

    static Notification error(Component c, TranslatableProblem p) {
        Notification n = Notification.show(problem(c, p), 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return n;
    }

    static Notification success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }
}
