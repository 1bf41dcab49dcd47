package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.tinynets.classroom.Submission;
import io.tinynets.training.TranslatableProblem;

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

    /**
     * What a submission's goal check says, in the colour of the result: success when the goal is met (or there is
     * none), a warning when it is not (the work was handed in, but it is not a success).
     */
    static Notification submitted(Component c, Submission s) {
        if (s.goalMet() == null || s.goalMet() && !s.goalUnverified()) {
            return success(submittedText(c, s));
        }
        Notification n = Notification.show(submittedText(c, s), 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        return n;
    }

    static String submittedText(Component c, Submission s) {
        return c.getTranslation(GoalText.submitted(s));
    }

    static Notification success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }
}
